package dev.asyncbench.futures;

import dev.asyncbench.core.io.LoadClock;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 11: requests taken in on the arrival clock, at most C served at once, the others queued.
 *
 * <ul>
 *   <li>Threads: none of ours while waiting. Every arrival is a timer set up front
 *       ({@code delayedExecutor}, handing over to the model's executor); it puts its request in
 *       a queue, and a request starts when one of the C slots is free, each completion
 *       starting the next queued one (no semaphore: nothing blocks). Each request's work is
 *       aggregate's ({@link Aggregate#summarize}).
 *   <li>Blocking: none but JDBC, on its own pool of P threads.
 *   <li>Cancellation: on the first failure the load ends; requests still queued never start, and
 *       arrivals still to come are dropped.
 *   <li>Errors: the first failure completes the load and is rethrown unwrapped.
 * </ul>
 */
final class Load {
    private Load() {
    }

    static LoadResult load(FuturesConfig config, LoadSpec spec) {
        Objects.requireNonNull(spec, "spec");
        LoadClock clock = LoadClock.start(spec);
        Server server = new Server(config, clock, spec.work(clock.requests()), spec.maxInFlight());
        Executor executor = config.executor();
        for (int r = 0; r < clock.requests(); r++) {
            int i = r;
            CompletableFuture.runAsync(() -> server.arrive(i),           // the arrival clock: a timer per request, set now
                    CompletableFuture.delayedExecutor(Math.max(0, clock.nanosUntil(i)), TimeUnit.NANOSECONDS, executor));
        }
        try {
            Failures.await(server.done);                                 // an interrupt cancels the load: nothing queued starts
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
        return clock.result();
    }

    /** C slots and a queue: a request starts when it arrives to a free slot, or when a slot frees and it is next. */
    private static final class Server {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final FuturesConfig config;
        private final LoadClock clock;
        private final AggregateSpec work;
        private final Queue<Integer> queued = new ConcurrentLinkedQueue<>();
        private final AtomicInteger freeSlots;
        private final AtomicInteger remaining;

        Server(FuturesConfig config, LoadClock clock, AggregateSpec work, int slots) {
            this.config = config;
            this.clock = clock;
            this.work = work;
            this.freeSlots = new AtomicInteger(slots);
            this.remaining = new AtomicInteger(clock.requests());
        }

        void arrive(int i) {
            if (done.isDone()) return;
            clock.arrived(i);
            queued.add(i);
            startQueued();
        }

        /** Starts queued requests while a slot is free. */
        private void startQueued() {
            while (!queued.isEmpty() && !done.isDone()) {
                if (freeSlots.getAndDecrement() <= 0) {                     // no slot: a completion will come back here
                    freeSlots.incrementAndGet();
                    return;
                }
                Integer i = queued.poll();
                if (i == null) {                                            // another thread took it
                    freeSlots.incrementAndGet();
                    continue;
                }
                serve(i);
            }
        }

        private void serve(int i) {
            clock.started(i);
            Aggregate.summarize(config, work, i + 1, request -> work.http().sendAsync(request)).whenComplete((summary, error) -> {
                freeSlots.incrementAndGet();
                if (error != null) {
                    done.completeExceptionally(error);
                    return;
                }
                clock.completed(i, summary);
                if (remaining.decrementAndGet() == 0) done.complete(null);
                else startQueued();
            });
        }
    }
}
