package dev.asyncbench.core.io;

import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;

import java.util.Arrays;

/**
 * Scenario 11's arrival clock and its records, the same in every model, so the models differ
 * only in how they take requests in and serve them. {@link #start} fixes the clock's zero; request
 * i is meant to start {@link LoadSpec#arrivals()}[i] after it. A model waits, in its own idiom,
 * {@link #nanosUntil(int)} before taking request i in, then marks {@link #arrived} (at once: the
 * arrival must not wait for a slot), {@link #started} (it has its slot) and {@link #completed}.
 * Latency is measured from the intended start, not from when the model got round to it, so a
 * model that falls behind shows it (no coordinated omission). Each request's slots are written by
 * the task that serves it; read {@link #result()} after waiting for all of them.
 */
public final class LoadClock {
    private final long zero = System.nanoTime();
    private final long[] intended;
    private final long[] arrived;
    private final long[] started;
    private final long[] completed;
    private final long[] summaries;

    private LoadClock(long[] offsets) {
        intended = offsets;
        arrived = new long[offsets.length];
        started = new long[offsets.length];
        completed = new long[offsets.length];
        summaries = new long[offsets.length];
        Arrays.fill(completed, -1);
    }

    /** The clock of one operation, its zero now. */
    public static LoadClock start(LoadSpec spec) {
        return new LoadClock(spec.arrivals());
    }

    /** How many requests arrive. */
    public int requests() {
        return intended.length;
    }

    /** Nanoseconds from now until request {@code i} is meant to start; zero or less when it is due. */
    public long nanosUntil(int i) {
        return zero + intended[i] - System.nanoTime();
    }

    /** The model has taken request {@code i} in (it may still wait for a slot). */
    public void arrived(int i) {
        arrived[i] = System.nanoTime() - zero;
    }

    /** Request {@code i} has its slot: its work starts. */
    public void started(int i) {
        started[i] = System.nanoTime() - zero;
    }

    /** Request {@code i} is served: its summary is stored. */
    public void completed(int i, long summary) {
        summaries[i] = summary;
        completed[i] = System.nanoTime() - zero;
    }

    /** The answer (every summary, in id order) and the times. */
    public LoadResult result() {
        return LoadResult.of(intended, arrived, started, completed, summaries);
    }
}
