package dev.asyncbench.rx;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.TimeoutSpec;
import io.reactivex.rxjava3.core.Single;

import java.util.concurrent.TimeoutException;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.NANOSECONDS;

/**
 * Scenario 7: one request that must answer within its deadline.
 *
 * <ul>
 *   <li>Threads: the request on the JDK client's threads; the deadline is a timer on the timer scheduler.</li>
 *   <li>Blocking: none here; the caller blocks once, in {@link RxModel}.</li>
 *   <li>Cancellation: when the deadline passes, {@code timeout} disposes the request, which
 *       cancels it: the server sees the connection go.</li>
 *   <li>Errors: {@code timeout} signals {@link TimeoutException} (java.util.concurrent's, in
 *       RxJava 3); {@link RxModel} rethrows it unwrapped.</li>
 * </ul>
 */
final class Timeout {

    /** The request: {@code /bytes} with this seed and size, so the body is short and known. */
    static final int SEED = 7;
    static final int BODY_BYTES = 64;

    private Timeout() {
    }

    static Single<String> fetchWithTimeout(TimeoutSpec spec, RxConfig config) {
        TestbedClient http = spec.http();
        return RxHttp.send(http, http.bytes(SEED, BODY_BYTES, spec.serverLatency()))
                .timeout(spec.deadline().toNanos(), NANOSECONDS, config.timers())
                .map(body -> new String(body, UTF_8));
    }
}
