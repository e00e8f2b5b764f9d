package dev.asyncbench.core.spec;

import java.util.Locale;

/**
 * Which attempts of scenario 10 ({@code retry}) fail, and how: deterministic per request id and
 * attempt number, so that attempt a of request i fails the same way in every model and run. The
 * testbed server applies the plan; the kit and the bench read the same plan to expect the
 * attempts and compute ideals.
 *
 * <p>Attempt a (1, 2, ...) of request i draws {@code u} as a {@link Dist} draw does, from
 * {@code (i << 8) ^ a} and a salt of its own. It fails when {@code u < rate}, and the fault is
 * {@link Fault#UNAVAILABLE}, {@link Fault#DROPPED} or {@link Fault#STALL} as {@code u / rate} falls
 * in the first, second or last third: each kind equally often, independent of the attempt.
 *
 * <p>Text form: {@code none}, or {@code f=0.3} for a rate of 0.3.
 *
 * @param rate the fraction of attempts that fail, 0 to 0.9
 */
public record Faults(double rate) {

    public static final Faults NONE = new Faults(0);

    /** The most attempts a plan is asked about: attempt numbers fit in 8 bits. */
    public static final int MAX_ATTEMPTS = 10;

    private static final long SALT = 0x5EED_FA17_0000_0000L;

    public Faults {
        if (!(rate >= 0 && rate <= 0.9)) throw new IllegalArgumentException("faults' f must be from 0 to 0.9, was " + rate);
    }

    /** Reads {@code none}, {@code f=0.3}. */
    public static Faults parse(String text) {
        Check.notNull(text, "faults");
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) return NONE;
        if (!t.startsWith("f=")) throw new IllegalArgumentException("malformed faults '" + text + "' (none, f=RATE)");
        try {
            return new Faults(Double.parseDouble(t.substring(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed faults '" + text + "': f must be a number (none, f=RATE)", e);
        }
    }

    /** The text {@link #parse} reads back. */
    public String text() {
        return rate == 0 ? "none" : "f=" + (rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate));
    }

    /** How attempt {@code attempt} (from 1) of request {@code id} fails, or {@code null} when it succeeds. */
    public Fault of(long id, int attempt) {
        Check.range(attempt, "attempt", 1, MAX_ATTEMPTS);
        if (rate == 0) return null;
        double u = Dist.draw(SALT ^ (id << 8) ^ attempt);
        if (u >= rate) return null;
        return Fault.values()[Math.min(2, (int) (u / rate * 3))];
    }

    /** How many attempts request {@code id} makes with at most {@code maxAttempts}: up to its first success. */
    public int attempts(long id, int maxAttempts) {
        for (int a = 1; a < maxAttempts; a++) {
            if (of(id, a) == null) return a;
        }
        return maxAttempts;
    }

    /** How request {@code id} ends with at most {@code maxAttempts}: {@code null} for a success, else its last attempt's fault. */
    public Fault outcome(long id, int maxAttempts) {
        return of(id, attempts(id, maxAttempts));
    }
}
