package dev.asyncbench.coroutines

import dev.asyncbench.core.spec.DbResult
import dev.asyncbench.core.spec.DbSpec
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope

/**
 * Scenario 5: Q queries through the pool of P connections, each waiting server-side.
 *
 * - Threads: one coroutine per query, run on `Dispatchers.IO.limitedParallelism(P)`
 *   ([CoroutinesConfig.jdbc]): at most P threads in JDBC at once, as many as the pool serves.
 * - Blocking: each query (JDBC has no suspending API); the dispatcher keeps the blocked
 *   threads off Dispatchers.Default and never asks Hikari for more than P connections.
 * - Cancellation: a query already running finishes; queries not yet started never start.
 * - Errors: the first SQLException cancels the queries not yet started and is rethrown.
 */
internal object Db {

    suspend fun db(spec: DbSpec, config: CoroutinesConfig): DbResult = coroutineScope {
        val orders = spec.orders()
        val jdbc = config.jdbc(orders.poolSize())
        val rows = (0 until spec.queries()).map { query ->
            async(jdbc) { orders.ordersOf(spec.customerFor(query), spec.latency()) }
        }.awaitAll()
        DbResult(rows.size, rows.sumOf { it.size.toLong() }, rows.sumOf { list -> list.sumOf { it.amountCents() } })
    }
}
