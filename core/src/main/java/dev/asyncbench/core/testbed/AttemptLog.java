package dev.asyncbench.core.testbed;

import dev.asyncbench.core.spec.Fault;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every {@code /flaky} attempt since the last reset, for the conformance kit's retry rules. Each
 * entry is written on its connection's event loop only; a reader sees each entry's fields as of
 * its last change ({@link Entry} publishes through volatile fields). Keeps at most
 * {@value #CAPACITY} entries, so a long bench run cannot eat the heap; {@link #overflowed()}
 * says when some were dropped.
 */
final class AttemptLog {
    static final int CAPACITY = 200_000;

    private final long origin = System.nanoTime();
    private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private volatile boolean overflowed;

    /** One attempt, open until {@link #ended}. */
    final class Entry {
        private final long seed;
        private final int attempt;
        private final Fault planned;
        private final long startNanos = System.nanoTime();
        private volatile long endNanos;
        private volatile Attempt.End end = Attempt.End.OPEN;

        private Entry(long seed, int attempt, Fault planned) {
            this.seed = seed;
            this.attempt = attempt;
            this.planned = planned;
        }

        void ended(Attempt.End how) {
            if (end != Attempt.End.OPEN) return;
            endNanos = System.nanoTime();
            end = how;
        }

        Attempt read() {
            Attempt.End e = end;
            return new Attempt(seed, attempt, planned, (startNanos - origin) / 1000, e == Attempt.End.OPEN ? -1 : (endNanos - origin) / 1000, e);
        }
    }

    Entry started(long seed, int attempt, Fault planned) {
        Entry entry = new Entry(seed, attempt, planned);
        if (size.incrementAndGet() <= CAPACITY) entries.add(entry);
        else overflowed = true;
        return entry;
    }

    boolean overflowed() {
        return overflowed;
    }

    void clear() {
        entries.clear();
        size.set(0);
        overflowed = false;
    }

    /** {@code /attempts}: one {@link Attempt#line()} per attempt, in arrival order. */
    String text() {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) s.append(e.read().line()).append('\n');
        if (overflowed) s.append("# overflowed: only the first ").append(CAPACITY).append(" attempts are listed\n");
        return s.toString();
    }
}
