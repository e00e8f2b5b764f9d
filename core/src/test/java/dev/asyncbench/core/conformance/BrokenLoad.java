package dev.asyncbench.core.conformance;

import dev.asyncbench.core.Traits;
import dev.asyncbench.core.io.LoadClock;
import dev.asyncbench.core.io.Summaries;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A concurrent load whose acceptor waits for a free slot before it takes the next request in:
 * under overload the arrival clock stalls, and a latency measured from when the model got round
 * to a request would hide the queue. For {@link BrokenModelsTest}: it must fail LD3.
 */
final class BrokenLoad extends SequentialStandIn {

    @Override
    public String name() {
        return "broken-load-stalls-the-clock";
    }

    @Override
    public String describe() {
        return "C platform threads; the acceptor takes a slot before it takes a request in";
    }

    @Override
    public Traits traits() {
        return Traits.CONCURRENT;
    }

    @Override
    public LoadResult load(LoadSpec spec) {
        LoadClock clock = LoadClock.start(spec);
        TestbedClient http = spec.http();
        Semaphore slots = new Semaphore(spec.maxInFlight());
        ExecutorService servers = Executors.newFixedThreadPool(spec.maxInFlight());
        try {
            for (int r = 0; r < clock.requests(); r++) {
                int i = r, id = r + 1;
                TimeUnit.NANOSECONDS.sleep(clock.nanosUntil(i));
                slots.acquire();                                          // the flaw: the clock waits for a slot
                clock.arrived(i);
                servers.submit(() -> {
                    try {
                        clock.started(i);
                        long summary = Summaries.combine(id, http.send(http.profile(id, spec.latency())), spec.orders().ordersOf(id, spec.latency()));
                        http.send(http.store(id, summary));
                        clock.completed(i, summary);
                    } finally {
                        slots.release();
                    }
                    return i;
                });
            }
            servers.shutdown();
            if (!servers.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("load did not end");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            servers.shutdownNow();
        }
        return clock.result();
    }
}
