package dev.asyncbench.core.spec;

import java.time.Duration;
import java.util.Arrays;

/**
 * Scenario 11's arrival clock: when each request is meant to start, fixed before the operation
 * starts and independent of completions (an open system: requests do not wait for earlier ones
 * to finish before they arrive).
 */
public final class Arrivals {
    private static final long SALT = 0xA221_7A15_0000_0000L;

    private Arrivals() {
    }

    /**
     * A Poisson process of {@code rate} per second over {@code duration}: exponential gaps with
     * mean 1 / rate, each drawn from its index as a {@link Dist} draw is; the offsets in ns from
     * the start, ascending, all below the duration (at least one, at 0, if none falls inside).
     */
    public static long[] poisson(int rate, Duration duration) {
        Check.range(rate, "rate", 1, LoadSpec.MAX_RATE);
        long end = duration.toNanos();
        long[] at = new long[Math.max(16, (int) Math.min(LoadSpec.MAX_REQUESTS, 2L * rate * end / 1_000_000_000L + 16))];
        int n = 0;
        double t = 0;
        while (n < at.length) {
            t += -Math.log(Dist.draw(SALT ^ n)) / rate * 1e9;
            if (t >= end) break;
            at[n++] = (long) t;
        }
        return n == 0 ? new long[] {0} : Arrays.copyOf(at, n);
    }
}
