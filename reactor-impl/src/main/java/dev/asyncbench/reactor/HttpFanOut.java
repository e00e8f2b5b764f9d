package dev.asyncbench.reactor;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * Scenario 3: K fetches of {@code /bytes}, at most C in flight, checksum in request order.
 *
 * <ul>
 *   <li>Threads: none of ours; {@code flatMap} with a concurrency of C keeps C requests in
 *       flight, each slot freed when its request completes, and the results go back in request
 *       order at the end ({@link InOrder}: not {@code flatMapSequential}, whose slots wait for
 *       every earlier result).
 *   <li>Blocking: none; {@code TestbedClient.sendAsync} holds no thread while it waits.
 *   <li>Cancellation: on the first failure {@code flatMap} cancels the requests in flight,
 *       which cancels the futures returned by {@code sendAsync} themselves
 *       ({@link ReactorHttp}), and the client abandons those exchanges.
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

    static Mono<FanOutResult> httpFanOut(FanOutSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        int requests = spec.requests();
        return InOrder.all(requests, spec.maxInFlight(), i -> ReactorHttp.send(http, http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist()))
                        .map(body -> new Fetched(Checksums.crc(body), body.length)))          // request i, holding no thread; C in flight
                .map(all -> {
                    FanOutResult sum = new FanOutResult(0, 0, Checksums.START);
                    for (Fetched fetched : all) {                                       // in request order
                        sum = new FanOutResult(sum.responses() + 1, sum.bytes() + fetched.size(), Checksums.fold(sum.checksum(), fetched.crc()));
                    }
                    return sum;
                });
    }
}
