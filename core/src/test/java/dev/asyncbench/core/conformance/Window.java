package dev.asyncbench.core.conformance;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wall times the kit accepts for an operation whose ideal time is known: from 0.9 x ideal
 * (a model cannot finish its waits early) to 2 x ideal + 0.75 s (room for a noisy, shared
 * 2-core machine). Where a rule names the wrong behaviour ("the longest delay, not the sum"),
 * the upper bound stays below halfway to that wrong time, so the test can tell the two apart.
 * Never a speed test: the bench measures speed.
 */
record Window(String what, Duration ideal, Duration lower, Duration upper, String note) {

    static final double LOWER_FACTOR = 0.9;
    static final double UPPER_FACTOR = 2.0;
    static final Duration UPPER_SLACK = Duration.ofMillis(750);

    static Window around(String what, Duration ideal) {
        return new Window(what, ideal, times(ideal, LOWER_FACTOR), times(ideal, UPPER_FACTOR).plus(UPPER_SLACK), "");
    }

    /** The same window with more room above, for overhead that grows with the work's size. */
    Window withExtraRoom(Duration extra) {
        return new Window(what, ideal, lower, upper.plus(extra), note);
    }

    /** The same window, its upper bound below halfway from the ideal to a wrong behaviour's time. */
    Window tellingApartFrom(String wrong, Duration wrongTime) {
        Duration halfway = ideal.plus(wrongTime.minus(ideal).dividedBy(2));
        if (wrongTime.compareTo(ideal) <= 0 || halfway.compareTo(upper) >= 0) return this;
        return new Window(what, ideal, lower, halfway, "; below halfway to " + wrong + ", " + wrongTime.toMillis() + " ms");
    }

    void check(Duration elapsed) {
        assertTrue(elapsed.compareTo(lower) >= 0 && elapsed.compareTo(upper) <= 0,
                () -> what + " took " + elapsed.toMillis() + " ms; expected " + lower.toMillis() + " to "
                        + upper.toMillis() + " ms (ideal " + ideal.toMillis() + " ms" + note + ")");
    }

    /** {@code ceil(count / width) x each}: the time of {@code count} waits done {@code width} at a time. */
    static Duration rounds(int count, int width, Duration each) {
        return each.multipliedBy((count + width - 1) / width);
    }

    static Duration times(Duration d, double factor) {
        return Duration.ofNanos(Math.round(d.toNanos() * factor));
    }
}
