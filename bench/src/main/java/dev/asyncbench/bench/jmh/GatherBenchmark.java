package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Task;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2, the post's second example: N named tasks started at once, task i waiting
 * U x (i mod 3 + 1), so N=3 is the post's A 1U, B 2U, C 3U. A concurrent model takes about
 * 3U; per-task latency comes from the log's "Task X completed" timestamps.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios gather --sizes "N=3 U=1000ms"} (the post), or
 * {@code ./suite jmh GatherBenchmark -p tasks=300}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class GatherBenchmark extends ScenarioState {

    /** N: how many tasks. */
    @Param("3")
    public int tasks;

    /** U: the unit; task i waits U x (i mod 3 + 1). */
    @Param("10")
    public int unitMs;

    private GatherSpec spec;
    private EventLog lastLog;

    /** The post's tasks for N=3 (A, B, C); beyond 26 tasks, T27, T28, ... */
    static List<String> names(GatherSpec spec) {
        return spec.tasks().stream().map(Task::name).toList();
    }

    @Override
    protected void prepare() {
        spec = new GatherSpec(BenchScenario.gatherTasks(tasks, unitMs));
    }

    @Override
    protected void verify() {
        EventLog log = EventLog.recording();
        expect(first(() -> subject.gather(spec, log)), names(spec));
        long completed = log.lines().stream().filter(l -> l.endsWith(" completed")).count();
        if (completed != tasks) throw incorrect(completed + " 'Task ... completed' lines", tasks);
    }

    @Benchmark
    public List<String> gather() {
        lastLog = EventLog.recording();
        return subject.gather(spec, lastLog);
    }

    @TearDown(Level.Iteration)
    public void recordLatencies() {
        recordCompletedLines(lastLog);
    }

    /** Each "Task X completed" line's time since the log (the call) began. */
    static void recordCompletedLines(EventLog log) {
        if (log == null) return;
        for (EventLog.Event e : log.events()) {
            if (e.line().endsWith(" completed")) ForkProbe.latency(e.at().toNanos());
        }
    }
}
