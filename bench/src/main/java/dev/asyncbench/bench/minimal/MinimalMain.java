package dev.asyncbench.bench.minimal;

import dev.asyncbench.bench.fork.ProcessStats;

import dev.asyncbench.bench.jmh.ForkProbe;
import dev.asyncbench.bench.fork.MemoryProbe;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Runs one minimal program in a JVM of its own, with the same flags as the suite's forks:
 * {@code MinimalMain MODEL N L WARMUPS MEASUREMENTS POOL GC_BETWEEN}. In the order of the suite's
 * fork (one checked run, warm-up and measured runs, with a full GC between runs when
 * GC_BETWEEN is true, as in the fork, then the memory probe) it prints one {@code time_ms} line
 * per measured run, {@code threads_peak} and {@code rss_peak_mb} of the measured runs, the
 * memory probe's {@code heap_per_task} / {@code rss_per_task} (N &gt;= 1000, when every task can
 * wait at once), and {@code failure: ...} if it fails.
 */
public final class MinimalMain {

    @FunctionalInterface
    interface Program {
        long gatherMany(int tasks, long delayMs, int pool) throws Throwable;
    }

    private MinimalMain() {
    }

    public static void main(String[] args) {
        long rssAtStartKb = ProcessStats.statusKb("VmRSS");
        try {
            String model = args[0];
            int tasks = Integer.parseInt(args[1]);
            long delayMs = Long.parseLong(args[2]);
            int warmups = Integer.parseInt(args[3]);
            int measurements = Integer.parseInt(args[4]);
            int pool = Integer.parseInt(args[5]);
            boolean gcBetween = Boolean.parseBoolean(args[6]);
            Program program = program(model);
            long expected = (long) tasks * (tasks - 1) / 2;

            // the suite's order: one checked run (timed, for the probe's delay), the warm-up and
            // measured runs, then the memory probe, so both probe a JVM with the same history
            long checkStart = System.nanoTime();
            check(program.gatherMany(tasks, delayMs, pool), expected);
            long checkedMs = (System.nanoTime() - checkStart) / 1_000_000;
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
                System.out.println(String.format(Locale.ROOT, "time_ms %.3f", ms));
            }
            System.out.println("threads_peak " + threads.getPeakThreadCount());
            long hwm = ProcessStats.statusKb("VmHWM");
            if (hwm > 0) System.out.println(String.format(Locale.ROOT, "rss_peak_mb %.3f", hwm / 1024.0));

            String cannot = MemoryProbe.cannotSample(checkedMs, delayMs);
            if (cannot != null && tasks >= 1000 && pool >= tasks) System.out.println("note: " + cannot);
            if (tasks >= 1000 && pool >= tasks && cannot == null) {
                MemoryProbe.Reading r = MemoryProbe.measure(tasks, MemoryProbe.probeDelayMs(checkedMs, delayMs), rssAtStartKb, d -> {
                    try {
                        return program.gatherMany(tasks, d, pool);
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Throwable e) {
                        throw new IllegalStateException(e);
                    }
                });
                System.out.println(String.format(Locale.ROOT, "heap_per_task %.3f", r.heapPerTask()));
                if (!Double.isNaN(r.rssPerTask())) System.out.println(String.format(Locale.ROOT, "rss_per_task %.3f", r.rssPerTask()));
                if (!r.caveat().isEmpty()) System.out.println("note: " + r.caveat());
            }
            System.out.flush();
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("failure: " + dev.asyncbench.bench.fork.ForkReport.describe(t));
            System.out.flush();
            System.exit(1);
        }
    }

    private static void check(long sum, long expected) {
        if (sum != expected) throw new IllegalStateException("Incorrect benchmark, the minimal program returned " + sum + ", expected " + expected);
    }

    static Program program(String model) {
        return switch (model) {
            case "sequential" -> MinimalPrograms::sequential;
            case "threads" -> MinimalPrograms::threads;
            case "threads-per-task" -> MinimalPrograms::threadsPerTask;
            case "futures" -> MinimalPrograms::futures;
            case "rx" -> MinimalPrograms::rx;
            case "virtual-threads" -> MinimalPrograms::virtualThreads;
            case "coroutines" -> MinimalPrograms::coroutines;
            default -> throw new IllegalArgumentException("no minimal program for model '" + model + "'");
        };
    }
}
