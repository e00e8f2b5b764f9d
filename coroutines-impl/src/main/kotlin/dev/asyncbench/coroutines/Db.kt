package dev.asyncbench.coroutines

import dev.asyncbench.core.spec.DbResult
import dev.asyncbench.core.spec.DbSpec
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch

/**
 * Scenario 5: Q queries through the repository's pool of P connections, each waiting
 * server-side.
 *
 * - Threads: one coroutine per query, all launched at once on the repository's
 *   `Dispatchers.IO.limitedParallelism(P)` ([CoroutinesConfig.jdbc], made once): at most P of
 *   them run, one per connection; the rest wait in the view's queue without a thread. P, not
 *   the model, is the limit.
 * - Blocking: JDBC blocks its thread for the whole query, wait included; the view keeps those
 *   threads off Dispatchers.Default and never asks Hikari for more than P connections.
 * - Cancellation: on the first failure the queued queries are cancelled and never run; a
 *   running query is not interruptible and ends with its server-side wait.
 * - Errors: the first failure (`SQLException`) cancels the scope and is rethrown.
 */
internal object Db {

    suspend fun db(spec: DbSpec, config: CoroutinesConfig): DbResult {
        val orders = spec.orders()
        val queries = spec.queries()
        val rows = LongArray(queries)
        val cents = LongArray(queries)
        val jdbc = config.jdbc(orders)
        coroutineScope {                                    // returns once every query is done
            repeat(queries) { query ->
                launch(jdbc) {                              // query i, blocking a JDBC thread
                    val found = orders.ordersOf(spec.customerFor(query), spec.latency())
                    rows[query] = found.size.toLong()
                    cents[query] = found.sumOf { it.amountCents() }
                }
            }
        }
        return DbResult(queries, rows.sum(), cents.sum())
    }
}
