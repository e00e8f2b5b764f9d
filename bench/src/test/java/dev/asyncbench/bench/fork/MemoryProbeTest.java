package dev.asyncbench.bench.fork;

import dev.asyncbench.bench.fork.MemoryProbe;

import org.junit.jupiter.api.Test;

import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory probe repeats until two successive readings of live heap per task agree, as a
 * JVM whose JIT is still compiling the tasks' code needs. Here a fake gather holds a given
 * number of bytes per task while it waits, a different number on each call.
 */
class MemoryProbeTest {

    private static final int TASKS = 1000;

    @Test
    void itRepeatsUntilTwoReadingsAgreeAndReportsTheLast() throws Exception {
        MemoryProbe.Reading r = MemoryProbe.measure(TASKS, 300, -1, holding(4000, 2000, 1900, 100));
        assertEquals(3, r.probes(), "2,000 and 1,900 B agree within 10%");
        assertEquals(1900, r.heapPerTask(), 150, "the last reading, in B per task");
        assertEquals("", r.caveat());
    }

    @Test
    void readingsThatNeverAgreeAreReportedAsSuch() throws Exception {
        MemoryProbe.Reading r = MemoryProbe.measure(TASKS, 300, -1, holding(1000, 3000, 1000, 3000));
        assertEquals(4, r.probes());
        assertTrue(r.caveat().startsWith("memory per task did not settle: the last two of 4 probes read"), r.caveat());
    }

    @Test
    void withOneProbeAllowedTheFirstReadingIsReported() throws Exception {
        System.setProperty(ForkProtocol.Property.MEMORY_PROBES.key, "1");
        try {
            MemoryProbe.Reading r = MemoryProbe.measure(TASKS, 300, -1, holding(4000, 2000));
            assertEquals(1, r.probes());
            assertEquals(4000, r.heapPerTask(), 300);
            assertEquals("", r.caveat(), "no guard, no caveat");
        } finally {
            System.clearProperty(ForkProtocol.Property.MEMORY_PROBES.key);
        }
    }

    @Test
    void smallValuesAgreeWithinAFewBytes() {
        assertTrue(MemoryProbe.settled(100, 112));
        assertTrue(MemoryProbe.settled(1000, 1090));
        assertFalse(MemoryProbe.settled(1000, 1200));
    }

    /** A gather that, on its k-th call, holds {@code bytesPerTask[k]} per task while it waits, then returns the expected sum. */
    private static LongUnaryOperator holding(int... bytesPerTask) {
        AtomicInteger calls = new AtomicInteger();
        return delayMs -> {
            byte[] held = new byte[TASKS * bytesPerTask[calls.getAndIncrement()]];
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Reference.reachabilityFence(held);
            return (long) TASKS * (TASKS - 1) / 2;
        };
    }
}
