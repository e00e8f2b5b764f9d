package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Outcome;
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

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 8: the gather of {@link GatherBenchmark} (task i waits U x (i mod 3 + 1)) where the
 * second task fails after its 2U. {@link #failFast()}: the call fails with that task's
 * {@link TaskFailedException} and cancels the rest (ideal 2U); {@link #collectAll()}: every
 * outcome, in about the longest delay (3U).
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios fail-fast,collect-all}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class FailFastBenchmark extends ScenarioState {

    /** N: how many tasks. */
    @Param("3")
    public int tasks;

    /** U: the unit; task i waits U x (i mod 3 + 1). */
    @Param("20")
    public int unitMs;

    private GatherSpec spec;
    private String failing;
    private EventLog lastLog;

    @Override
    protected void prepare() {
        spec = new GatherSpec(withFailure(BenchScenario.gatherTasks(tasks, unitMs)));
        failing = spec.tasks().stream().filter(Task::fails).findFirst().orElseThrow().name();
    }

    /** The same tasks, the second (or the only one) told to fail. */
    static List<Task> withFailure(List<Task> tasks) {
        List<Task> list = new ArrayList<>(tasks);
        int i = Math.min(1, list.size() - 1);
        list.set(i, Task.failing(list.get(i).name(), list.get(i).delay()));
        return list;
    }

    /** Checks the mode this fork measures (run by hand, both). */
    @Override
    protected void verify() throws IOException {
        if (!"collectAll".equals(measured)) {
            Object failed = first(this::failFast);
            if (!(failed instanceof TaskFailedException e) || !e.task().equals(failing)) {
                throw incorrect(failed, "TaskFailedException of task " + failing);
            }
        }
        if (!"failFast".equals(measured)) {
            List<Task> instant = spec.tasks().stream().map(t -> new Task(t.name(), ms(0), t.fails())).toList();
            expectReference(first(this::collectAll), reference -> reference.gatherAll(new GatherSpec(instant), EventLog.recording()));
        }
    }

    /** The failing task's exception (what this scenario expects), or the result if nothing failed. */
    @Benchmark
    public Object failFast() {
        lastLog = EventLog.recording();
        try {
            return subject.gather(spec, lastLog);
        } catch (TaskFailedException e) {
            return e;
        }
    }

    @Benchmark
    public List<Outcome> collectAll() {
        lastLog = EventLog.recording();
        return subject.gatherAll(spec, lastLog);
    }

    @TearDown(Level.Iteration)
    public void recordLatencies() {
        GatherBenchmark.recordCompletedLines(lastLog);
    }
}
