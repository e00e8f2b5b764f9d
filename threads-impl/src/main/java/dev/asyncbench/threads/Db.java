package dev.asyncbench.threads;

import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * Scenario 5: Q queries through the repository's pool of P connections, each waiting
 * server-side.
 *
 * <ul>
 *   <li>Threads: every query is submitted at once to the repository's pool of exactly P
 *       platform threads ({@code ThreadsConfig.jdbc}: made at its first call, kept for the
 *       next), one per connection; the rest wait in its queue. The same in both
 *       platform-thread models: P, not the model, is the limit.
 *   <li>Blocking: JDBC blocks its thread for the whole query, wait included.
 *   <li>Cancellation: on the first failure the queued queries are cancelled and never run;
 *       a running query ignores the interrupt and ends with its server-side wait.
 *   <li>Errors: completions are taken as they happen ({@code ExecutorCompletionService}), so
 *       the first failure is rethrown at once ({@code SQLException} wrapped in an
 *       {@code IllegalStateException}).
 * </ul>
 */
final class Db {
    private Db() {
    }

    static DbResult db(ThreadsConfig config, DbSpec spec) {
        Objects.requireNonNull(spec, "spec");
        OrdersRepository orders = spec.orders();
        int queries = spec.queries();
        long[] rows = new long[queries];
        long[] cents = new long[queries];
        ExecutorService jdbc = config.jdbc(orders);
        CompletionService<Void> completions = new ExecutorCompletionService<>(jdbc);
        List<Future<Void>> running = new ArrayList<>(queries);
        try {
            for (int i = 0; i < queries; i++) {
                int query = i;
                running.add(completions.submit(() -> {                       // query i, blocking a JDBC thread
                    List<Order> found = orders.ordersOf(spec.customerFor(query), spec.latency());
                    rows[query] = found.size();
                    cents[query] = found.stream().mapToLong(Order::amountCents).sum();
                    return null;
                }));
            }
            for (int done = 0; done < queries; done++) {
                completions.take().get();                                 // fail fast: the first failure throws here
            }
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            for (Future<Void> query : running) query.cancel(true);       // queued ones never run
        }
        return new DbResult(queries, LongStream.of(rows).sum(), LongStream.of(cents).sum());
    }
}
