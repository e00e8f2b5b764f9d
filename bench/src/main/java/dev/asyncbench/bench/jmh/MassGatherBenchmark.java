package dev.asyncbench.bench.jmh;

import dev.asyncbench.core.spec.MassGatherSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2, mass form: N identical tasks, each waits L and returns its index; the answer is
 * N(N-1)/2. Up to 1,000,000 tasks: how many waiting tasks a model holds, at what cost in time
 * and memory. A model that cannot (its thread ceiling, the kernel's) fails, and that failure
 * is the result.
 *
 * <p>Besides the time, the setup measures memory per waiting task once, outside the measured
 * iterations: it starts the N tasks with a longer delay, and while they wait takes the growth
 * of the resident set and of the live heap (after a full GC), divided by N.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios gather-mass --sizes "N=1000000 L=1s"}, or
 * {@code java --enable-preview -Xmx4g -jar bench/target/benchmarks.jar MassGatherBenchmark -p tasks=100000}.
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

    @Override
    protected void verify() {
        expect(subject.gatherMany(spec), spec.expectedSum());
    }

    @Override
    protected void afterVerify() throws Exception {
        if (tasks < MEMORY_PROBE_MIN_TASKS) return;
        var traits = subject.traits();
        if (!traits.concurrent() || traits.maxWaiting() < tasks) {
            ForkReport.note("memory per task not measured: at most " + traits.maxWaiting() + " tasks wait at once in " + model);
            return;
        }
        measureMemoryPerTask();
    }

    @Benchmark
    public long gatherMany() {
        return subject.gatherMany(spec);
    }

    /*
     * Overview: the memory probe. The tasks wait probeDelay; at 60% of it we read VmRSS, run a
     * full GC and read the used heap. That is every task waiting only if the model had started
     * them all by then: the last task starts at about (wall time - probeDelay), so when that is
     * later than the sample the figure is an underestimate, and the note says so.
     */
    private void measureMemoryPerTask() throws Exception {
        long probeDelay = Math.max(2L * delayMs, 1000);
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long rssBeforeKb = ForkProbe.statusKb("VmRSS");

        MassGatherSpec probe = new MassGatherSpec(tasks, ms(probeDelay));
        FutureTask<Long> run = new FutureTask<>(() -> subject.gatherMany(probe));
        long start = System.nanoTime();
        Thread.ofPlatform().name("memory-probe").daemon().start(run);
        Thread.sleep(probeDelay * 6 / 10);
        long sampledAtMs = (System.nanoTime() - start) / 1_000_000;
        long rssKb = ForkProbe.statusKb("VmRSS");
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long sum = run.get();
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        expect(sum, probe.expectedSum());

        ForkProbe.constant(ForkProbe.HEAP_PER_TASK, (double) (heap - heapBefore) / tasks);
        if (rssKb > 0) ForkProbe.constant(ForkProbe.RSS_PER_TASK, (rssKb - rssBeforeKb) * 1024.0 / tasks);
        if (wallMs - probeDelay > sampledAtMs) {
            ForkReport.note("memory per task is an underestimate: " + model + " was still starting tasks when sampled at "
                    + sampledAtMs + " ms (the probe took " + wallMs + " ms for tasks of " + probeDelay + " ms)");
        }
    }
}
