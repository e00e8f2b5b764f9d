package dev.asyncbench.futures;

import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.stream.LongStream;

/**
 * Scenario 5: Q queries through the repository's pool of P connections, each waiting
 * server-side.
 *
 * <ul>
 *   <li>Threads: every query is started at once with {@code runAsync} on the repository's
 *       pool of exactly P platform threads ({@code FuturesConfig.jdbc}: made at its first
 *       call, kept for the next), one per connection; the rest wait in its queue. P, not the
 *       model, is the limit.
 *   <li>Blocking: JDBC blocks its thread for the whole query, wait included; there is no
 *       non-blocking JDBC, so the blocking is confined to those P threads.
 *   <li>Cancellation: on the first failure the queued queries are cancelled and never run;
 *       a running query ends with its server-side wait.
 *   <li>Errors: a failure callback on every query completes the wait with the first failure
 *       ({@code SQLException} wrapped in an {@code IllegalStateException}).
 * </ul>
 */
final class Db {
    private Db() {
    }

    static DbResult db(FuturesConfig config, DbSpec spec) {
        Objects.requireNonNull(spec, "spec");
        OrdersRepository orders = spec.orders();
        int queries = spec.queries();
        long[] rows = new long[queries];
        long[] cents = new long[queries];
        ExecutorService jdbc = config.jdbc(orders);
        List<CompletableFuture<Void>> running = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            int query = i;
            running.add(CompletableFuture.runAsync(() -> {                // query i, blocking a JDBC thread
                List<Order> found = Failures.call(() -> orders.ordersOf(spec.customerFor(query), spec.latency()));
                rows[query] = found.size();
                cents[query] = found.stream().mapToLong(Order::amountCents).sum();
            }, jdbc));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
        for (CompletableFuture<Void> query : running) {
            query.whenComplete((done, error) -> {
                if (error != null) all.completeExceptionally(error);       // fail fast: the first failure ends the wait
            });
        }
        try {
            Failures.await(all);
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        } finally {
            for (CompletableFuture<Void> query : running) query.cancel(true);   // queued ones never run
        }
        return new DbResult(queries, LongStream.of(rows).sum(), LongStream.of(cents).sum());
    }
}
