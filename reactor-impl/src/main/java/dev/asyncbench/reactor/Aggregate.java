package dev.asyncbench.reactor;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.Summaries;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.List;
import java.util.Objects;

/**
 * Scenario 6: per id, the profile over HTTP and the orders from the database at the same
 * time; combine them; store the summary. At most C ids in flight, at most P queries at once.
 *
 * <ul>
 *   <li>Threads: {@code flatMap} with a concurrency of C keeps C ids in flight, each slot freed
 *       when its id is stored, and the summaries go back in id order at the end
 *       ({@link InOrder}: not {@code flatMapSequential}, whose slots wait for every earlier id).
 *       Per id, {@code Mono.zip} subscribes to the profile ({@code sendAsync}) and the query (on the repository's scheduler of exactly P
 *       JDBC threads, {@code ReactorConfig.jdbc}, made once) at once; {@code combine} runs on
 *       whichever thread brings the second of the two; {@code flatMap} then stores the summary.
 *   <li>Blocking: only JDBC, confined to the P JDBC threads ({@code subscribeOn}); with C
 *       above P the other queries wait in that scheduler's queue. HTTP holds no thread.
 *   <li>Cancellation: on the first failure {@code flatMap} cancels the ids in flight: their
 *       requests are cancelled ({@link ReactorHttp}) and their queries, if still queued,
 *       never run; a running query's thread is interrupted, which the driver does not answer:
 *       the query ends with its server-side wait.
 *   <li>Errors: the first failure ends the flow and is rethrown unwrapped.
 * </ul>
 */
final class Aggregate {
    private Aggregate() {
    }

    static Mono<AggregateResult> aggregate(ReactorConfig config, AggregateSpec spec) {
        Objects.requireNonNull(spec, "spec");
        OrdersRepository orders = spec.orders();
        Scheduler jdbc = config.jdbc(orders);
        int ids = spec.ids();
        return InOrder.all(ids, spec.maxInFlight(), i -> summarize(spec, i + 1, jdbc))   // C in flight
                .map(summaries -> {
                    long checksum = Checksums.START;
                    for (long summary : summaries) checksum = Checksums.fold(checksum, summary);   // in id order
                    return new AggregateResult(ids, checksum);
                });
    }

    /** Id {@code id}, holding no thread while it waits: profile and orders at once, combined, stored. */
    static Mono<Long> summarize(AggregateSpec spec, int id, Scheduler jdbc) {
        TestbedClient http = spec.http();
        OrdersRepository orders = spec.orders();
        Mono<List<Order>> rows = Mono.fromCallable(() -> orders.ordersOf(id, spec.latency())).subscribeOn(jdbc);
        return Mono.zip(ReactorHttp.send(http, http.profile(id, spec.latency(), spec.dist())), rows,
                        (profile, found) -> Summaries.combine(id, profile, found))
                .flatMap(summary -> ReactorHttp.send(http, http.store(id, summary)).map(stored -> summary));
    }
}
