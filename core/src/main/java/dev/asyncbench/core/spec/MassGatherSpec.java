package dev.asyncbench.core.spec;

import java.time.Duration;

/** Scenario 2, mass form: N identical tasks; task i waits {@code delay} and returns i. */
public record MassGatherSpec(int tasks, Duration delay) {
    public static final int MAX_TASKS = 10_000_000;

    public MassGatherSpec {
        check(tasks, delay);
    }

    /** The constructor's checks, for a size read before any spec is made (the bench's --sizes). */
    public static void check(long tasks, Duration delay) {
        Check.range(tasks, "N (tasks)", 1, MAX_TASKS);
        Check.delay(delay, "L (delay)");
    }

    /** The answer: 0 + 1 + ... + (N - 1). */
    public long expectedSum() {
        return (long) tasks * (tasks - 1) / 2;
    }
}
