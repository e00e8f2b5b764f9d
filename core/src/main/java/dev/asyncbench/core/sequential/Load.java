package dev.asyncbench.core.sequential;

import dev.asyncbench.core.io.LoadClock;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 11: requests taken in on the arrival clock and served one at a time, as they come.
 * A single thread cannot take a request in while it serves another: once the arrivals outpace it,
 * each is taken in late, and its latency, measured from its intended start, says so.
 *
 * <ul>
 *   <li>Threads: the caller's.
 *   <li>Blocking: the caller sleeps until each intended start that is still ahead, then serves
 *       the request as aggregate does (profile, then orders, one after the other).
 *   <li>Cancellation: interrupting the caller ends the wait or abandons the request in flight.
 *   <li>Errors: the first failure ends the loop.
 * </ul>
 */
final class Load {
    private Load() {
    }

    static LoadResult load(LoadSpec spec) {
        Objects.requireNonNull(spec, "spec");
        LoadClock clock = LoadClock.start(spec);
        AggregateSpec work = spec.work(clock.requests());
        try {
            for (int i = 0; i < clock.requests(); i++) {
                long wait = clock.nanosUntil(i);
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                clock.arrived(i);
                clock.started(i);
                clock.completed(i, Aggregate.summarize(i + 1, work));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("load interrupted");
        }
        return clock.result();
    }
}
