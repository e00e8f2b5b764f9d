package dev.asyncbench.threads;

import dev.asyncbench.core.io.LoadClock;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 *       the call; a request that finds every thread busy waits in the pool's queue, in arrival
 *       order, holding no thread. Each request's work is aggregate's ({@link Aggregate#summarize}).
 *   <li>Blocking: the acceptor's sleep; in a request, {@code TestbedClient.send} and JDBC.
 *   <li>Cancellation: on the first failure every request is cancelled with {@code cancel(true)}
 *       (a queued one never starts; a running one is interrupted) and the pool shut down.
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
        ExecutorService servers = Executors.newFixedThreadPool(spec.maxInFlight(), Thread.ofPlatform().name("threads-load-", 0).daemon().factory());
        List<Future<?>> requests = new ArrayList<>(clock.requests());
        try {
            for (int r = 0; r < clock.requests(); r++) {
                int i = r;
                TimeUnit.NANOSECONDS.sleep(clock.nanosUntil(i));          // the arrival clock, never a free thread
                clock.arrived(i);
                requests.add(servers.submit(() -> {                       // queued until one of the C threads is free
                    clock.started(i);
                    clock.completed(i, Aggregate.summarize(jdbc, work, i + 1));
                    return i;
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
