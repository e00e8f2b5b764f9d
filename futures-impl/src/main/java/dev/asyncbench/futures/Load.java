package dev.asyncbench.futures;

import dev.asyncbench.core.io.LoadClock;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 11: requests taken in on the arrival clock, at most C served at once, the others queued.
 *
 * <ul>
 *   <li>Threads: none of ours while waiting. Every arrival is a timer set up front on
 *       {@link FuturesConfig#timers()}; it puts its request in a queue, and a request starts
 *       when one of the C slots is free, each completion starting the next queued one (no
 *       semaphore: nothing blocks). Each request's work is aggregate's
 *       ({@link Aggregate#summarize}), its HTTP calls through a {@link Window}'s tracked sends.
 *   <li>Blocking: none but JDBC, on its own pool of P threads.
 *   <li>Cancellation: the first failure (or the caller's interrupt) ends the load: the
 *       requests in service are cancelled, those queued never start, and the arrivals still
 *       to come are cancelled with their timers.
 *   <li>Errors: the first failure is rethrown unwrapped.
 * </ul>
 */
final class Load {
    private Load() {
    }

    static LoadResult load(FuturesConfig config, LoadSpec spec) {
        Objects.requireNonNull(spec, "spec");
        LoadClock clock = LoadClock.start(spec);
        Server server = new Server(config, clock, spec.work(clock.requests()), spec.maxInFlight());
        List<Future<?>> arrivals = new ArrayList<>(clock.requests());
        for (int r = 0; r < clock.requests(); r++) {
            int i = r;                                                       // the arrival clock: a timer per request, set now
            arrivals.add(config.timers().schedule(() -> server.arrive(i), Math.max(0, clock.nanosUntil(i)), TimeUnit.NANOSECONDS));
        }
        server.done.whenComplete((ok, error) -> arrivals.forEach(arrival -> arrival.cancel(false)));
        try {
            Failures.await(server.done);                                     // an interrupt cancels the load
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
        return clock.result();
    }

    /**
     * C slots and a queue: a request starts when it arrives to a free slot, or when a slot frees
     * and it is next. An arrival queues before it looks for a slot, and a completion frees its
     * slot before it looks at the queue, so one of the two always sees the other.
     */
    private static final class Server {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final FuturesConfig config;
        private final LoadClock clock;
        private final AggregateSpec work;
        private final Window requests = new Window();
        private final Queue<Integer> queued = new ConcurrentLinkedQueue<>();
        private final AtomicInteger freeSlots;
        private final AtomicInteger remaining;

        Server(FuturesConfig config, LoadClock clock, AggregateSpec work, int slots) {
            this.config = config;
            this.clock = clock;
            this.work = work;
            this.freeSlots = new AtomicInteger(slots);
            this.remaining = new AtomicInteger(clock.requests());
            done.exceptionally(failure -> {                                  // cancel the requests in service
                requests.cancel(failure);
                return null;
            });
        }

        void arrive(int i) {
            if (done.isDone()) return;
            clock.arrived(i);
            queued.add(i);
            startQueued();
        }

        /** Starts queued requests while a slot is free. */
        private void startQueued() {
            while (!queued.isEmpty() && !done.isDone() && takeSlot()) {
                Integer i = queued.poll();
                if (i == null) freeSlots.incrementAndGet();                 // another thread took it
                else serve(i);
            }
        }

        /** Takes a free slot, if there is one; the count never goes below zero. */
        private boolean takeSlot() {
            for (int free = freeSlots.get(); free > 0; free = freeSlots.get()) {
                if (freeSlots.compareAndSet(free, free - 1)) return true;
            }
            return false;
        }

        private void serve(int i) {
            clock.started(i);
            CompletableFuture<Long> summary;
            try {
                summary = Aggregate.summarize(config, work, i + 1, request -> requests.send(work.http(), request));
            } catch (RuntimeException e) {                                  // refused at once (a closed pool): fail, never hang
                freeSlots.incrementAndGet();
                done.completeExceptionally(e);
                return;
            }
            summary.whenComplete((value, error) -> {
                freeSlots.incrementAndGet();
                if (error != null) {
                    done.completeExceptionally(error);
                    return;
                }
                clock.completed(i, value);
                if (remaining.decrementAndGet() == 0) done.complete(null);
                else startQueued();
            });
        }
    }
}
