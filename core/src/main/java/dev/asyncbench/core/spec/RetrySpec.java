package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.TestbedClient;

import java.time.Duration;

/**
 * Scenario 10: K requests to the testbed ({@code /flaky}, request i with seed i), at most C in
 * flight, of which some attempts fail by the plan {@link Faults}; each request is retried up to
 * {@code maxAttempts} attempts in all, every attempt bounded by {@code attemptTimeout}, with
 * {@link #backoff(int, int)} between attempts. A successful attempt is held server-side for L and
 * answered with B bytes; a failing one is held L too, then answered 503 or dropped mid-answer,
 * except a stall, held {@link #stallHold()}, far past the attempt's timeout. The timing side is
 * {@link #plan()}.
 */
public record RetrySpec(TestbedClient http, int requests, Duration latency, int bodyBytes, int maxInFlight,
                        Faults faults, int maxAttempts, Duration attemptTimeout, Duration backoff, Duration maxBackoff) {

    public RetrySpec {
        Check.notNull(http, "http");
        Check.notNull(faults, "faults");
        check(requests, latency, bodyBytes, maxInFlight, maxAttempts, attemptTimeout, backoff, maxBackoff);
    }

    /** The constructor's checks but the client's, for a size read before any testbed is up. */
    public static void check(long requests, Duration latency, long bodyBytes, long maxInFlight, long maxAttempts,
                             Duration attemptTimeout, Duration backoff, Duration maxBackoff) {
        FanOutSpec.check(requests, latency, bodyBytes, maxInFlight);
        Check.range(maxAttempts, "A (max attempts)", 1, Faults.MAX_ATTEMPTS);
        new RetryPlan(latency, Faults.NONE, (int) maxAttempts, attemptTimeout, backoff, maxBackoff);
    }

    /** The faults, attempts, timeouts and backoffs, without the testbed. */
    public RetryPlan plan() {
        return new RetryPlan(latency, faults, maxAttempts, attemptTimeout, backoff, maxBackoff);
    }

    /** {@link RetryPlan#backoff}: how long to wait after attempt {@code attempt} of request {@code id} failed. */
    public Duration backoff(int id, int attempt) {
        return RetryPlan.backoff(backoff, maxBackoff, id, attempt);
    }

    /** {@link RetryPlan#stallHold}: how long the server holds a stalled attempt. */
    public Duration stallHold() {
        return attemptTimeout.multipliedBy(RetryPlan.STALL_FACTOR);
    }

    /** {@link RetryPlan#attempts}: how many attempts request {@code id} makes. */
    public int attempts(int id) {
        return plan().attempts(id);
    }

    /** {@link RetryPlan#chainsMs}: each request's own time in ms, for the ideal. */
    public long[] chainsMs() {
        return plan().chainsMs(requests);
    }
}
