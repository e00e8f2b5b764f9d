package dev.asyncbench.bench.fork;

import dev.asyncbench.bench.fork.ForkProtocol.Property;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.FutureTask;
import java.util.function.LongUnaryOperator;

/**
 * Memory per waiting task, measured after the measured runs, outside them: start N tasks that wait
 * {@code probeDelayMs}, and at 60% of that delay read the resident set, run a full GC and read
 * the used heap; subtract the used heap after a GC just before, and the resident set before
 * the process first ran the tasks; divide by N. Used alike by the
 * suite's mass-gather benchmark and by the minimal programs, so their figures compare.
 *
 * <p>It runs last because the figure depends on the JIT: a waiting virtual thread keeps its
 * stack on the heap, and an interpreted frame is larger than a compiled one, so a JVM's first
 * probes can read well above its later ones (bench/RESULTS.md has the figures). As a guard, the
 * probe repeats until two successive readings of live heap per task agree within
 * {@link #SETTLED} (or {@link #SETTLED_BYTES}), at most {@link #MAX_PROBES} times (or as many as
 * {@link Property#MEMORY_PROBES} says, if fewer), and reports the last.
 */
public final class MemoryProbe {

    /** Per task: live heap after a full GC, resident set growth; how many probes it took; a caveat when the figure is doubtful. */
    public record Reading(double heapPerTask, double rssPerTask, int probes, String caveat) {
    }

    /** Two successive readings of live heap per task this close (relative), or within {@link #SETTLED_BYTES}, settle the probe. */
    static final double SETTLED = 0.10;
    static final double SETTLED_BYTES = 16;
    /**
     * The most probes run before the last reading is reported as not settled;
     * {@link Property#MEMORY_PROBES} may say fewer (1: a single probe, no guard).
     */
    static final int MAX_PROBES = 4;

    private MemoryProbe() {
    }

    /**
     * Whether the probe can see every task waiting: starting them (an operation's time beyond
     * its delay) must take at most half the probe's delay, or some would not have started when
     * it samples; otherwise the reason it is not measured.
     */
    public static String cannotSample(long operationMs, long delayMs) {
        long starting = operationMs - delayMs;
        return starting <= MAX_STARTING_MS ? null
                : "memory per task not measured: starting the tasks took about " + starting + " ms, over the probe's limit of "
                  + MAX_STARTING_MS + " ms";
    }

    /** Longest start-up of the N tasks the probe waits out (its tasks then wait three times that). */
    public static final long MAX_STARTING_MS = 20_000;

    /**
     * The delay the probe's tasks wait: long enough that every task has started well before
     * the sample at 60% of it, given that starting them took {@code operationMs - delayMs}.
     */
    public static long probeDelayMs(long operationMs, long delayMs) {
        long starting = Math.max(0, operationMs - delayMs);
        return Math.max(Math.max(2 * delayMs, 1000), 3 * starting);
    }

    /**
     * Probes until two successive readings agree (see the class comment) and returns the last.
     *
     * @param tasks         N
     * @param delayMs       the probe's delay ({@link #probeDelayMs})
     * @param rssBaselineKb VmRSS taken before the process first ran the N tasks (heap pages,
     *                      once touched, stay resident: a later baseline would hide them)
     * @param gather        runs the N tasks with the given delay in ms and returns their sum
     */
    public static Reading measure(int tasks, long delayMs, long rssBaselineKb, LongUnaryOperator gather) throws Exception {
        int most = Math.clamp((int) Property.MEMORY_PROBES.number(MAX_PROBES), 1, MAX_PROBES);
        Reading previous = null;
        for (int probe = 1; ; probe++) {
            Reading r = probeOnce(tasks, delayMs, rssBaselineKb, gather, probe);
            if (most == 1 || previous != null && settled(previous.heapPerTask(), r.heapPerTask())) return r;
            if (probe == most) {
                String unsettled = String.format(Locale.ROOT, "memory per task did not settle: the last two of %d probes read %.0f and %.0f B of live heap per task",
                        probe, previous.heapPerTask(), r.heapPerTask());
                return new Reading(r.heapPerTask(), r.rssPerTask(), probe, r.caveat().isEmpty() ? unsettled : r.caveat() + "; " + unsettled);
            }
            previous = r;
        }
    }

    static boolean settled(double a, double b) {
        double difference = Math.abs(a - b);
        return difference <= SETTLED_BYTES || difference <= SETTLED * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Reading probeOnce(int tasks, long delayMs, long rssBaselineKb, LongUnaryOperator gather, int probe) throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long rssBeforeKb = rssBaselineKb > 0 ? rssBaselineKb : ProcessStats.statusKb("VmRSS");

        FutureTask<Long> run = new FutureTask<>(() -> gather.applyAsLong(delayMs));
        long start = System.nanoTime();
        Thread.ofPlatform().name("memory-probe").daemon().start(run);
        Thread.sleep(delayMs * 6 / 10);
        long sampledAtMs = (System.nanoTime() - start) / 1_000_000;
        long rssKb = ProcessStats.statusKb("VmRSS");
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long sum = run.get();
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long expected = (long) tasks * (tasks - 1) / 2;
        if (sum != expected) throw new IncorrectResult("the memory probe's gather", sum, expected);

        // the last task starts at about (wall time - delay); after the sample, not every task was waiting yet
        String caveat = wallMs - delayMs > sampledAtMs
                ? "memory per task is an underestimate: tasks were still starting when sampled at " + sampledAtMs
                  + " ms (the probe took " + wallMs + " ms for tasks of " + delayMs + " ms)"
                : "";
        return new Reading((double) (heap - heapBefore) / tasks,
                rssKb > 0 && rssBeforeKb > 0 ? (rssKb - rssBeforeKb) * 1024.0 / tasks : Double.NaN, probe, caveat);
    }
}
