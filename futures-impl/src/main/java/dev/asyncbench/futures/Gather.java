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
import java.util.concurrent.TimeUnit;

/**
 * Scenarios 2 and 8, the post's second example: gather (fail fast), collect-all, and the mass
 * gather of N identical tasks.
 *
 * <ul>
 *   <li>Threads: every task starts at once; after its delay its end runs on the model's
 *       executor (a few platform threads), so any number of tasks wait at once.
 *   <li>Blocking: none; a task's wait is a timer ({@code CompletableFuture.delayedExecutor}),
 *       no thread is held through it.
 *   <li>Cancellation: {@code cancel} completes a sibling's future at once; when its timer
 *       fires, its end sees the future already done and never runs, so it logs nothing.
 *   <li>Errors: gather waits on {@code allOf}, and a failure callback on every task completes
 *       that wait with the first failure and cancels the siblings; its
 *       {@code TaskFailedException} is rethrown unwrapped. Collect-all turns each task's
 *       result or failure into an outcome ({@code handle}) and waits for them all.
 * </ul>
 */
final class Gather {
    private Gather() {
    }

    static List<String> gather(Executor executor, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<CompletableFuture<String>> running = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) running.add(run(task, log, executor));
        CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
        for (CompletableFuture<String> task : running) {
            task.whenComplete((name, error) -> {
                if (error != null && all.completeExceptionally(error)) {      // fail fast: the first failure ends the wait
                    for (CompletableFuture<String> sibling : running) sibling.cancel(true);
                }
            });
        }
        try {
            all.join();
            return running.stream().map(CompletableFuture::resultNow).toList();   // results in input order
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
    }

    static List<Outcome> gatherAll(Executor executor, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) {
            outcomes.add(run(task, log, executor).handle((name, error) -> error == null
                    ? Outcome.success(task.name(), name)
                    : Outcome.failure(task.name(), Failures.unwrap(error))));
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();   // waits for every task, failed or not
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
            for (CompletableFuture<Long> task : running) sum += task.join();
            return sum;
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        } finally {
            for (CompletableFuture<Long> task : running) task.cancel(true);
        }
    }

    /** One task, as in the post: log its start, wait its delay (a timer, no thread), then end. */
    private static CompletableFuture<String> run(Task task, EventLog log, Executor executor) {
        log.log(task.startLine());
        return CompletableFuture.supplyAsync(() -> end(task, log),
                CompletableFuture.delayedExecutor(task.delay().toNanos(), TimeUnit.NANOSECONDS, executor));
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
