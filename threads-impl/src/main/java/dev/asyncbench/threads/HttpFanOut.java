package dev.asyncbench.threads;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

/**
 * Scenario 3: K fetches of {@code /bytes}, at most C in flight, checksum in request order.
 *
 * <ul>
 *   <li>Threads: a sliding window of C tasks on the model's executor: the caller takes each
 *       completion as it happens ({@link SlidingWindow}) and submits the next
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
        SlidingWindow.run(executor, requests, spec.maxInFlight(), fetch);
        return new FanOutResult(requests, LongStream.of(sizes).sum(), Checksums.foldAll(crcs));
    }
}
