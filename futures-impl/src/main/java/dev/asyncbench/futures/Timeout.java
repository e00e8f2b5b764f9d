package dev.asyncbench.futures;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.TimeoutSpec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scenario 7: one {@code /bytes} call that must finish within its deadline.
 *
 * <ul>
 *   <li>Threads: none of ours; the caller waits with {@code join}.
 *   <li>Blocking: none; {@code TestbedClient.sendAsync} holds no thread while it waits.
 *   <li>Cancellation: {@code orTimeout} on the future returned by {@code sendAsync} itself
 *       completes it with a {@link TimeoutException} at the deadline, and the JDK client
 *       abandons the exchange (closes the connection; the server counts it).
 *   <li>Errors: {@link TimeoutException} past the deadline; any other failure unwrapped.
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
        CompletableFuture<byte[]> call = http.sendAsync(http.bytes(SEED, BODY_BYTES, spec.serverLatency()));
        call.orTimeout(spec.deadline().toNanos(), TimeUnit.NANOSECONDS);     // on the request's own future: abandons it
        try {
            return new String(Failures.await(call), StandardCharsets.UTF_8);
        } catch (CompletionException e) {
            if (e.getCause() instanceof TimeoutException timeout) throw timedOut(spec, timeout);
            throw Failures.unwrap(e);
        }
    }

    private static TimeoutException timedOut(TimeoutSpec spec, TimeoutException cause) {
        TimeoutException e = new TimeoutException("no response within the deadline of " + spec.deadline().toMillis()
                + " ms; the request was abandoned");
        e.initCause(cause);
        return e;
    }
}
