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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Scenario 6: per id, the profile over HTTP and the orders from the database at the same
 * time; combine them; store the summary. At most C ids in flight, at most P queries at once.
 *
 * <ul>
 *   <li>Threads: a sliding window of C ids without a semaphore. Per id, {@code sendAsync}
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
        OrdersRepository orders = spec.orders();
        int ids = spec.ids();
        long[] summaries = new long[ids];
        CompletableFuture<Void> window = new CompletableFuture<>();   // every summary stored, or the first failure
        Set<CompletableFuture<byte[]>> inFlight = ConcurrentHashMap.newKeySet();
        IntFunction<CompletableFuture<Void>> summarize = i ->           // id i + 1, holding no thread while it waits
                summarize(config, spec, i + 1, request -> send(http, request, inFlight, window)).thenAccept(summary -> summaries[i] = summary);
        window.exceptionally(failure -> {                              // the failure callback: cancel the requests themselves
            for (CompletableFuture<byte[]> request : inFlight) request.cancel(true);
            return null;
        });
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(ids);
        for (int lane = 0; lane < Math.min(spec.maxInFlight(), ids); lane++) startNext(summarize, ids, next, remaining, window);
        try {
            Failures.await(window);
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
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

    /**
     * The sliding window: starts the next item nobody started yet and, when it ends, the one
     * after that; C first calls keep C items in flight. The last item, or the first failure,
     * completes {@code window}.
     */
    private static void startNext(IntFunction<CompletableFuture<Void>> item, int items, AtomicInteger next,
                                  AtomicInteger remaining, CompletableFuture<Void> window) {
        int i = next.getAndIncrement();
        if (i >= items || window.isDone()) return;
        CompletableFuture<Void> started;
        try {
            started = item.apply(i);
        } catch (RuntimeException e) {                                    // refused at once (a closed executor): fail, never hang
            window.completeExceptionally(e);
            return;
        }
        started.whenComplete((done, error) -> {
            if (error != null) window.completeExceptionally(error);
            else if (remaining.decrementAndGet() == 0) window.complete(null);
            else startNext(item, items, next, remaining, window);
        });
    }

    /** {@code sendAsync}, its future kept while in flight so that the window's failure can cancel it. */
    private static CompletableFuture<byte[]> send(TestbedClient http, HttpRequest request,
                                                  Set<CompletableFuture<byte[]>> inFlight, CompletableFuture<Void> window) {
        CompletableFuture<byte[]> call = http.sendAsync(request);
        inFlight.add(call);
        call.whenComplete((body, error) -> inFlight.remove(call));
        if (window.isCompletedExceptionally()) call.cancel(true);          // started as the window failed
        return call;
    }
}
