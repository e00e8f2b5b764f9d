package dev.asyncbench.vthreads;

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
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.LongStream;

/**
 * Scenario 5: Q queries through the repository's pool of P connections, each waiting
 * server-side.
 *
 * <ul>
 *   <li>Threads: all Q queries are submitted at once, each on a virtual thread of its own; the
 *       repository's {@link Semaphore} of P permits, one per connection
 *       ({@code VirtualThreadsConfig.connections}, made once), lets P of them query at a time.
 *       HikariCP would hold the others back too, but fail those that wait longer than its
 *       connection timeout; P, not the model, is the limit.
 *   <li>Blocking: JDBC blocks its virtual thread for the whole query, wait included; the
 *       driver's socket reads unmount it, so its carrier runs others meanwhile.
 *   <li>Cancellation: on the first failure every query is cancelled with {@code cancel(true)}:
 *       a waiting one stops waiting for its permit; a running one is interrupted, and as a
 *       virtual thread's socket IO is interruptible, its connection is closed (HikariCP
 *       replaces it).
 *   <li>Errors: completions are taken as they happen ({@code ExecutorCompletionService}), so
 *       the first failure is rethrown at once ({@code SQLException} wrapped in an
 *       {@code IllegalStateException}).
 * </ul>
 */
final class Db {
    private Db() {
    }

    static DbResult db(VirtualThreadsConfig config, DbSpec spec) {
        Objects.requireNonNull(spec, "spec");
        OrdersRepository orders = spec.orders();
        int queries = spec.queries();
        long[] rows = new long[queries];
        long[] cents = new long[queries];
        Semaphore connections = config.connections(orders);
        CompletionService<Void> completions = new ExecutorCompletionService<>(config.executor());
        List<Future<Void>> running = new ArrayList<>(queries);
        try {
            for (int i = 0; i < queries; i++) {
                int query = i;
                running.add(completions.submit(() -> {                       // query i, blocking its virtual thread
                    connections.acquire();                                    // at most P queries past this line
                    try {
                        List<Order> found = orders.ordersOf(spec.customerFor(query), spec.latency());
                        rows[query] = found.size();
                        cents[query] = found.stream().mapToLong(Order::amountCents).sum();
                        return null;
                    } finally {
                        connections.release();
                    }
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
            for (Future<Void> query : running) query.cancel(true);       // a no-op once done
        }
        return new DbResult(queries, LongStream.of(rows).sum(), LongStream.of(cents).sum());
    }
}
