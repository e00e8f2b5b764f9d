package dev.asyncbench.reactor;

import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.List;
import java.util.Objects;

/**
 * Scenario 5: Q queries through the repository's pool of P connections, each waiting
 * server-side.
 *
 * <ul>
 *   <li>Threads: {@code flatMap} with a concurrency of P runs the queries on the repository's
 *       scheduler of exactly P platform threads ({@code ReactorConfig.jdbc}: made at its first
 *       call, kept for the next), one per connection. P, not the model, is the limit.
 *   <li>Blocking: JDBC blocks its thread for the whole query, wait included; there is no
 *       non-blocking JDBC (R2DBC is another driver and another API), so the blocking is
 *       confined to those P threads ({@code subscribeOn}).
 *   <li>Cancellation: on the first failure no new query starts; a running query's thread is
 *       interrupted, which the driver does not answer: the query ends with its server-side wait.
 *   <li>Errors: the first failure ends the flow ({@code SQLException} wrapped in an
 *       {@code IllegalStateException}).
 * </ul>
 */
final class Db {
    private Db() {
    }

    static Mono<DbResult> db(ReactorConfig config, DbSpec spec) {
        Objects.requireNonNull(spec, "spec");
        OrdersRepository orders = spec.orders();
        Scheduler jdbc = config.jdbc(orders);
        int queries = spec.queries();
        return Flux.range(0, queries)
                .flatMap(query -> Mono.fromCallable(() -> orders.ordersOf(spec.customerFor(query), spec.latency()))
                        .subscribeOn(jdbc), orders.poolSize())               // query i, blocking a JDBC thread; P at once
                .reduce(new DbResult(0, 0, 0), (sum, found) ->
                        new DbResult(sum.queries() + 1, sum.rows() + found.size(), sum.amountCents() + cents(found)));
    }

    private static long cents(List<Order> found) {
        return found.stream().mapToLong(Order::amountCents).sum();
    }
}
