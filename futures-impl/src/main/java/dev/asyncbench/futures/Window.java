package dev.asyncbench.futures;

import dev.asyncbench.core.io.TestbedClient;

import java.net.http.HttpRequest;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A sliding window without a semaphore: items 0 to n - 1, at most {@code width} at once, each
 * item's completion callback starting the next one nobody started yet (so a slot frees when its
 * item ends, whatever the order). The first failure ends the window and cancels the requests
 * still in flight: the futures {@link #send} returned, since cancelling a derived stage would
 * not reach them. One window per call.
 */
final class Window {
    private final CompletableFuture<Void> done = new CompletableFuture<>();   // every item ended, or the first failure
    private final Set<CompletableFuture<byte[]>> inFlight = ConcurrentHashMap.newKeySet();

    Window() {
        done.exceptionally(failure -> {                                  // the failure callback: cancel the requests themselves
            for (CompletableFuture<byte[]> request : inFlight) request.cancel(true);
            return null;
        });
    }

    /** {@code sendAsync}, its future kept while in flight so that the window's failure can cancel it. */
    CompletableFuture<byte[]> send(TestbedClient http, HttpRequest request) {
        CompletableFuture<byte[]> call = http.sendAsync(request);
        inFlight.add(call);
        call.whenComplete((body, error) -> inFlight.remove(call));
        if (failed()) call.cancel(true);                                 // started as the window failed
        return call;
    }

    /** Ends the window by {@code failure} from outside (another scenario's own failure): the requests in flight are cancelled. */
    void cancel(Throwable failure) {
        done.completeExceptionally(failure);
    }

    /** Whether the window has ended by a failure: start nothing more. */
    boolean failed() {
        return done.isCompletedExceptionally();
    }

    /** Runs {@code item} for 0 to {@code items - 1}, at most {@code width} at once; returns when all have ended, or throws the first failure, unwrapped. */
    void run(int items, int width, IntFunction<? extends CompletableFuture<?>> item) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(items);
        for (int lane = 0; lane < Math.min(width, items); lane++) startNext(item, items, next, remaining);
        try {
            Failures.await(done);                                            // an interrupt cancels the window, hence the requests
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
    }

    /** Starts the next item nobody started yet and, when it ends, the one after that. The last item, or the first failure, ends the window. */
    private void startNext(IntFunction<? extends CompletableFuture<?>> item, int items, AtomicInteger next, AtomicInteger remaining) {
        int i = next.getAndIncrement();
        if (i >= items || done.isDone()) return;
        CompletableFuture<?> started;
        try {
            started = item.apply(i);
        } catch (RuntimeException e) {                                    // refused at once (a closed executor): fail, never hang
            done.completeExceptionally(e);
            return;
        }
        started.whenComplete((result, error) -> {
            if (error != null) done.completeExceptionally(error);
            else if (remaining.decrementAndGet() == 0) done.complete(null);
            else startNext(item, items, next, remaining);
        });
    }
}
