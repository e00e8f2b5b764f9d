package dev.asyncbench.core.sequential;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.TimeoutSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Scenario 7: one blocking call whose deadline the HTTP client enforces. With a single thread
 * nothing else could watch the clock, so the deadline travels with the request
 * ({@link HttpRequest.Builder#timeout}); when it passes, the client gives up the exchange,
 * closes the connection (the server counts the request abandoned) and {@code send} throws.
 *
 * <ul>
 *   <li>Threads: the caller's (with the {@code jdk} transport the client's selector thread runs
 *       the timer; with {@code apache} the caller's own socket read times out).
 *   <li>Blocking: {@link TestbedClient#send} holds the caller until the body or the deadline.
 *   <li>Cancellation: the client abandons the request at the deadline; interrupting the caller
 *       abandons it too.
 *   <li>Errors: {@link HttpTimeoutException} becomes {@link TimeoutException} (cause kept); other
 *       IO failures are {@link UncheckedIOException}.
 * </ul>
 */
final class Timeout {
    static final int SEED = 7;
    static final int BODY_BYTES = 64;

    private Timeout() {
    }

    static String fetchWithTimeout(TimeoutSpec spec) throws TimeoutException {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        HttpRequest request = HttpRequest.newBuilder(http.bytes(SEED, BODY_BYTES, spec.serverLatency()), (name, value) -> true)
                .timeout(spec.deadline())
                .build();
        try {
            byte[] body = http.send(request);
            return new String(body, StandardCharsets.UTF_8);
        } catch (HttpTimeoutException e) {
            TimeoutException timeout = new TimeoutException("no answer within the deadline of " + spec.deadline().toMillis() + " ms");
            timeout.initCause(e);
            throw timeout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("fetch interrupted");
        }
    }
}
