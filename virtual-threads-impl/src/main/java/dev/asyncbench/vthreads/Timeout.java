package dev.asyncbench.vthreads;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.TimeoutSpec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.FailedException;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.concurrent.TimeoutException;

/**
 * Scenario 7: one {@code /bytes} call that must finish within its deadline.
 *
 * <ul>
 *   <li>Threads: the call is forked on a virtual thread into a {@code StructuredTaskScope}
 *       opened with a timeout ({@code Configuration.withTimeout}); the caller joins it.
 *   <li>Blocking: {@code TestbedClient.send} blocks the call's virtual thread until the body is
 *       in; the virtual thread unmounts meanwhile.
 *   <li>Cancellation: past the deadline the scope cancels itself, interrupting the blocking
 *       send, and the JDK client abandons the exchange (closes the connection; the server
 *       counts it). Closing the scope waits for that.
 *   <li>Errors: the scope's own {@code StructuredTaskScope.TimeoutException} becomes a
 *       {@link TimeoutException} past the deadline; any other failure is unwrapped from the
 *       scope's {@code FailedException}.
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
        try (var scope = StructuredTaskScope.open(Joiner.<byte[]>awaitAllSuccessfulOrThrow(),
                config -> config.withTimeout(spec.deadline()))) {
            Subtask<byte[]> call = scope.fork(() -> http.send(http.bytes(SEED, BODY_BYTES, spec.serverLatency())));
            scope.join();                                                 // past the deadline: abandons the request, throws
            return new String(call.get(), StandardCharsets.UTF_8);
        } catch (StructuredTaskScope.TimeoutException e) {
            throw timedOut(spec, e);
        } catch (FailedException e) {
            throw Failures.unchecked(e.getCause());
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        }
    }

    private static TimeoutException timedOut(TimeoutSpec spec, StructuredTaskScope.TimeoutException cause) {
        TimeoutException e = new TimeoutException("no response within the deadline of " + spec.deadline().toMillis()
                + " ms; the request was abandoned");
        e.initCause(cause);
        return e;
    }
}
