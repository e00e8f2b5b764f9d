package dev.asyncbench.vthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Fan-out's, files', aggregate's and retry's way of running items 0 to n - 1: each submitted at once on a
 * virtual thread of its own (the item itself waits for its permit), completions taken as they
 * happen ({@link ExecutorCompletionService}), so the first failure is rethrown at once,
 * unwrapped; then every item is cancelled with {@code cancel(true)}, a no-op once done: a waiting
 * one stops waiting for its permit, a blocked one is interrupted and abandons its call.
 */
final class EachOnItsOwn {
    private EachOnItsOwn() {
    }

    static void run(ExecutorService executor, int items, IntFunction<? extends Callable<?>> item) {
        CompletionService<Object> completions = new ExecutorCompletionService<>(executor);
        List<Future<Object>> running = new ArrayList<>(items);
        try {
            for (int i = 0; i < items; i++) running.add(completions.submit(cast(item.apply(i))));
            for (int done = 0; done < items; done++) {
                completions.take().get();                                 // fail fast: the first failure throws here
            }
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            for (Future<Object> task : running) task.cancel(true);        // a no-op once done; else abandons its call
        }
    }

    @SuppressWarnings("unchecked")
    private static Callable<Object> cast(Callable<?> task) {
        return (Callable<Object>) task;
    }
}
