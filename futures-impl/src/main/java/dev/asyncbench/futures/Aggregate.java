package dev.asyncbench.futures;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.Summaries;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Scenario 6: per id, the profile over HTTP and the orders from the database at the same
 * time; combine them; store the summary. At most C ids in flight, at most P queries at once.
 *
 * <ul>
 *   <li>Threads: a sliding window of C ids without a semaphore ({@link Window}). Per id, {@code sendAsync}
 *       fetches the profile while {@code supplyAsync} runs the query on the repository's pool
 *       of exactly P JDBC threads ({@code FuturesConfig.jdbc}, made once);
 *       {@code thenCombineAsync} joins them and runs {@code combine} on the model's executor;
 *       {@code thenCompose} stores the summary.
 *   <li>Blocking: only JDBC, confined to the P JDBC threads; HTTP holds no thread.
 *   <li>Cancellation: on the first failure the window cancels the futures returned by
 *       {@code sendAsync} themselves (the JDK client abandons them); a failed id cancels its
 *       query if it is still queued (a running query ends with its server-side wait).
 *   <li>Errors: the first failure completes the window and is rethrown unwrapped.
 * </ul>
 */
final class Aggregate {
    private Aggregate() {
    }

    static AggregateResult aggregate(FuturesConfig config, AggregateSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        int ids = spec.ids();
        long[] summaries = new long[ids];
        Window window = new Window();
        window.run(ids, spec.maxInFlight(), i ->                             // id i + 1, holding no thread while it waits
                summarize(config, spec, i + 1, request -> window.send(http, request)).thenAccept(summary -> summaries[i] = summary));
        return new AggregateResult(ids, Checksums.foldAll(summaries));
    }

    /**
     * One id, holding no thread while it waits: its query on the pool of P JDBC threads, its
     * profile by {@code send} meanwhile, combined on the model's executor, stored; the summary.
     */
    static CompletableFuture<Long> summarize(FuturesConfig config, AggregateSpec spec, int id,
                                             Function<HttpRequest, CompletableFuture<byte[]>> send) {
        TestbedClient http = spec.http();
        OrdersRepository orders = spec.orders();
        CompletableFuture<List<Order>> rows =
                CompletableFuture.supplyAsync(() -> Failures.call(() -> orders.ordersOf(id, spec.latency())), config.jdbc(orders));
        return send.apply(http.profile(id, spec.latency(), spec.dist()))
                .thenCombineAsync(rows, (profile, found) -> Summaries.combine(id, profile, found), config.executor())
                .thenCompose(summary -> send.apply(http.store(id, summary)).thenApply(stored -> summary))
                .whenComplete((done, error) -> rows.cancel(true));      // a failed id's query never runs if still queued
    }

}
