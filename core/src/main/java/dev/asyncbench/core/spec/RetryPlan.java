package dev.asyncbench.core.spec;

import java.time.Duration;

/**
 * The timing side of scenario 10, without a testbed: which attempts fail ({@link Faults}), the
 * backoffs between attempts, and so each request's own time and the scenario's ideal. The bench
 * computes ideals from it before any testbed is up; {@link RetrySpec} delegates to it.
 */
public record RetryPlan(Duration latency, Faults faults, int maxAttempts, Duration attemptTimeout, Duration backoff, Duration maxBackoff) {

    /** How much longer than the attempt's timeout the server holds a stalled attempt. */
    public static final int STALL_FACTOR = 5;

    private static final long JITTER_SALT = 0xBAC0_FF00_0000_0000L;

    public RetryPlan {
        Check.notNull(faults, "faults");
        Check.delay(latency, "L (latency)");
        Check.range(maxAttempts, "A (max attempts)", 1, Faults.MAX_ATTEMPTS);
        Check.deadline(attemptTimeout, "attempt timeout");
        Check.range(attemptTimeout.toMillis(), "attempt timeout in ms", 1, Check.MAX_DURATION.toMillis() / STALL_FACTOR);
        if (attemptTimeout.compareTo(latency.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the attempt timeout must be at least 2 x L (" + 2 * latency.toMillis()
                    + " ms), so that an attempt that is no stall answers within it; was " + attemptTimeout.toMillis() + " ms");
        }
        Check.delay(backoff, "backoff");
        Check.delay(maxBackoff, "max backoff");
        if (maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("max backoff must be at least the backoff (" + backoff.toMillis() + " ms), was "
                    + maxBackoff.toMillis() + " ms");
        }
    }

    /**
     * How long to wait after attempt {@code attempt} of request {@code id} failed, before the next:
     * exponential ({@code backoff x 2^(attempt-1)}, at most {@code maxBackoff}) with equal jitter
     * (half of it fixed, the other half drawn, seeded by the request and the attempt), in whole
     * milliseconds. Every model waits exactly this, in its own idiom.
     */
    public Duration backoff(int id, int attempt) {
        return backoff(backoff, maxBackoff, id, attempt);
    }

    /** {@link #backoff(int, int)} from the two durations alone: what {@link RetrySpec} calls on every failed attempt. */
    static Duration backoff(Duration backoff, Duration maxBackoff, int id, int attempt) {
        Check.range(attempt, "attempt", 1, Faults.MAX_ATTEMPTS);
        long exp = Math.min(maxBackoff.toMillis(), backoff.toMillis() << (attempt - 1));
        double u = Dist.draw(JITTER_SALT ^ ((long) id << 8) ^ attempt);
        return Duration.ofMillis(exp / 2 + Math.round((exp - exp / 2) * u));
    }

    /** How long the server holds a stalled attempt: {@value #STALL_FACTOR} x the attempt's timeout. */
    public Duration stallHold() {
        return attemptTimeout.multipliedBy(STALL_FACTOR);
    }

    /** How many attempts request {@code id} makes: up to its first success, at most {@code maxAttempts}. */
    public int attempts(int id) {
        return faults.attempts(id, maxAttempts);
    }

    /**
     * Each request's own time in ms, from its first attempt's start to its end with nothing else
     * in the way: every attempt's wait (L, or the timeout for a stall) and the backoffs between.
     * {@link Makespan#greedy} of these with C slots is the scenario's ideal wall time: a request
     * holds its slot through its backoffs.
     */
    public long[] chainsMs(int requests) {
        long[] ms = new long[requests];
        for (int i = 0; i < requests; i++) {
            int attempts = attempts(i);
            long total = 0;
            for (int a = 1; a <= attempts; a++) {
                total += faults.of(i, a) == Fault.STALL ? attemptTimeout.toMillis() : latency.toMillis();
                if (a < attempts) total += backoff(i, a).toMillis();
            }
            ms[i] = total;
        }
        return ms;
    }
}
