package dev.asyncbench.reactor;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.TimeoutSpec;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * Scenario 7: one {@code /bytes} call that must finish within its deadline.
 *
 * <ul>
 *   <li>Threads: none of ours; the deadline is a timer on a parallel-scheduler thread; the
 *       caller waits with {@code block} ({@link ReactorModel}).
 *   <li>Blocking: none; {@code TestbedClient.sendAsync} holds no thread while it waits.
 *   <li>Cancellation: at the deadline {@code timeout} cancels the request, which cancels the
 *       future returned by {@code sendAsync} itself ({@link ReactorHttp}), and the client
 *       abandons the exchange (closes the connection; the server counts it).
 *   <li>Errors: {@link TimeoutException} past the deadline (the fallback of {@code timeout});
 *       any other failure unwrapped.
 * </ul>
 */
final class Timeout {
    static final int SEED = 7;
    static final int BODY_BYTES = 64;

    private Timeout() {
    }

    static Mono<String> fetchWithTimeout(ReactorConfig config, TimeoutSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        return ReactorHttp.send(http, http.bytes(SEED, BODY_BYTES, spec.serverLatency()))
                .timeout(spec.deadline(), Mono.error(() -> timedOut(spec)), config.timers())   // cancels the request: abandons it
                .map(body -> new String(body, StandardCharsets.UTF_8));
    }

    private static TimeoutException timedOut(TimeoutSpec spec) {
        return new TimeoutException("no response within the deadline of " + spec.deadline().toMillis()
                + " ms; the request was abandoned");
    }
}
