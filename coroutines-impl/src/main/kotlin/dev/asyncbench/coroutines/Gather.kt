package dev.asyncbench.coroutines

import dev.asyncbench.core.EventLog
import dev.asyncbench.core.TaskFailedException
import dev.asyncbench.core.spec.GatherSpec
import dev.asyncbench.core.spec.MassGatherSpec
import dev.asyncbench.core.spec.Outcome
import dev.asyncbench.core.spec.Task
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.supervisorScope
import kotlin.time.toKotlinDuration

/**
 * Scenarios 2 and 8, the post's second example: gather (fail fast), collect-all, and the mass
 * gather of N identical tasks; every task starts at once as a child coroutine.
 *
 * - Threads: one coroutine per task on Dispatchers.Default; none holds a thread while it waits.
 * - Blocking: none; each task waits with `delay`.
 * - Cancellation: structured: in `coroutineScope` a failing child cancels its siblings, whose
 *   `delay` ends at once; `supervisorScope` lets every child run to its end.
 * - Errors: `awaitAll` rethrows the first failure, the task's own [TaskFailedException];
 *   collect-all turns each failure into an [Outcome].
 */
internal object Gather {

    /** All at once, fail fast: the first failure cancels every sibling and is rethrown as it is. */
    suspend fun gather(spec: GatherSpec, log: EventLog): List<String> = coroutineScope {
        spec.tasks().map { task -> async { run(task, log) } }.awaitAll()
    }

    /** All at once, collect all: siblings of a failing task run on; one outcome per task, in order. */
    suspend fun gatherAll(spec: GatherSpec, log: EventLog): List<Outcome> = supervisorScope {
        val running = spec.tasks().map { task -> async { run(task, log) } }
        spec.tasks().zip(running) { task, result ->
            try {
                Outcome.success(task.name(), result.await())
            } catch (failure: TaskFailedException) {
                Outcome.failure(task.name(), failure)
            }
        }
    }

    /** N identical tasks at once, task i returns i; a million waiting coroutines take about 400 MB of heap. */
    suspend fun gatherMany(spec: MassGatherSpec): Long = coroutineScope {
        (0 until spec.tasks()).map { i ->
            async {
                delay(spec.delay().toKotlinDuration())
                i.toLong()
            }
        }.awaitAll().sum()
    }

    /** One task, as in the post: log its start, wait its delay, log its end (or fail). */
    private suspend fun run(task: Task, log: EventLog): String {
        log.log(task.startLine())
        delay(task.delay().toKotlinDuration())
        if (task.fails()) {
            log.log(task.failedLine())
            throw TaskFailedException(task.name())
        }
        log.log(task.completedLine())
        return task.name()
    }
}
