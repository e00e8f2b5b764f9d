package dev.asyncbench.rx;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;

import java.util.Objects;

/**
 * Scenario 3: K fetches of {@code /bytes}, at most C in flight, checksum in request order.
 *
 * <ul>
 *   <li>Threads: none of ours; {@code concatMapEager} with a maxConcurrency of C keeps C
 *       requests in flight and emits their results in request order, whatever order they
 *       finish in.
 *   <li>Blocking: none; {@code TestbedClient.sendAsync} holds no thread while it waits.
 *   <li>Cancellation: on the first failure {@code concatMapEager} disposes the requests in
 *       flight, which cancels the futures returned by {@code sendAsync} themselves
 *       ({@link RxHttp}), and the JDK client abandons those exchanges.
 *   <li>Errors: the first failure ends the flow and is rethrown unwrapped
 *       ({@code ServerUnreachableException} as the cause of an {@code UncheckedIOException}).
 * </ul>
 */
final class HttpFanOut {
    private HttpFanOut() {
    }

    /** What the result needs of one body, so that results waiting for their turn hold no body. */
    private record Fetched(long crc, long size) {
    }

    static Single<FanOutResult> httpFanOut(FanOutSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        int requests = spec.requests();
        return Flowable.range(0, requests)
                .concatMapEager(i -> RxHttp.send(http, http.bytes(i, spec.bodyBytes(), spec.latency()))   // request i, holding no thread
                        .map(body -> new Fetched(Checksums.crc(body), body.length))
                        .toFlowable(), spec.maxInFlight(), 1)                   // C in flight; results in request order
                .reduce(new FanOutResult(0, 0, Checksums.START), (sum, fetched) ->
                        new FanOutResult(sum.responses() + 1, sum.bytes() + fetched.size(), Checksums.fold(sum.checksum(), fetched.crc())));
    }
}
