package dev.asyncbench.coroutines

import dev.asyncbench.core.EventLog
import dev.asyncbench.core.TaskScenario
import dev.asyncbench.core.Traits
import dev.asyncbench.core.spec.AggregateResult
import dev.asyncbench.core.spec.AggregateSpec
import dev.asyncbench.core.spec.DbResult
import dev.asyncbench.core.spec.DbSpec
import dev.asyncbench.core.spec.FanOutResult
import dev.asyncbench.core.spec.FanOutSpec
import dev.asyncbench.core.spec.FilesSpec
import dev.asyncbench.core.spec.GatherSpec
import dev.asyncbench.core.spec.Manifest
import dev.asyncbench.core.spec.MassGatherSpec
import dev.asyncbench.core.spec.Outcome
import dev.asyncbench.core.spec.LoadResult
import dev.asyncbench.core.spec.LoadSpec
import dev.asyncbench.core.spec.RaceSpec
import dev.asyncbench.core.spec.RetryResult
import dev.asyncbench.core.spec.RetrySpec
import dev.asyncbench.core.spec.TimeoutSpec
import kotlinx.coroutines.runBlocking
import java.io.IOException
import java.io.UncheckedIOException
import java.sql.SQLException
import java.time.Duration
import java.util.concurrent.TimeoutException

/**
 * Kotlin coroutines: suspend functions and structured concurrency, bridged to the blocking
 * [TaskScenario] contract by one `runBlocking(Dispatchers.Default)` line per operation.
 *
 * `runBlocking` blocks the Java caller's thread until the scenario is done and rethrows its
 * failure as it is: [dev.asyncbench.core.TaskFailedException] itself, the
 * [TimeoutException] of [fetchWithTimeout]. Kotlin has no checked exceptions, so an IO or SQL
 * failure would reach Java callers undeclared; [unchecked] hands it over wrapped instead,
 * the original as the cause. Interrupting the blocked caller cancels the scenario's
 * coroutines (their requests are abandoned, their delays end). Kotlin checks non-null parameters
 * itself: a Java caller passing null gets a NullPointerException naming the parameter before
 * any coroutine starts. Nothing to close: Dispatchers.Default and Dispatchers.IO are
 * process-wide, and the `limitedParallelism` views this model makes hold no threads of their own.
 */
class CoroutinesModel : TaskScenario {

    private val config = CoroutinesConfig()

    override fun name(): String = "coroutines"

    override fun rank(): Int = 60

    override fun describe(): String = config.describe()

    /** Unlimited W: a waiting coroutine holds no thread (a mass gather of 10,000,000 fits in about 3 GB of heap). */
    override fun traits(): Traits = Traits.CONCURRENT

    override fun hello(pause: Duration, log: EventLog) =
        unchecked { runBlocking(config.scenarios) { Hello.hello(pause, log) } }

    override fun gather(spec: GatherSpec, log: EventLog): List<String> =
        unchecked { runBlocking(config.scenarios) { Gather.gather(spec, log) } }

    override fun gatherAll(spec: GatherSpec, log: EventLog): List<Outcome> =
        unchecked { runBlocking(config.scenarios) { Gather.gatherAll(spec, log) } }

    override fun gatherMany(spec: MassGatherSpec): Long =
        unchecked { runBlocking(config.scenarios) { Gather.gatherMany(spec) } }

    override fun httpFanOut(spec: FanOutSpec): FanOutResult =
        unchecked { runBlocking(config.scenarios) { HttpFanOut.httpFanOut(spec) } }

    override fun files(spec: FilesSpec): Manifest =
        unchecked { runBlocking(config.scenarios) { FileDigests.files(spec, config) } }

    override fun db(spec: DbSpec): DbResult =
        unchecked { runBlocking(config.scenarios) { Db.db(spec, config) } }

    override fun aggregate(spec: AggregateSpec): AggregateResult =
        unchecked { runBlocking(config.scenarios) { Aggregate.aggregate(spec, config) } }

    @Throws(TimeoutException::class)
    override fun fetchWithTimeout(spec: TimeoutSpec): String =
        unchecked { runBlocking(config.scenarios) { Timeout.fetchWithTimeout(spec) } }

    override fun race(spec: RaceSpec): String =
        unchecked { runBlocking(config.scenarios) { Race.race(spec) } }

    override fun retry(spec: RetrySpec): RetryResult =
        unchecked { runBlocking(config.scenarios) { Retry.retry(spec) } }

    override fun load(spec: LoadSpec): LoadResult =
        unchecked { runBlocking(config.scenarios) { Load.load(spec, config) } }

    /**
     * Checked failures, which Kotlin throws undeclared, handed to Java callers unchecked:
     * IO errors as [UncheckedIOException], SQL errors as [IllegalStateException], each with the
     * original as its cause. An interrupted caller keeps its interrupt flag; `runBlocking` has
     * already cancelled the scenario's coroutines.
     */
    private inline fun <T> unchecked(operation: () -> T): T =
        try {
            operation()
        } catch (failure: IOException) {
            throw UncheckedIOException(failure)
        } catch (failure: SQLException) {
            throw IllegalStateException(failure.toString(), failure)
        } catch (interrupt: InterruptedException) {
            Thread.currentThread().interrupt()
            throw IllegalStateException("interrupted while waiting for the scenario's coroutines", interrupt)
        }
}
