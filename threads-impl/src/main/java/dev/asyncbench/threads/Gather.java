package dev.asyncbench.threads;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/**
 * Scenarios 2 and 8, the post's second example: gather (fail fast), collect-all, and the mass
 * gather of N identical tasks.
 *
 * <ul>
 *   <li>Threads: every task is submitted to the model's executor at once, each on a platform
 *       thread of its own while it runs; the pool grows to N threads, and above its ceiling
 *       the tasks beyond it wait in its queue (mass gather: about ceil(N / ceiling) rounds of L).
 *   <li>Blocking: a task's wait is {@code Thread.sleep}: its thread is held for the whole delay.
 *   <li>Cancellation: {@code Future.cancel(true)} interrupts a sibling's sleep; it ends without
 *       logging its completion.
 *   <li>Errors: gather takes completions in the order they happen
 *       ({@link ExecutorCompletionService}), so the first failure ends the wait and the
 *       siblings are cancelled; its {@code TaskFailedException} is rethrown unwrapped.
 *       Collect-all uses {@code invokeAll}, which waits for every task. A mass gather the
 *       executor cannot start (thread-per-task beyond its ceiling, or the kernel out of
 *       threads) fails with an {@link IllegalStateException} saying which task, after
 *       cancelling the ones already started.
 * </ul>
 */
final class Gather {
    private Gather() {
    }

    static List<String> gather(ExecutorService executor, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        CompletionService<String> completions = new ExecutorCompletionService<>(executor);
        List<Future<String>> running = new ArrayList<>(spec.tasks().size());
        try {
            for (Task task : spec.tasks()) running.add(completions.submit(() -> run(task, log)));
            for (int done = 0; done < running.size(); done++) {
                completions.take().get();                               // fail fast: the first failure throws here
            }
            return running.stream().map(Future::resultNow).toList();   // results in input order
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            for (Future<String> task : running) task.cancel(true);     // a no-op once done; else interrupts its sleep
        }
    }

    static List<Outcome> gatherAll(ExecutorService executor, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<Callable<String>> tasks = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) tasks.add(() -> run(task, log));
        try {
            List<Future<String>> finished = executor.invokeAll(tasks);  // waits for every task, failed or not
            List<Outcome> outcomes = new ArrayList<>(finished.size());
            for (int i = 0; i < finished.size(); i++) outcomes.add(outcome(spec.tasks().get(i), finished.get(i)));
            return outcomes;
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        }
    }

    static long gatherMany(ExecutorService executor, MassGatherSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int tasks = spec.tasks();
        List<Future<Long>> running = new ArrayList<>(tasks);
        try {
            for (int i = 0; i < tasks; i++) {
                long value = i;
                running.add(executor.submit(() -> {
                    Thread.sleep(spec.delay());
                    return value;
                }));
            }
            long sum = 0;
            for (Future<Long> task : running) sum += task.get();
            return sum;
        } catch (RejectedExecutionException | OutOfMemoryError e) {
            throw new IllegalStateException("could not start task #" + (running.size() + 1) + " of " + tasks
                    + " on a platform thread (" + e + "); the " + running.size() + " started are cancelled."
                    + " Platform threads are an operating-system resource: wait on fewer at once,"
                    + " or use a bounded pool or virtual threads", e);
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            for (Future<Long> task : running) task.cancel(true);
        }
    }

    /** One task, as in the post: log its start, wait its delay (holding this thread), then end. */
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

    private static Outcome outcome(Task task, Future<String> finished) {
        return finished.state() == Future.State.SUCCESS
                ? Outcome.success(task.name(), finished.resultNow())
                : Outcome.failure(task.name(), finished.exceptionNow());
    }
}
