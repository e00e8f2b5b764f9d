package dev.asyncbench.threads;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.Summaries;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Scenario 6: per id, the profile over HTTP and the orders from the database at the same
 * time; combine them; store the summary. At most C ids in flight, at most P queries at once.
 *
 * <ul>
 *   <li>Threads: a sliding window of C ids on the model's executor
 *       ({@link SlidingWindow}). Each id's thread hands its query to the
 *       repository's pool of P JDBC threads ({@code ThreadsConfig.jdbc}, made once), fetches
 *       the profile itself meanwhile, then waits for the orders; it never submits to its own
 *       executor, so a pool at its ceiling cannot deadlock waiting for itself.
 *   <li>Blocking: {@code TestbedClient.send} and JDBC each block their thread; the id's
 *       thread also blocks on the query's {@code Future.get}.
 *   <li>Cancellation: on the first failure the ids in flight are cancelled with
 *       {@code cancel(true)}: the interrupt abandons a blocking send and cancels the id's query
 *       if it is still queued (a running query ends with its server-side wait).
 *   <li>Errors: the first failure is rethrown unwrapped.
 * </ul>
 */
final class Aggregate {
    private Aggregate() {
    }

    static AggregateResult aggregate(ThreadsConfig config, AggregateSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        OrdersRepository orders = spec.orders();
        int ids = spec.ids();
        long[] summaries = new long[ids];
        ExecutorService jdbc = config.jdbc(orders);
        IntFunction<Callable<Integer>> summarize = i -> () -> {         // id i + 1, blocking on each step
            summaries[i] = summarize(jdbc, spec, i + 1);
            return i;
        };
        SlidingWindow.run(config.executor(), ids, spec.maxInFlight(), summarize);
        return new AggregateResult(ids, Checksums.foldAll(summaries));
    }

    /** One id: its query handed to the pool of P JDBC threads, its profile fetched meanwhile, combined, stored; the summary. */
    static long summarize(ExecutorService jdbc, AggregateSpec spec, int id) throws Exception {
        TestbedClient http = spec.http();
        OrdersRepository orders = spec.orders();
        Future<List<Order>> rows = jdbc.submit(() -> orders.ordersOf(id, spec.latency()));
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
}
