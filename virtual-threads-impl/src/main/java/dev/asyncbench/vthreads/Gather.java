package dev.asyncbench.vthreads;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.FailedException;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;

/**
 * Scenarios 2 and 8, the post's second example: gather (fail fast), collect-all, and the mass
 * gather of N identical tasks.
 *
 * <ul>
 *   <li>Threads: every task is forked at once into a {@code StructuredTaskScope}, each on a
 *       virtual thread of its own; the scope cannot outlive this method, and neither can they.
 *       N tasks wait at once on N virtual threads (mass gather: about one L, up to
 *       {@code VirtualThreadsConfig.maxMassTasks}).
 *   <li>Blocking: a task's wait is {@code Thread.sleep}, which unmounts its virtual thread: no
 *       platform thread is held through it.
 *   <li>Cancellation: when the scope is cancelled it interrupts every sibling still running;
 *       its sleep ends and it never logs its completion. Closing the scope waits for them.
 *   <li>Errors: gather joins with {@code Joiner.allSuccessfulOrThrow()}: the first failure
 *       cancels the scope, and {@code join} throws it wrapped in a {@code FailedException},
 *       whose cause, the {@code TaskFailedException}, is rethrown. Collect-all joins with
 *       {@code Joiner.awaitAll()}, which waits for every task, and reads each subtask's state.
 * </ul>
 */
final class Gather {
    private Gather() {
    }

    static List<String> gather(GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        try (var scope = StructuredTaskScope.open(Joiner.<String>allSuccessfulOrThrow())) {
            for (Task task : spec.tasks()) scope.fork(() -> run(task, log));
            return scope.join().map(Subtask::get).toList();         // the first failure throws here; else names in input order
        } catch (FailedException e) {
            throw Failures.unchecked(e.getCause());
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        }
    }

    static List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAll())) {
            List<Subtask<String>> finished = new ArrayList<>(spec.tasks().size());
            for (Task task : spec.tasks()) finished.add(scope.fork(() -> run(task, log)));
            scope.join();                                               // waits for every task, failed or not
            List<Outcome> outcomes = new ArrayList<>(finished.size());
            for (int i = 0; i < finished.size(); i++) outcomes.add(outcome(spec.tasks().get(i), finished.get(i)));
            return outcomes;
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        }
    }

    static long gatherMany(MassGatherSpec spec, int maxTasks) {
        Objects.requireNonNull(spec, "spec");
        int tasks = spec.tasks();
        if (tasks > maxTasks) {
            throw new IllegalStateException("N (tasks) = " + tasks + " is more than the " + maxTasks + " virtual threads this heap"
                    + " lets wait at once (about 1 KiB each, planned at " + VirtualThreadsConfig.BYTES_PER_WAITING_TASK
                    + " B, of a " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap); raise -Xmx or lower N");
        }
        try (var scope = StructuredTaskScope.open(Joiner.<Long>allSuccessfulOrThrow())) {
            for (int i = 0; i < tasks; i++) {
                long value = i;
                scope.fork(() -> {
                    Thread.sleep(spec.delay());
                    return value;
                });
            }
            return scope.join().mapToLong(Subtask::get).sum();
        } catch (FailedException e) {
            throw Failures.unchecked(e.getCause());
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        }
    }

    /** One task, as in the post: log its start, wait its delay (unmounted), then end. */
    private static String run(Task task, EventLog log) throws InterruptedException {
        log.log(task.startLine());
        Thread.sleep(task.delay());
        return end(task, log);
    }

    /** A task's end: log its completion and return its name, or fail as its spec says. */
    private static String end(Task task, EventLog log) {
        if (task.fails()) {
            log.log(task.failedLine());
            throw new TaskFailedException(task.name());
        }
        log.log(task.completedLine());
        return task.name();
    }

    private static Outcome outcome(Task task, Subtask<String> finished) {
        return finished.state() == Subtask.State.SUCCESS
                ? Outcome.success(task.name(), finished.get())
                : Outcome.failure(task.name(), finished.exception());
    }
}
