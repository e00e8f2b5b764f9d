package dev.asyncbench.futures;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenarios 2 and 8, the post's second example: gather (fail fast), collect-all, and the mass
 * gather of N identical tasks.
 *
 * <ul>
 *   <li>Threads: every task starts at once; after its delay its end runs on the model's
 *       executor (a few platform threads), so any number of tasks wait at once.
 *   <li>Blocking: none; a task's wait is a timer ({@code FuturesConfig.timers}), no thread is
 *       held through it. The caller waits interruptibly ({@code Failures.await}).
 *   <li>Cancellation: {@code cancel} completes a task's future at once, and its completion
 *       callback cancels its timer, which leaves the timer queue then (the JDK's
 *       {@code delayedExecutor} would keep it queued until its delay passed). The failure of a
 *       task cancels its siblings; an interrupt of the caller cancels every task.
 *   <li>Errors: gather waits on {@code allOf}, and a failure callback on every task completes
 *       that wait with the first failure, which cancels the siblings; its
 *       {@code TaskFailedException} is rethrown unwrapped. Collect-all turns each task's
 *       result or failure into an outcome ({@code handle}) and waits for them all.
 * </ul>
 */
final class Gather {
    private Gather() {
    }

    static List<String> gather(FuturesConfig config, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<CompletableFuture<String>> running = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) running.add(run(task, log, config));
        CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
        for (CompletableFuture<String> task : running) {
            task.whenComplete((name, error) -> {
                if (error != null) all.completeExceptionally(error);          // fail fast: the first failure ends the wait
            });
        }
        all.whenComplete((done, error) -> {                                   // a failure, or the caller's interrupt
            if (error != null) for (CompletableFuture<String> task : running) task.cancel(true);
        });
        try {
            Failures.await(all);
            return running.stream().map(CompletableFuture::resultNow).toList();   // results in input order
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
    }

    static List<Outcome> gatherAll(FuturesConfig config, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<CompletableFuture<String>> running = new ArrayList<>(spec.tasks().size());
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) {
            CompletableFuture<String> started = run(task, log, config);
            running.add(started);
            outcomes.add(started.handle((name, error) -> error == null
                    ? Outcome.success(task.name(), name)
                    : Outcome.failure(task.name(), Failures.unwrap(error))));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new));
        all.whenComplete((done, error) -> {                                   // only the caller's interrupt fails it
            if (error != null) for (CompletableFuture<String> task : running) task.cancel(true);
        });
        Failures.await(all);                                                  // waits for every task, failed or not
        return outcomes.stream().map(CompletableFuture::resultNow).toList();
    }

    static long gatherMany(Executor executor, MassGatherSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int tasks = spec.tasks();
        Executor afterDelay = CompletableFuture.delayedExecutor(spec.delay().toNanos(), TimeUnit.NANOSECONDS, executor);
        List<CompletableFuture<Long>> running = new ArrayList<>(tasks);
        try {
            for (int i = 0; i < tasks; i++) {
                long value = i;
                running.add(CompletableFuture.supplyAsync(() -> value, afterDelay));
            }
            long sum = 0;
            for (CompletableFuture<Long> task : running) sum += Failures.await(task);
            return sum;
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        } finally {
            for (CompletableFuture<Long> task : running) task.cancel(true);
        }
    }

    /**
     * One task, as in the post: log its start, wait its delay (a timer, no thread), then end on
     * the executor, unless the task was cancelled meanwhile. Cancelling the task cancels its timer.
     */
    private static CompletableFuture<String> run(Task task, EventLog log, FuturesConfig config) {
        log.log(task.startLine());
        CompletableFuture<String> result = new CompletableFuture<>();
        Runnable end = () -> {
            if (result.isDone()) return;                                       // cancelled: its end never runs
            try {
                result.complete(end(task, log));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        ScheduledFuture<?> timer = config.timers().schedule(() -> {
            try {
                config.executor().execute(end);
            } catch (RejectedExecutionException closed) {
                result.completeExceptionally(closed);
            }
        }, task.delay().toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((name, error) -> timer.cancel(false));            // a cancelled task's timer leaves the queue
        return result;
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
}
