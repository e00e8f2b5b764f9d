package dev.asyncbench.threads;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The sliding window of fan-out, aggregate and retry: items 0 to n - 1 as tasks on the model's
 * executor, at most {@code width} at once; the caller takes each completion as it happens
 * ({@link ExecutorCompletionService}) and submits the next item in its place, so a slot frees
 * when its item ends, whatever the order. The first failure is rethrown unwrapped, and the tasks
 * still running are cancelled with {@code cancel(true)}: the interrupt abandons a blocking send.
 */
final class SlidingWindow {
    private SlidingWindow() {
    }

    static void run(ExecutorService executor, int items, int width, IntFunction<? extends Callable<?>> item) {
        CompletionService<Object> window = new ExecutorCompletionService<>(executor);
        Set<Future<Object>> inFlight = new HashSet<>();
        int next = 0;
        try {
            while (next < Math.min(width, items)) inFlight.add(window.submit(cast(item.apply(next++))));
            for (int done = 0; done < items; done++) {
                Future<Object> finished = window.take();                  // whichever item ends first
                inFlight.remove(finished);
                finished.get();                                           // fail fast: the first failure throws here
                if (next < items) inFlight.add(window.submit(cast(item.apply(next++))));
            }
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            for (Future<Object> running : inFlight) running.cancel(true);  // interrupts a blocking call: abandoned
        }
    }

    @SuppressWarnings("unchecked")
    private static Callable<Object> cast(Callable<?> task) {
        return (Callable<Object>) task;
    }
}
