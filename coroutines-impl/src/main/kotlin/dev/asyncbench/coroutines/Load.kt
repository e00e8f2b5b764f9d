package dev.asyncbench.coroutines

import dev.asyncbench.core.io.LoadClock
import dev.asyncbench.core.spec.LoadResult
import dev.asyncbench.core.spec.LoadSpec
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Semaphore
import kotlin.time.Duration.Companion.nanoseconds

/**
 * Scenario 11: requests taken in on the arrival clock, at most C served at once, the others queued.
 *
 * - Threads: one coroutine per request on Dispatchers.Default. The caller's coroutine is the
 *   acceptor: it `delay`s until each request's intended start and launches the request at once;
 *   a `Semaphore` of C permits (fair: arrival order) lets C of them work, the others stay
 *   suspended. Each request's work is aggregate's ([Aggregate.summarize]).
 * - Blocking: none but JDBC, on its dispatcher of P threads.
 * - Cancellation: the first failure cancels the scope: every request, queued or in service, and
 *   the acceptor. A request hands its permit on only when it succeeds, so none starts between a
 *   failure and the cancel. `delay` counts whole milliseconds, so arrivals closer than that
 *   come together.
 * - Errors: the first failure is rethrown as it is.
 */
internal object Load {

    suspend fun load(spec: LoadSpec, config: CoroutinesConfig): LoadResult {
        val clock = LoadClock.start(spec)
        val work = spec.work(clock.requests())
        val jdbc = config.jdbc(spec.orders())
        val inService = Semaphore(spec.maxInFlight())
        coroutineScope {                                    // returns once every request is served
            for (i in 0 until clock.requests()) {
                delay(clock.nanosUntil(i).nanoseconds)      // the arrival clock, never a free permit
                clock.arrived(i)
                launch {
                    inService.acquire()                     // at most C requests in service
                    clock.started(i)
                    clock.completed(i, Aggregate.summarize(work, i + 1, jdbc))
                    inService.release()                     // only a success hands its permit on
                }
            }
        }
        return clock.result()
    }
}
