package dev.asyncbench.threads;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

/**
 * Scenario 3: K fetches of {@code /bytes}, at most C in flight, checksum in request order.
 *
 * <ul>
 *   <li>Threads: a sliding window of C tasks on the model's executor: the caller takes each
 *       completion as it happens ({@link ExecutorCompletionService}) and submits the next
 *       request in its place. The pool grows to C threads; above its ceiling, the ceiling caps C.
 *   <li>Blocking: each request is {@code TestbedClient.send}, holding its thread until the
 *       whole body is in.
 *   <li>Cancellation: on the first failure the requests still in flight are cancelled with
 *       {@code cancel(true)}; the interrupt makes the JDK client abandon each exchange.
 *   <li>Errors: the first failure is rethrown unwrapped ({@code ServerUnreachableException}
 *       as the cause of an {@code UncheckedIOException}).
 * </ul>
 */
final class HttpFanOut {
    private HttpFanOut() {
    }

    static FanOutResult httpFanOut(ExecutorService executor, FanOutSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        int requests = spec.requests();
        long[] crcs = new long[requests];
        long[] sizes = new long[requests];
        IntFunction<Callable<Integer>> fetch = i -> () -> {            // request i, blocking until its body is in
            byte[] body = http.send(http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist()));
            crcs[i] = Checksums.crc(body);
            sizes[i] = body.length;
            return i;
        };
        CompletionService<Integer> window = new ExecutorCompletionService<>(executor);
        Set<Future<Integer>> inFlight = new HashSet<>();
        int next = 0;
        try {
            while (next < Math.min(spec.maxInFlight(), requests)) inFlight.add(window.submit(fetch.apply(next++)));
            for (int done = 0; done < requests; done++) {
                Future<Integer> finished = window.take();                 // whichever request ends first
                inFlight.remove(finished);
                finished.get();                                           // fail fast: the first failure throws here
                if (next < requests) inFlight.add(window.submit(fetch.apply(next++)));
            }
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            for (Future<Integer> request : inFlight) request.cancel(true);  // interrupts the blocking send: abandoned
        }
        return new FanOutResult(requests, LongStream.of(sizes).sum(), Checksums.foldAll(crcs));
    }
}
