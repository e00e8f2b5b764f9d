package dev.asyncbench.threads;

import dev.asyncbench.core.io.LoadClock;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 11: requests taken in on the arrival clock, at most C served at once, the others queued.
 *
 * <ul>
 *   <li>Threads: the classic thread-pool server. The caller is the acceptor: it sleeps until each
 *       request's intended start and hands the request to a pool of C platform threads made for
 *       the call (at most the model's ceiling; {@code threads-per-task} shares this file, so its
 *       load is the same pool); a request that finds every thread busy waits in the pool's queue, in arrival
 *       order, holding no thread. Each request's work is aggregate's ({@link Aggregate#summarize}).
 *   <li>Blocking: the acceptor's sleep; in a request, {@code TestbedClient.send} and JDBC.
 *   <li>Cancellation: the first failure stops the acceptor (it waits for the next arrival on a
 *       latch the failing request opens), then every request is cancelled with
 *       {@code cancel(true)} (a queued one never starts; a running one is interrupted) and the
 *       pool shut down.
 *   <li>Errors: the first failure is rethrown unwrapped.
 * </ul>
 */
final class Load {
    private Load() {
    }

    static LoadResult load(ThreadsConfig config, LoadSpec spec) {
        Objects.requireNonNull(spec, "spec");
        LoadClock clock = LoadClock.start(spec);
        AggregateSpec work = spec.work(clock.requests());
        ExecutorService jdbc = config.jdbc(spec.orders());
        int threads = Math.min(spec.maxInFlight(), config.traits().maxWaiting());   // never past the model's ceiling
        ExecutorService servers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("threads-load-", 0).daemon().factory());
        CountDownLatch failed = new CountDownLatch(1);
        List<Future<?>> requests = new ArrayList<>(clock.requests());
        try {
            for (int r = 0; r < clock.requests(); r++) {
                int i = r;
                if (failed.await(clock.nanosUntil(i), TimeUnit.NANOSECONDS)) break;   // the arrival clock, never a free thread; a failure ends it
                clock.arrived(i);
                requests.add(servers.submit(() -> {                       // queued until one of the C threads is free
                    try {
                        clock.started(i);
                        clock.completed(i, Aggregate.summarize(jdbc, work, i + 1));
                        return i;
                    } catch (Exception e) {
                        failed.countDown();
                        throw e;
                    }
                }));
            }
            for (Future<?> request : requests) request.get();
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            for (Future<?> request : requests) request.cancel(true);
            servers.shutdownNow();
        }
        return clock.result();
    }
}
