package dev.asyncbench.core.sequential;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.Task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Scenarios 2 and 8: gather, its mass form, fail-fast and collect-all, one task after another.
 * Nothing is "started at once": each task starts when the previous one has finished, so the
 * wall time is the sum of the delays, the number the post's concurrent version beats.
 *
 * <ul>
 *   <li>Threads: the caller's.
 *   <li>Blocking: {@link Thread#sleep(Duration)} for each task's delay, one after another.
 *   <li>Cancellation: a failing task ends the loop, so the tasks after it never start; there is
 *       nothing running to cancel. Interrupting the caller ends the current sleep.
 *   <li>Errors: the failing task's {@link TaskFailedException} propagates as it is;
 *       {@code gatherAll} records it as that task's outcome and goes on.
 * </ul>
 */
final class Gather {
    private Gather() {
    }

    static List<String> gather(GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<String> results = new ArrayList<>();
        for (Task task : spec.tasks()) {
            results.add(task(task, log));
        }
        return results;
    }

    static List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<Outcome> outcomes = new ArrayList<>();
        for (Task task : spec.tasks()) {
            try {
                outcomes.add(Outcome.success(task.name(), task(task, log)));
            } catch (TaskFailedException e) {
                outcomes.add(Outcome.failure(task.name(), e));
            }
        }
        return outcomes;
    }

    static long gatherMany(MassGatherSpec spec) {
        Objects.requireNonNull(spec, "spec");
        long sum = 0;
        for (int i = 0; i < spec.tasks(); i++) {
            sum += massTask(i, spec.delay());
        }
        return sum;
    }

    /** The post's {@code task(name, seconds)}: log the start, wait, log the end (or fail). */
    static String task(Task task, EventLog log) {
        log.log(task.startLine());
        sleep(task.delay());
        if (task.fails()) {
            log.log(task.failedLine());
            throw new TaskFailedException(task.name());
        }
        log.log(task.completedLine());
        return task.name();
    }

    /** Task i of the mass form: wait, then return i. */
    static long massTask(int i, Duration delay) {
        sleep(delay);
        return i;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("gather interrupted while a task waited");
        }
    }
}
