package dev.asyncbench.bench.fork;

/**
 * A model's answer differs from the sequential reference's: thrown before anything is measured,
 * recorded as the combination's result ({@link ForkOutcome.Incorrect}), never as a failure.
 * The message keeps the "Incorrect benchmark, ..." form that JMH's own logs show.
 */
public final class IncorrectResult extends IllegalStateException {

    private final String expected;
    private final String actual;

    /** {@code who} returned {@code actual} where the reference gives {@code expected}; both abbreviated. */
    public IncorrectResult(String who, Object actual, Object expected) {
        this(who, abbreviate(actual), abbreviate(expected));
    }

    private IncorrectResult(String who, String actual, String expected) {
        super("Incorrect benchmark, " + who + " returned " + actual + ", expected " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }

    /** At most 200 characters, control characters shown as '?'. */
    static String abbreviate(Object o) {
        String s = String.valueOf(o).codePoints()
                .map(c -> Character.isISOControl(c) || c == 0xFFFD ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
