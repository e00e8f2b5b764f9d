package dev.asyncbench.core.spec;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * Input checks shared by every spec record, so every model rejects bad input the same way:
 * an {@link IllegalArgumentException} (or {@link NullPointerException}) naming the parameter
 * and the accepted range.
 */
public final class Check {

    /** Longest duration any scenario accepts: anything longer is a mistake, not a workload. */
    public static final Duration MAX_DURATION = Duration.ofMinutes(10);

    private Check() {
    }

    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    public static int range(int value, String name, int min, int max) {
        return (int) range((long) value, name, min, max);
    }

    /**
     * {@link #range(int, String, int, int)} for a value read as a {@code long} (a size typed on a
     * command line), so that one too large for an {@code int} gets the same message.
     */
    public static long range(long value, String name, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** A wait: zero or more, at most {@link #MAX_DURATION}. */
    public static Duration delay(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative() || value.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 ms and " + MAX_DURATION.toMinutes()
                    + " min, was " + value.toMillis() + " ms");
        }
        return value;
    }

    /** A deadline: strictly positive, at most {@link #MAX_DURATION}. */
    public static Duration deadline(Duration value, String name) {
        delay(value, name);
        if (value.isZero()) throw new IllegalArgumentException(name + " must be greater than 0 ms, was 0 ms");
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C value, String name) {
        notNull(value, name);
        if (value.isEmpty()) throw new IllegalArgumentException(name + " must not be empty");
        for (Object o : value) if (o == null) throw new NullPointerException(name + " must not contain null");
        return value;
    }

    public static String name(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        return value;
    }
}
