package dev.asyncbench.core.io;

import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The testbed's view of scenario 4's disk, as the HTTP server's counters are its view of the
 * network: while a watch is on, every {@link DurableFiles#write} is counted in progress from its
 * start to its end (the peak is the file work a model really ran at once), and waits
 * {@code latency} before forcing the file to disk, as a slow disk would: the injected latency
 * makes the overlap observable on any machine, as the server's injected latency does for HTTP.
 *
 * <p>Off by default (one volatile read per write); at most one watch at a time, per JVM (the
 * conformance kit's). The injected wait answers interrupts as an interruptible
 * {@code FileChannel} does: the write fails with {@link ClosedByInterruptException} and the
 * thread's interrupt status stays set. Model code never calls this.
 */
public final class DiskWatch implements AutoCloseable {

    private static volatile DiskWatch current;

    private final Duration latency;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    private DiskWatch(Duration latency) {
        this.latency = latency;
    }

    /** Starts watching every durable write, each held {@code latency} (zero: counted only); fails if a watch is on. */
    public static synchronized DiskWatch start(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) throw new IllegalArgumentException("latency must be at least 0, was " + latency);
        if (current != null) throw new IllegalStateException("a disk watch is already on");
        DiskWatch watch = new DiskWatch(latency);
        current = watch;
        return watch;
    }

    /** The most writes in progress at once since the watch started. */
    public int peak() {
        return peak.get();
    }

    /** Writes in progress now. */
    public int inProgress() {
        return inProgress.get();
    }

    /** Writes started since the watch started. */
    public int writes() {
        return writes.get();
    }

    /** Stops watching: later writes are neither counted nor held. Idempotent. */
    @Override
    public void close() {
        synchronized (DiskWatch.class) {
            if (current == this) current = null;
        }
    }

    @Override
    public String toString() {
        return "{\"writes\":" + writes() + ",\"inProgress\":" + inProgress() + ",\"peak\":" + peak() + "}";
    }

    /** The watch on now, or null. */
    static DiskWatch current() {
        return current;
    }

    void begin() {
        writes.incrementAndGet();
        int now = inProgress.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    /** The slow disk: holds the writing thread for the latency. */
    void hold() throws ClosedByInterruptException {
        if (latency.isZero()) return;
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ClosedByInterruptException closed = new ClosedByInterruptException();
            closed.initCause(e);
            throw closed;
        }
    }

    void end() {
        inProgress.decrementAndGet();
    }
}
