package dev.asyncbench.reactor;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.RaceSpec;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario 9: the same request to every replica at once; the first success wins.
 *
 * <ul>
 *   <li>Threads: none of ours; {@code Mono.firstWithValue} subscribes to every replica at once
 *       and takes the first value: a replica that fails first does not win (not
 *       {@code Mono.firstWithSignal}, whose first signal wins even if it is an error).
 *   <li>Blocking: none; no thread waits for a replica.
 *   <li>Cancellation: {@code firstWithValue} cancels the others once one has a value, which
 *       cancels the futures returned by {@code sendAsync} themselves ({@link ReactorHttp}), and
 *       the client abandons the losers' exchanges.
 *   <li>Errors: when every replica fails, {@code firstWithValue} fails with a
 *       {@code NoSuchElementException} holding every failure in replica order; the race
 *       rethrows the last failure instead, as SPEC says, remembered as each replica fails.
 * </ul>
 */
final class Race {
    private Race() {
    }

    static Mono<String> race(RaceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        return Mono.defer(() -> {
            AtomicReference<Throwable> lastFailure = new AtomicReference<>();
            List<Mono<byte[]>> replicas = spec.replicas().stream()
                    .map(replica -> ReactorHttp.send(http, http.replica(replica)).doOnError(lastFailure::set))   // one replica, holding no thread
                    .toList();
            return Mono.firstWithValue(replicas)                                 // the first success wins; losers cancelled
                    .onErrorMap(NoSuchElementException.class, none -> lastFailure.get());   // every replica failed: the last failure
        }).map(body -> new String(body, StandardCharsets.UTF_8));
    }
}
