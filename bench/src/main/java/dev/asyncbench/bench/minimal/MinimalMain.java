package dev.asyncbench.bench.minimal;

import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.ForkReport;
import dev.asyncbench.bench.fork.IncorrectResult;
import dev.asyncbench.bench.fork.MemoryProbe;
import dev.asyncbench.bench.fork.ProcessStats;
import dev.asyncbench.bench.results.Size;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Runs one minimal program in a JVM of its own, with the same flags as the suite's forks and its
 * settings in the fork protocol's properties ({@link Property#MODEL}, {@link Property#SIZE},
 * {@link Property#WARMUPS}, {@link Property#MEASUREMENTS}, {@link Property#POOL},
 * {@link Property#GC_BETWEEN}). In the order of the suite's fork (one checked run, warm-up and
 * measured runs, with a full GC between runs when {@link Property#GC_BETWEEN} is true,
 * then the memory probe) it reports the checked run's time (the JVM's first operation, as the
 * suite's fork reports its own: {@link Measure#COLD}), each measured run's time, the peak threads and RSS of the
 * measured runs and the memory probe's figures (N &gt;= 1000, when every task can wait at once)
 * through {@link ForkReport}, or why it failed.
 */
public final class MinimalMain {

    @FunctionalInterface
    interface Program {
        long gatherMany(int tasks, long delayMs, int pool) throws Throwable;
    }

    /** The minimal program of each model that has one; the check skips the others. */
    static final Map<String, Program> PROGRAMS = Map.of(
            "sequential", MinimalPrograms::sequential,
            "threads", MinimalPrograms::threads,
            "threads-per-task", MinimalPrograms::threadsPerTask,
            "futures", MinimalPrograms::futures,
            "rx", MinimalPrograms::rx,
            "reactor", MinimalPrograms::reactor,
            "virtual-threads", MinimalPrograms::virtualThreads,
            "coroutines", MinimalPrograms::coroutines);

    private MinimalMain() {
    }

    public static void main(String[] args) {
        long rssAtStartKb = ProcessStats.statusKb("VmRSS");
        try {
            String model = Property.MODEL.required("the model");
            Size size = Size.parse(Property.SIZE.required("the size, N=... L=..."));
            int tasks = (int) size.get("N");
            long delayMs = size.get("L");
            int warmups = (int) Property.WARMUPS.number(0);
            int measurements = (int) Property.MEASUREMENTS.number(1);
            int pool = (int) Property.POOL.number(tasks);
            boolean gcBetween = Property.GC_BETWEEN.flag();
            Program program = program(model);
            long expected = (long) tasks * (tasks - 1) / 2;

            // the suite's order: one checked run (timed: the JVM's first operation, and the probe's
            // delay), the warm-up and measured runs, then the memory probe, so both probe a JVM with
            // the same history
            long checkStart = System.nanoTime();
            long firstSum = program.gatherMany(tasks, delayMs, pool);
            double coldMs = (System.nanoTime() - checkStart) / 1e6;
            check(firstSum, expected);
            ForkReport.value(Measure.COLD, coldMs);
            long checkedMs = (long) coldMs;
            int runs = 0;
            for (int i = 0; i < warmups; i++) {
                if (gcBetween && runs++ > 0) ProcessStats.collectGarbage();
                check(program.gatherMany(tasks, delayMs, pool), expected);
            }
            var threads = ManagementFactory.getThreadMXBean();
            threads.resetPeakThreadCount();
            ProcessStats.resetPeakRss();
            for (int i = 0; i < measurements; i++) {
                if (gcBetween && runs++ > 0) ProcessStats.collectGarbage();
                long start = System.nanoTime();
                long sum = program.gatherMany(tasks, delayMs, pool);
                double ms = (System.nanoTime() - start) / 1e6;
                check(sum, expected);
                ForkReport.value(Measure.TIME, ms);
            }
            ForkReport.value(Measure.THREADS_PEAK, threads.getPeakThreadCount());
            long hwm = ProcessStats.statusKb("VmHWM");
            if (hwm > 0) ForkReport.value(Measure.RSS_PEAK, hwm / 1024.0);

            String cannot = MemoryProbe.cannotSample(checkedMs, delayMs);
            if (cannot != null && tasks >= 1000 && pool >= tasks) ForkReport.note(cannot);
            if (tasks >= 1000 && pool >= tasks && cannot == null) {
                MemoryProbe.Reading r = MemoryProbe.measure(tasks, MemoryProbe.probeDelayMs(checkedMs, delayMs), rssAtStartKb,
                        d -> run(program, tasks, d, pool));
                ForkReport.value(Measure.HEAP_PER_TASK, r.heapPerTask());
                if (!Double.isNaN(r.rssPerTask())) ForkReport.value(Measure.RSS_PER_TASK, r.rssPerTask());
                if (!r.caveat().isEmpty()) ForkReport.note(r.caveat());
            }
            System.exit(0);
        } catch (Throwable t) {
            ForkReport.failure(t);
            System.exit(1);
        }
    }

    private static long run(Program program, int tasks, long delayMs, int pool) {
        try {
            return program.gatherMany(tasks, delayMs, pool);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(long sum, long expected) {
        if (sum != expected) throw new IncorrectResult("the minimal program", sum, expected);
    }

    static Program program(String model) {
        Program p = PROGRAMS.get(model);
        if (p == null) throw new IllegalArgumentException("no minimal program for model '" + model + "'");
        return p;
    }

    /** Whether {@code model} has a minimal program. */
    public static boolean has(String model) {
        return PROGRAMS.containsKey(model);
    }
}
