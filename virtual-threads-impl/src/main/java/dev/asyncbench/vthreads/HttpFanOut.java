package dev.asyncbench.vthreads;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.stream.LongStream;

/**
 * Scenario 3: K fetches of {@code /bytes}, at most C in flight, checksum in request order.
 *
 * <ul>
 *   <li>Threads: all K requests are submitted at once, each on a virtual thread of its own;
 *       a {@link Semaphore} of C permits lets C of them send at a time, the others wait for a
 *       permit (parked, not holding a carrier).
 *   <li>Blocking: each request is {@code TestbedClient.send}, which blocks its virtual thread
 *       until the whole body is in; the carrier runs other virtual threads meanwhile.
 *   <li>Cancellation: on the first failure every request is cancelled with
 *       {@code cancel(true)}: a waiting one stops waiting for its permit, a sending one is
 *       interrupted and the client abandons its exchange. A request gives its permit back only
 *       when it succeeds, so between a failure and the cancel no waiting request can start.
 *   <li>Errors: completions are taken as they happen ({@link EachOnItsOwn}), so
 *       the first failure is rethrown at once, unwrapped ({@code ServerUnreachableException}
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
        Semaphore inFlight = new Semaphore(spec.maxInFlight(), VirtualThreadsConfig.FAIR);
        IntFunction<Callable<Integer>> fetch = i -> () -> {            // request i, blocking its virtual thread
            inFlight.acquire();                                           // at most C requests past this line
            byte[] body = http.send(http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist()));
            crcs[i] = Checksums.crc(body);
            sizes[i] = body.length;
            inFlight.release();                                           // only after a success: a failed request keeps its
            return i;                                                     // permit, so no waiting one starts before the cancel
        };
        EachOnItsOwn.run(executor, requests, fetch);
        return new FanOutResult(requests, LongStream.of(sizes).sum(), Checksums.foldAll(crcs));
    }
}
