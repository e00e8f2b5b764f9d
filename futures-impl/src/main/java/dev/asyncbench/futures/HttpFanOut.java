package dev.asyncbench.futures;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;

import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

/**
 * Scenario 3: K fetches of {@code /bytes}, at most C in flight, checksum in request order.
 *
 * <ul>
 *   <li>Threads: none of ours; a sliding window of C requests without a semaphore: each
 *       request's completion callback starts the next one nobody started yet.
 *   <li>Blocking: none; {@code TestbedClient.sendAsync} holds no thread while it waits.
 *   <li>Cancellation: on the first failure the window cancels the futures returned by
 *       {@code sendAsync} themselves (a derived stage would not reach the request), and the
 *       JDK client abandons those exchanges.
 *   <li>Errors: the first failure completes the window and is rethrown unwrapped
 *       ({@code ServerUnreachableException} as the cause of an {@code UncheckedIOException}).
 * </ul>
 */
final class HttpFanOut {
    private HttpFanOut() {
    }

    static FanOutResult httpFanOut(FanOutSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        int requests = spec.requests();
        long[] crcs = new long[requests];
        long[] sizes = new long[requests];
        CompletableFuture<Void> window = new CompletableFuture<>();       // every body in, or the first failure
        Set<CompletableFuture<byte[]>> inFlight = ConcurrentHashMap.newKeySet();
        IntFunction<CompletableFuture<Void>> fetch = i ->                  // request i, holding no thread while it waits
                send(http, http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist()), inFlight, window).thenAccept(body -> {
                    crcs[i] = Checksums.crc(body);
                    sizes[i] = body.length;
                });
        window.exceptionally(failure -> {                                  // the failure callback: cancel the requests themselves
            for (CompletableFuture<byte[]> request : inFlight) request.cancel(true);
            return null;
        });
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(requests);
        for (int lane = 0; lane < Math.min(spec.maxInFlight(), requests); lane++) startNext(fetch, requests, next, remaining, window);
        try {
            Failures.await(window);
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
        return new FanOutResult(requests, LongStream.of(sizes).sum(), Checksums.foldAll(crcs));
    }

    /**
     * The sliding window: starts the next item nobody started yet and, when it ends, the one
     * after that; C first calls keep C items in flight. The last item, or the first failure,
     * completes {@code window}.
     */
    private static void startNext(IntFunction<CompletableFuture<Void>> item, int items, AtomicInteger next,
                                  AtomicInteger remaining, CompletableFuture<Void> window) {
        int i = next.getAndIncrement();
        if (i >= items || window.isDone()) return;
        CompletableFuture<Void> started;
        try {
            started = item.apply(i);
        } catch (RuntimeException e) {                                    // refused at once (a closed executor): fail, never hang
            window.completeExceptionally(e);
            return;
        }
        started.whenComplete((done, error) -> {
            if (error != null) window.completeExceptionally(error);
            else if (remaining.decrementAndGet() == 0) window.complete(null);
            else startNext(item, items, next, remaining, window);
        });
    }

    /** {@code sendAsync}, its future kept while in flight so that the window's failure can cancel it. */
    private static CompletableFuture<byte[]> send(TestbedClient http, HttpRequest request,
                                                  Set<CompletableFuture<byte[]>> inFlight, CompletableFuture<Void> window) {
        CompletableFuture<byte[]> call = http.sendAsync(request);
        inFlight.add(call);
        call.whenComplete((body, error) -> inFlight.remove(call));
        if (window.isCompletedExceptionally()) call.cancel(true);          // started as the window failed
        return call;
    }
}
