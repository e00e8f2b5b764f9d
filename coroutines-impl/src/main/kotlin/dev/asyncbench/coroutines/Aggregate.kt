package dev.asyncbench.coroutines

import dev.asyncbench.core.io.Checksums
import dev.asyncbench.core.io.Summaries
import dev.asyncbench.core.spec.AggregateResult
import dev.asyncbench.core.spec.AggregateSpec
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit

/**
 * Scenario 6: per id, the profile over HTTP and the orders from the database at the same
 * time; combine them; store the summary. At most C ids in flight, at most P queries at once.
 *
 * - Threads: one coroutine per id on Dispatchers.Default, where the CPU work of combining
 *   runs; its query is a child coroutine on the repository's `Dispatchers.IO.limitedParallelism(P)`
 *   ([CoroutinesConfig.jdbc], made once), started before the profile is fetched.
 * - Blocking: only JDBC, on the view's threads; HTTP is `sendAsync().await()`. A `Semaphore`
 *   of C permits keeps the other ids suspended until one ends.
 * - Cancellation: on the first failure the scope cancels every id in flight: the await of a
 *   request cancels it (abandoned), a query still queued never runs (a running one ends with
 *   its server-side wait).
 * - Errors: the first failure is rethrown as it is.
 */
internal object Aggregate {

    suspend fun aggregate(spec: AggregateSpec, config: CoroutinesConfig): AggregateResult {
        val ids = spec.ids()
        val summaries = LongArray(ids)
        val jdbc = config.jdbc(spec.orders())
        val inFlight = Semaphore(spec.maxInFlight())
        coroutineScope {                                    // returns once every id is stored
            repeat(ids) { i ->
                launch {
                    inFlight.withPermit {                   // at most C ids in flight
                        summaries[i] = summarize(spec, i + 1, jdbc)
                    }
                }
            }
        }
        return AggregateResult(ids, Checksums.foldAll(summaries))
    }

    /** One id: its query on the JDBC dispatcher, its profile meanwhile, combined, stored; the summary. */
    suspend fun summarize(spec: AggregateSpec, id: Int, jdbc: CoroutineDispatcher): Long = coroutineScope {
        val http = spec.http()
        val rows = async(jdbc) { spec.orders().ordersOf(id, spec.latency()) }
        val profile = http.sendAsync(http.profile(id, spec.latency(), spec.dist())).await()
        val summary = Summaries.combine(id, profile, rows.await())
        http.sendAsync(http.store(id, summary)).await()
        summary
    }
}
