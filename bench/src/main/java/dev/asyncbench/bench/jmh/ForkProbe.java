package dev.asyncbench.bench.jmh;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.ProcessStats;

import dev.asyncbench.bench.fork.ForkReport;
import dev.asyncbench.bench.fork.ForkTestbed;

import jdk.jfr.consumer.RecordingStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JMH profiler that runs inside each measured fork and adds, per measured iteration, what
 * JMH does not measure by itself: CPU time of the whole process, bytes allocated (all threads,
 * including those that ended during the iteration), peak resident set, peak live platform
 * threads, the HTTP server's peak in flight, JFR pinned-thread events, and the per-task
 * latencies the benchmark recorded with {@link #latency} (p50, p99 and max over all the measured
 * iterations' tasks together, reported with the last), and the time of the fork's first
 * operation, the setup's checked run ({@link #cold}, the same value with each).
 *
 * <p>Used by {@code ./suite run}; by hand: {@code ./suite jmh XBenchmark -prof dev.asyncbench.bench.jmh.ForkProbe}.
 * What it reads from the fork's system properties ({@link Property}) is off unless set.
 */
public final class ForkProbe implements InternalProfiler {




    private static final Recorder LATENCIES = new Recorder(3);
    private static final Recorder SERVICE = new Recorder(3);
    private static final Map<String, Double> CONSTANTS = new ConcurrentHashMap<>();
    private static final AtomicLong PINNED_EVENTS = new AtomicLong();
    private static volatile double coldMs = Double.NaN;
    private static volatile double quietMs = Double.NaN;
    private static RecordingStream pinning;
    private static boolean pinningStarted;
    private static long pinnedAtStart;
    /** The counters when the measuring ended ({@link #measurementEnded}), for the last iteration; null before. */
    private static long[] atMeasurementEnd;

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private boolean serverStatsOk;
    private long cpuBefore;
    private long allocBefore;
    private long pinnedAtMeasurementStart = -1;
    private long measuredOps;
    private int measuredIterations;
    private long warmupOps;
    private int warmupIterations;
    /** Pinned events over the warm-up iterations, once the stream stopped after the last of them; -1 before. */
    private long pinnedInWarmups = -1;
    private int iterationsStarted;
    /** Every measured iteration's task latencies, in us. */
    private final Histogram latencies = new Histogram(3);
    /** Every measured iteration's service times (load), in us. */
    private final Histogram services = new Histogram(3);

    /** Many tasks' latencies at once, in µs (load's, from each request's intended start), and their service times. */
    public static void latencies(Histogram latencyUs, Histogram serviceUs) {
        for (var v : latencyUs.recordedValues()) LATENCIES.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
        for (var v : serviceUs.recordedValues()) SERVICE.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
    }

    /** One task's latency from the start of its operation; call from the benchmark, outside the timed call if possible. */
    public static void latency(long nanos) {
        LATENCIES.recordValue(Math.max(0, nanos / 1000));
    }

    /**
     * The wall time of this fork's first operation, in ms, or NaN: {@code ScenarioState.first}
     * sets it in the trial's setup (which JMH runs inside the first iteration, after this
     * profiler's {@link #beforeIteration}), and every measured iteration reports it.
     */
    public static void cold(double ms) {
        coldMs = ms;
    }

    /**
     * This iteration's time to quiescence, in ms ({@code ScenarioState.awaitQuiet}, in the
     * iteration's teardown, which JMH runs before this profiler's {@link #afterIteration}).
     */
    public static void quiet(double ms) {
        quietMs = ms;
    }

    /** A value measured once per fork, after the measured iterations (memory per waiting task), reported with the last. */
    public static void constant(Measure measure, double value) {
        CONSTANTS.put(measure.label, value);
    }

    @Override
    public String getDescription() {
        return "asyncbench: process CPU, allocation, peak RSS and platform threads, server peak in flight, pinned events, task latency, first operation, time to quiescence";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (iterationsStarted++ > 0 && Property.GC_BETWEEN.flag()) ProcessStats.collectGarbage();
        serverStatsOk = resetServerStats();
        ProcessStats.resetPeakRss();
        THREADS.resetPeakThreadCount();
        LATENCIES.reset();
        SERVICE.reset();
        quietMs = Double.NaN;
        if (iterationParams.getType() == IterationType.MEASUREMENT && pinnedAtMeasurementStart < 0) {
            pinnedAtMeasurementStart = PINNED_EVENTS.get();
        }
        allocBefore = THREADS.getTotalThreadAllocatedBytes();
        cpuBefore = OS.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long[] now = takeMeasurementEnd();
        if (now == null) now = counters();
        long cpu = now[0] - cpuBefore;
        long alloc = now[1] - allocBefore;
        int peakThreads = (int) now[2];
        long rssPeakKb = now[3];
        Histogram h = LATENCIES.getIntervalHistogram();
        Histogram service = SERVICE.getIntervalHistogram();
        long serverPeak = serverStatsOk ? serverPeak() : -1;
        double ops = Math.max(1, result.getMetadata().getAllOps());
        if (iterationParams.getType() != IterationType.MEASUREMENT) {
            warmupOps += (long) ops;
            if (++warmupIterations == iterationParams.getCount() && pinningStarted && pinnedInWarmups < 0) {
                // the measured iterations run without a JFR recording (see startPinning)
                stopPinning();
                pinnedInWarmups = PINNED_EVENTS.get() - pinnedAtStart;
            }
            return List.of();
        }

        measuredOps += (long) ops;
        boolean last = ++measuredIterations == iterationParams.getCount();
        List<Result> out = new ArrayList<>();
        out.add(new ScalarResult(Measure.CPU.label, cpu / 1e6 / ops, "ms/op", AggregationPolicy.AVG));
        out.add(new ScalarResult(Measure.ALLOC.label, alloc / ops, "B/op", AggregationPolicy.AVG));
        out.add(new ScalarResult(Measure.THREADS_PEAK.label, peakThreads, "threads", AggregationPolicy.MAX));
        if (rssPeakKb > 0) out.add(new ScalarResult(Measure.RSS_PEAK.label, rssPeakKb / 1024.0, "MiB", AggregationPolicy.MAX));
        if (serverPeak >= 0) out.add(new ScalarResult(Measure.SERVER_PEAK.label, serverPeak, "requests", AggregationPolicy.MAX));
        if (last && pinningStarted) {
            // counted over the warm-up iterations; without any, over the measured ones. JFR hands
            // events over about once a second: stopping the stream delivers what is pending
            double perOp;
            if (pinnedInWarmups >= 0) {
                perOp = (double) pinnedInWarmups / Math.max(1, warmupOps);
            } else {
                stopPinning();
                perOp = (double) (PINNED_EVENTS.get() - pinnedAtMeasurementStart) / measuredOps;
            }
            out.add(new ScalarResult(Measure.PINNED.label, perOp, "events/op", AggregationPolicy.AVG));
        }
        latencies.add(h);
        if (last && latencies.getTotalCount() > 0) {
            // percentiles of every measured iteration's tasks together, reported once (so MAX, not AVG)
            out.add(new ScalarResult(Measure.P50.label, latencies.getValueAtPercentile(50) / 1000.0, "ms", AggregationPolicy.MAX));
            out.add(new ScalarResult(Measure.P99.label, latencies.getValueAtPercentile(99) / 1000.0, "ms", AggregationPolicy.MAX));
            out.add(new ScalarResult(Measure.MAX.label, latencies.getMaxValue() / 1000.0, "ms", AggregationPolicy.MAX));
        }
        services.add(service);
        if (last && services.getTotalCount() > 0) {
            out.add(new ScalarResult(Measure.SERVICE_P99.label, services.getValueAtPercentile(99) / 1000.0, "ms", AggregationPolicy.MAX));
        }
        // one operation per fork, before every iteration, reported with each: JMH's average over one
        // fork's iterations divides by all of them, so the value is the fork's, and with several
        // forks their mean
        if (!Double.isNaN(coldMs)) out.add(new ScalarResult(Measure.COLD.label, coldMs, "ms", AggregationPolicy.AVG));
        if (!Double.isNaN(quietMs)) out.add(new ScalarResult(Measure.QUIET.label, quietMs, "ms", AggregationPolicy.AVG));
        // measured after the iterations (in the teardown, which runs before the last iteration's
        // profilers), so only the last reports them: JMH's average would divide by every iteration
        CONSTANTS.forEach((label, value) -> out.add(new ScalarResult(label, value, "B", AggregationPolicy.MAX)));
        return out;
    }

    /**
     * Called first thing in the trial's teardown, which JMH runs before the last iteration's
     * profilers: that iteration's CPU time, allocation and peaks end here, so what the teardown
     * does (the memory probe, closing the model) is not counted in them.
     */
    public static synchronized void measurementEnded() {
        atMeasurementEnd = counters();
    }

    private static synchronized long[] takeMeasurementEnd() {
        long[] end = atMeasurementEnd;
        atMeasurementEnd = null;
        return end;
    }

    /** Process CPU ns, bytes allocated by all threads, peak live platform threads, VmHWM kB. */
    private static long[] counters() {
        return new long[] {OS.getProcessCpuTime(), THREADS.getTotalThreadAllocatedBytes(), THREADS.getPeakThreadCount(), ProcessStats.statusKb("VmHWM")};
    }

    /**
     * Stops the JFR stream, delivering its pending events; its thread would otherwise keep the
     * fork alive. The last warm-up iteration calls it, and so do the trial's teardown (JMH runs
     * that before the last iteration's profilers) and the last measured iteration; the count
     * stays readable.
     */
    public static synchronized void stopPinning() {
        if (pinning == null) return;
        try {
            pinning.stop();
        } catch (IllegalStateException notStarted) {
            // already stopped
        }
        pinning.close();
        pinning = null;
    }

    /** Whether the JFR stream is recording (tests). */
    static synchronized boolean pinningRecording() {
        return pinning != null;
    }

    /** Lets {@link #startPinning} start again in this JVM (tests: a fork starts it once). */
    static synchronized void forgetPinning() {
        pinningStarted = false;
    }

    /** Resets the server's counters; false (with a note) when there is no server or it did not answer. */
    private static boolean resetServerStats() {
        if (!ForkTestbed.hasServer()) return false;
        try {
            ForkTestbed.http().resetStats();
            return true;
        } catch (RuntimeException e) {
            ForkReport.note("server peak in flight not measured in one iteration: " + ForkReport.describe(e));
            return false;
        }
    }

    private static long serverPeak() {
        try {
            return ForkTestbed.http().stats().peakInFlight();
        } catch (RuntimeException e) {
            ForkReport.note("server peak in flight not measured in one iteration: " + ForkReport.describe(e));
            return -1;
        }
    }

    /**
     * Starts counting pinned events, once per fork, when {@link Property#PINNING} says so. The
     * setup calls it last ({@link ScenarioState}). The stream stops after the last warm-up
     * iteration, so the events are counted over the warm-up iterations (the same operation) and
     * the measured ones run without JFR, which would lengthen them. A fork without warm-up
     * iterations counts over its measured iterations instead. Either way it has stopped before
     * the memory probe (after the measured iterations): while a JFR recording runs, every
     * platform thread started holds more live heap, which is JFR's, not the model's.
     * bench/RESULTS.md ({@code pinned_events}) has the figures.
     */
    public static synchronized void startPinning() {
        if (pinningStarted || !Property.PINNING.flag()) return;
        pinningStarted = true;
        pinnedAtStart = PINNED_EVENTS.get();
        pinning = new RecordingStream();
        pinning.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO);
        pinning.onEvent("jdk.VirtualThreadPinned", e -> PINNED_EVENTS.incrementAndGet());
        pinning.startAsync();
    }


}
