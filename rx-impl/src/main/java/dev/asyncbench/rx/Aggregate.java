package dev.asyncbench.rx;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.Summaries;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Scenario 6: per id, the profile over HTTP and the orders from the database at once; combine;
 * store; at most C ids in flight; the summaries' checksum in id order.
 *
 * <ul>
 *   <li>Threads: HTTP on the JDK client's threads; JDBC on a scheduler of exactly P threads,
 *       made for this call; {@code combine} runs on whichever thread finished last.</li>
 *   <li>Blocking: each JDBC call, on the P-thread scheduler via {@code subscribeOn}; with C above
 *       P the extra queries wait in that scheduler's queue, not in the pool.</li>
 *   <li>Cancellation: disposing cancels the requests in flight and the queries not yet started.</li>
 *   <li>Errors: the first failure of any step fails the call and disposes the other ids.</li>
 * </ul>
 */
final class Aggregate {

    private Aggregate() {
    }

    static Single<AggregateResult> aggregate(AggregateSpec spec, RxConfig config) {
        int pool = spec.orders().poolSize();
        return Single.using(() -> config.jdbcThreads(pool),
                jdbcThreads -> summaries(spec, Schedulers.from(jdbcThreads)),
                ExecutorService::shutdown);
    }

    private static Single<AggregateResult> summaries(AggregateSpec spec, Scheduler jdbc) {
        return Flowable.range(1, spec.ids())
                // concatMapEager: C ids in flight at once, their summaries emitted in id order
                .concatMapEager(id -> summary(spec, id, jdbc).toFlowable(), spec.maxInFlight(), 1)
                .reduce(Checksums.START, Checksums::fold)
                .map(checksum -> new AggregateResult(spec.ids(), checksum));
    }

    /** One id: profile and orders at once (zip), combined, then stored; the summary. */
    private static Single<Long> summary(AggregateSpec spec, int id, Scheduler jdbc) {
        TestbedClient http = spec.http();
        Single<byte[]> profile = RxHttp.send(http, http.profile(id, spec.latency()));
        Single<List<Order>> orders = Single.fromCallable(() -> spec.orders().ordersOf(id, spec.latency())).subscribeOn(jdbc);
        return Single.zip(profile, orders, (profileBody, rows) -> Summaries.combine(id, profileBody, rows))
                .flatMap(summary -> RxHttp.send(http, http.store(id, summary)).map(stored -> summary));
    }
}
