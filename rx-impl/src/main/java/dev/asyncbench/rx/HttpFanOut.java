package dev.asyncbench.rx;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;

/**
 * Scenario 3: K requests, at most C in flight, bodies folded into one checksum in request order.
 *
 * <ul>
 *   <li>Threads: none of the model's own; {@code sendAsync} runs on the JDK client's threads,
 *       and each body's CRC is computed on the thread that completed it.</li>
 *   <li>Blocking: none here; the caller blocks once, in {@link RxModel}.</li>
 *   <li>Cancellation: disposing cancels every request in flight ({@link RxHttp}).</li>
 *   <li>Errors: the first failed request fails the call and cancels the others.</li>
 * </ul>
 */
final class HttpFanOut {

    private HttpFanOut() {
    }

    /** One response, reduced to what the result needs, so waiting results hold no bodies. */
    private record Part(int bytes, long crc) {
    }

    static Single<FanOutResult> httpFanOut(FanOutSpec spec) {
        TestbedClient http = spec.http();
        return Flowable.range(0, spec.requests())
                // concatMapEager: C requests in flight at once, their parts emitted in request order
                .concatMapEager(i -> RxHttp.send(http, http.bytes(i, spec.bodyBytes(), spec.latency()))
                        .map(body -> new Part(body.length, Checksums.crc(body)))
                        .toFlowable(), spec.maxInFlight(), 1)
                .reduce(new FanOutResult(0, 0, Checksums.START), (sum, part) ->
                        new FanOutResult(sum.responses() + 1, sum.bytes() + part.bytes(), Checksums.fold(sum.checksum(), part.crc())));
    }
}
