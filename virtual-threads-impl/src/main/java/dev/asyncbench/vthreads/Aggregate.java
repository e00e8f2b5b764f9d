package dev.asyncbench.vthreads;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.Summaries;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Scenario 6: per id, the profile over HTTP and the orders from the database at the same
 * time; combine them; store the summary. At most C ids in flight, at most P queries at once.
 *
 * <ul>
 *   <li>Threads: all N ids are submitted at once, each on a virtual thread of its own; a
 *       {@link Semaphore} of C permits lets C of them run at a time. Each id's thread hands its
 *       query to one more virtual thread, which takes one of the repository's P permits (one
 *       per connection, {@code VirtualThreadsConfig.connections}), fetches the profile itself
 *       meanwhile, then waits for the orders.
 *   <li>Blocking: {@code TestbedClient.send}, JDBC and the query's {@code Future.get} each
 *       block their virtual thread, which unmounts; {@code combine} runs on its carrier.
 *   <li>Cancellation: on the first failure every id is cancelled with {@code cancel(true)}:
 *       a waiting one stops waiting for its permit, a running one's send is abandoned, and
 *       its query is cancelled in turn (its connection closed, if it was running).
 *   <li>Errors: the first failure is rethrown unwrapped.
 * </ul>
 */
final class Aggregate {
    private Aggregate() {
    }

    static AggregateResult aggregate(VirtualThreadsConfig config, AggregateSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        OrdersRepository orders = spec.orders();
        int ids = spec.ids();
        long[] summaries = new long[ids];
        ExecutorService executor = config.executor();
        Semaphore inFlight = new Semaphore(spec.maxInFlight(), VirtualThreadsConfig.FAIR);
        Semaphore connections = config.connections(orders);
        IntFunction<Callable<Integer>> summarize = i -> () -> {     // id i + 1, blocking its virtual thread on each step
            inFlight.acquire();                                       // at most C ids past this line
            summaries[i] = summarize(executor, connections, spec, i + 1);
            inFlight.release();                                       // only after a success: a failed id keeps its permit,
            return i;                                                 // so no waiting one starts before the cancel
        };
        EachOnItsOwn.run(executor, ids, summarize);
        return new AggregateResult(ids, Checksums.foldAll(summaries));
    }

    /** One id: its query on a virtual thread of its own, its profile fetched meanwhile, combined, stored; the summary. */
    static long summarize(ExecutorService executor, Semaphore connections, AggregateSpec spec, int id) throws Exception {
        TestbedClient http = spec.http();
        OrdersRepository orders = spec.orders();
        Future<List<Order>> rows = executor.submit(() -> ordersOf(orders, connections, id, spec.latency()));
        try {
            byte[] profile = http.send(http.profile(id, spec.latency(), spec.dist()));
            long summary = Summaries.combine(id, profile, rows.get());
            http.send(http.store(id, summary));
            return summary;
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } finally {
            rows.cancel(true);
        }
    }

    /** One id's orders, holding one of the P permits while it queries. */
    private static List<Order> ordersOf(OrdersRepository orders, Semaphore connections, int id, Duration latency)
            throws InterruptedException, SQLException {
        connections.acquire();                                           // at most P queries past this line
        try {
            return orders.ordersOf(id, latency);
        } finally {
            connections.release();
        }
    }
}
