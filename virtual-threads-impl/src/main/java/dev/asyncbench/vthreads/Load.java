package dev.asyncbench.vthreads;

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
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 11: requests taken in on the arrival clock, at most C served at once, the others queued.
 *
 * <ul>
 *   <li>Threads: a virtual thread per request, as a virtual-thread server gives each connection.
 *       The caller is the acceptor: it sleeps until each request's intended start and starts its
 *       virtual thread at once; a {@link Semaphore} of C permits (fair: arrival order) lets C
 *       of them work, the others park, holding no carrier. Each request's work is aggregate's
 *       ({@link Aggregate#summarize}).
 *   <li>Blocking: the acceptor's sleep; in a request, the permit, {@code TestbedClient.send} and
 *       JDBC each block its virtual thread, which unmounts meanwhile.
 *   <li>Cancellation: the first failure stops the acceptor (it waits for the next arrival on a
 *       latch the failing request opens), then every request is cancelled with
 *       {@code cancel(true)}: a waiting one stops waiting for its permit, a working one is
 *       interrupted.
 *   <li>Errors: the first failure is rethrown unwrapped.
 * </ul>
 */
final class Load {
    private Load() {
    }

    static LoadResult load(VirtualThreadsConfig config, LoadSpec spec) {
        Objects.requireNonNull(spec, "spec");
        LoadClock clock = LoadClock.start(spec);
        AggregateSpec work = spec.work(clock.requests());
        ExecutorService executor = config.executor();
        Semaphore connections = config.connections(spec.orders());
        Semaphore inService = new Semaphore(spec.maxInFlight(), VirtualThreadsConfig.FAIR);
        CountDownLatch failed = new CountDownLatch(1);
        List<Future<?>> requests = new ArrayList<>(clock.requests());
        try {
            for (int r = 0; r < clock.requests(); r++) {
                int i = r;
                if (failed.await(clock.nanosUntil(i), TimeUnit.NANOSECONDS)) break;   // the arrival clock, never a free permit; a failure ends it
                clock.arrived(i);
                requests.add(executor.submit(() -> {                      // request i's own virtual thread
                    inService.acquire();                                  // at most C requests past this line
                    try {
                        clock.started(i);
                        clock.completed(i, Aggregate.summarize(executor, connections, work, i + 1));
                        return i;
                    } catch (Exception e) {
                        failed.countDown();
                        throw e;
                    } finally {
                        inService.release();
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
        }
        return clock.result();
    }
}
