package dev.asyncbench.rx;

import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;

import java.util.List;
import java.util.Objects;

/**
 * Scenario 5: Q queries through the repository's pool of P connections, each waiting
 * server-side.
 *
 * <ul>
 *   <li>Threads: {@code flatMapSingle} with a maxConcurrency of P runs the queries on the
 *       repository's scheduler of exactly P platform threads ({@code RxConfig.jdbc}: made at
 *       its first call, kept for the next), one per connection. P, not the model, is the limit.
 *   <li>Blocking: JDBC blocks its thread for the whole query, wait included; there is no
 *       non-blocking JDBC, so the blocking is confined to those P threads ({@code subscribeOn}).
 *   <li>Cancellation: on the first failure no new query starts; a running query ends with its
 *       server-side wait ({@code Schedulers.from} does not interrupt it).
 *   <li>Errors: the first failure ends the flow ({@code SQLException} wrapped in an
 *       {@code IllegalStateException}).
 * </ul>
 */
final class Db {
    private Db() {
    }

    static Single<DbResult> db(RxConfig config, DbSpec spec) {
        Objects.requireNonNull(spec, "spec");
        OrdersRepository orders = spec.orders();
        Scheduler jdbc = config.jdbc(orders);
        int queries = spec.queries();
        return Flowable.range(0, queries)
                .flatMapSingle(query -> Single.fromCallable(() -> orders.ordersOf(spec.customerFor(query), spec.latency()))
                        .subscribeOn(jdbc), false, orders.poolSize())        // query i, blocking a JDBC thread; P at once
                .reduce(new DbResult(0, 0, 0), (sum, found) ->
                        new DbResult(sum.queries() + 1, sum.rows() + found.size(), sum.amountCents() + cents(found)));
    }

    private static long cents(List<Order> found) {
        return found.stream().mapToLong(Order::amountCents).sum();
    }
}
