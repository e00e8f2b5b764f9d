package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkReport;
import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.MemoryProbe;
import dev.asyncbench.bench.results.BenchScenario;

import dev.asyncbench.core.spec.MassGatherSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Scenario 2, mass form: N identical tasks, each waits L and returns its index; the answer is
 * N(N-1)/2. Up to 1,000,000 tasks: how many waiting tasks a model holds, at what cost in time
 * and memory. A model that cannot (its thread ceiling, the kernel's) fails, and that failure
 * is the result.
 *
 * <p>Besides the time, memory per waiting task is measured once, after the measured
 * iterations ({@link MemoryProbe}).
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios gather-mass --sizes "N=1000000 L=1s"}, or
 * {@code ./suite jmh MassGatherBenchmark -p tasks=100000 -prof dev.asyncbench.bench.jmh.ForkProbe}.
 * From N = 100,000 the runner also sets {@link Property#GC_BETWEEN}
 * ({@link BenchScenario#collectsBetweenIterations}): by hand,
 * {@code -jvmArgsAppend -Dasyncbench.gcBetweenIterations=true}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview", jvmArgs = {"-Xms4g", "-Xmx4g"})
public class MassGatherBenchmark extends ScenarioState {

    /** N: how many tasks. */
    @Param("10000")
    public int tasks;

    /** L: how long each waits. */
    @Param("100")
    public int delayMs;

    /** Below this N, memory per task drowns in noise and is not measured. */
    static final int MEMORY_PROBE_MIN_TASKS = 1000;

    private MassGatherSpec spec;

    @Override
    protected void prepare() {
        spec = new MassGatherSpec(tasks, ms(delayMs));
    }

    private long checkedMs;

    @Override
    protected void verify() {
        long start = System.nanoTime();
        expect(first(() -> subject.gatherMany(spec)), spec.expectedSum());
        checkedMs = (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    protected void afterMeasuring() throws Exception {
        if (tasks < MEMORY_PROBE_MIN_TASKS) return;
        var traits = subject.traits();
        if (!traits.concurrent() || traits.maxWaiting() < tasks) {
            ForkReport.note("memory per task not measured: at most " + traits.maxWaiting() + " tasks wait at once in " + model);
            return;
        }
        String cannot = MemoryProbe.cannotSample(checkedMs, delayMs);
        if (cannot != null) {
            ForkReport.note(cannot);
            return;
        }
        measureMemoryPerTask();
    }

    @Benchmark
    public long gatherMany() {
        return subject.gatherMany(spec);
    }

    private void measureMemoryPerTask() throws Exception {
        MemoryProbe.Reading r = MemoryProbe.measure(tasks, MemoryProbe.probeDelayMs(checkedMs, delayMs), rssAtStartKb,
                probeDelay -> subject.gatherMany(new MassGatherSpec(tasks, ms(probeDelay))));
        ForkProbe.constant(Measure.HEAP_PER_TASK, r.heapPerTask());
        if (!Double.isNaN(r.rssPerTask())) ForkProbe.constant(Measure.RSS_PER_TASK, r.rssPerTask());
        if (!r.caveat().isEmpty()) ForkReport.note(r.caveat());
    }
}
