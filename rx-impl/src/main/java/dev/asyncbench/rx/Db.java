package dev.asyncbench.rx;

import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Scenario 5: Q queries through a pool of P connections, each waiting server-side.
 *
 * <ul>
 *   <li>Threads: a scheduler of exactly P threads, made for this call and shut down after it.</li>
 *   <li>Blocking: each JDBC call, on that scheduler via {@code subscribeOn}; flatMap's
 *       maxConcurrency P keeps one query per thread and connection.</li>
 *   <li>Cancellation: disposing stops queries not yet started; a running query finishes
 *       (JDBC calls are not interrupted).</li>
 *   <li>Errors: the first {@code SQLException} fails the call; queries not yet started are skipped.</li>
 * </ul>
 */
final class Db {

    private Db() {
    }

    static Single<DbResult> db(DbSpec spec, RxConfig config) {
        int pool = spec.orders().poolSize();
        return Single.using(() -> config.jdbcThreads(pool),
                jdbcThreads -> queries(spec, Schedulers.from(jdbcThreads), pool),
                ExecutorService::shutdown);
    }

    private static Single<DbResult> queries(DbSpec spec, Scheduler jdbc, int pool) {
        OrdersRepository orders = spec.orders();
        return Flowable.range(0, spec.queries())
                // flatMapSingle with maxConcurrency P: never more queries at once than connections
                .flatMapSingle(i -> Single.fromCallable(() -> orders.ordersOf(spec.customerFor(i), spec.latency()))
                        .subscribeOn(jdbc), false, pool)
                .reduce(new DbResult(0, 0, 0), (sum, rows) ->
                        new DbResult(sum.queries() + 1, sum.rows() + rows.size(), sum.amountCents() + amountOf(rows)));
    }

    private static long amountOf(List<Order> rows) {
        long cents = 0;
        for (Order order : rows) cents += order.amountCents();
        return cents;
    }
}
