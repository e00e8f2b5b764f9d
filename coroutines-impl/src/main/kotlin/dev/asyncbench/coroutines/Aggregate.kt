package dev.asyncbench.coroutines

import dev.asyncbench.core.io.Checksums
import dev.asyncbench.core.io.Summaries
import dev.asyncbench.core.spec.AggregateResult
import dev.asyncbench.core.spec.AggregateSpec
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit

/**
 * Scenario 6: per id, the profile over HTTP and the orders from the database at once, then
 * combine and store; at most C ids in flight.
 *
 * - Threads: one coroutine per id on Dispatchers.Default, where the CPU work of combining runs;
 *   the orders query on `Dispatchers.IO.limitedParallelism(P)` ([CoroutinesConfig.jdbc]).
 * - Blocking: only the JDBC query; HTTP is `sendAsync().await()`. A `Semaphore` of C
 *   permits bounds the ids in flight, the JDBC view bounds queries at P.
 * - Cancellation: structured: cancelling an id cancels its profile request (abandoned) and its
 *   query if not yet started; ids waiting for a permit never start.
 * - Errors: the first failure of any id cancels the others and is rethrown.
 */
internal object Aggregate {

    suspend fun aggregate(spec: AggregateSpec, config: CoroutinesConfig): AggregateResult = coroutineScope {
        val jdbc = config.jdbc(spec.orders().poolSize())
        val inFlight = Semaphore(spec.maxInFlight())
        val summaries = (1..spec.ids()).map { id ->
            async { inFlight.withPermit { summary(spec, id, jdbc) } }
        }.awaitAll()
        AggregateResult(summaries.size, Checksums.foldAll(summaries.toLongArray()))
    }

    /** One id: profile and orders at once, combine, store; returns the summary. */
    private suspend fun summary(spec: AggregateSpec, id: Int, jdbc: CoroutineDispatcher): Long = coroutineScope {
        val http = spec.http()
        val profile = async { http.sendAsync(http.profile(id, spec.latency())).await() }
        val orders = async(jdbc) { spec.orders().ordersOf(id, spec.latency()) }
        val summary = Summaries.combine(id, profile.await(), orders.await())
        http.sendAsync(http.store(id, summary)).await()
        summary
    }
}
