package dev.asyncbench.futures;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;

import java.util.Objects;
import java.util.stream.LongStream;

/**
 * Scenario 3: K fetches of {@code /bytes}, at most C in flight, checksum in request order.
 *
 * <ul>
 *   <li>Threads: none of ours; a sliding window of C requests without a semaphore ({@link Window}): each
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
        Window window = new Window();
        window.run(requests, spec.maxInFlight(), i ->                        // request i, holding no thread while it waits
                window.send(http, http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist())).thenAccept(body -> {
                    crcs[i] = Checksums.crc(body);
                    sizes[i] = body.length;
                }));
        return new FanOutResult(requests, LongStream.of(sizes).sum(), Checksums.foldAll(crcs));
    }
}
