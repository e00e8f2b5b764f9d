package dev.asyncbench.threads;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.TimeoutSpec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Scenario 7: one {@code /bytes} call that must finish within its deadline.
 *
 * <ul>
 *   <li>Threads: the call runs as a task on the model's executor; the caller waits for it
 *       with {@code Future.get(deadline)}.
 *   <li>Blocking: {@code TestbedClient.send} holds the task's thread until the body is in.
 *   <li>Cancellation: past the deadline {@code cancel(true)} interrupts the blocking send, and
 *       the JDK client abandons the exchange (closes the connection; the server counts it).
 *   <li>Errors: {@link TimeoutException} past the deadline; any other failure unwrapped.
 * </ul>
 */
final class Timeout {
    static final int SEED = 7;
    static final int BODY_BYTES = 64;

    private Timeout() {
    }

    static String fetchWithTimeout(ExecutorService executor, TimeoutSpec spec) throws TimeoutException {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        Future<byte[]> call = executor.submit(() -> http.send(http.bytes(SEED, BODY_BYTES, spec.serverLatency())));
        try {
            return new String(call.get(spec.deadline().toNanos(), TimeUnit.NANOSECONDS), StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            throw timedOut(spec, e);
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            call.cancel(true);                                            // past the deadline: abandons the request
        }
    }

    private static TimeoutException timedOut(TimeoutSpec spec, TimeoutException cause) {
        TimeoutException e = new TimeoutException("no response within the deadline of " + spec.deadline().toMillis()
                + " ms; the request was abandoned");
        e.initCause(cause);
        return e;
    }
}
