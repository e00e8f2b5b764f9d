package dev.asyncbench.core.spec;

import java.util.Locale;

/**
 * How a delayed request's latency is drawn around its nominal L: deterministic per request, so
 * that request {@code id} waits the same in every model and every run. The testbed server
 * draws it from the request's id; the bench and the kit draw the same to compute ideals.
 *
 * <ul>
 *   <li>{@code fixed}: exactly L (the default);
 *   <li>{@code uniform:x=X}: uniform over L - X to L + X (X in ms, at most L);
 *   <li>{@code lognormal:p99=K}: log-normal with median L and 99th percentile K x L (K &gt; 1);
 *   <li>{@code bimodal:f=F,m=M}: L, except a fraction F (0 to 1) of requests at M x L;
 *   <li>{@code failing:seed=S,m=M}: a fault, not a spread: L, except request S, which waits
 *       M x L (M from 0 to 1000) and is then answered {@code 503} by {@code /bytes} (the kit's
 *       fan-out with one failing request in its middle; models pass it on like any other).
 * </ul>
 *
 * <p>A request's draw is {@code u = ((splitmix64(id) >>> 11) + 0.5) / 2^53}, strictly inside (0, 1), turned into a
 * latency by the distribution's quantile function, rounded to whole milliseconds and capped
 * at {@link #MAX_MS}.
 *
 * @param kind  fixed, uniform, lognormal or bimodal
 * @param a     uniform's X in ms; lognormal's K; bimodal's F; failing's S
 * @param b     bimodal's and failing's M; else 0
 */
public record Dist(Kind kind, double a, double b) {

    /** The longest latency a draw gives: the server's own limit on a delay. */
    public static final long MAX_MS = 600_000;

    public static final Dist FIXED = new Dist(Kind.FIXED, 0, 0);

    /** The distributions, by the name their text starts with. */
    public enum Kind { FIXED, UNIFORM, LOGNORMAL, BIMODAL, FAILING }

    /** The standard normal's 99th percentile. */
    private static final double Z99 = 2.3263478740408408;

    public Dist {
        Check.notNull(kind, "kind");
        switch (kind) {
            case FIXED -> { }
            case UNIFORM -> require(a >= 0, "uniform's x must be at least 0 ms, was " + a);
            case LOGNORMAL -> require(a > 1 && a <= 1000, "lognormal's p99 must be above 1 and at most 1000 (times L), was " + a);
            case BIMODAL -> {
                require(a >= 0 && a <= 1, "bimodal's f must be from 0 to 1, was " + a);
                require(b >= 1 && b <= 1000, "bimodal's m must be from 1 to 1000 (times L), was " + b);
            }
            case FAILING -> {
                require(a >= 0 && a <= Long.MAX_VALUE >>> 11 && a == Math.rint(a), "failing's seed must be a whole number from 0, was " + a);
                require(b >= 0 && b <= 1000, "failing's m must be from 0 to 1000 (times L), was " + b);
            }
        }
    }

    /** Reads {@code fixed}, {@code uniform:x=5}, {@code lognormal:p99=10}, {@code bimodal:f=0.05,m=10}. */
    public static Dist parse(String text) {
        Check.notNull(text, "dist");
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String name = colon < 0 ? t : t.substring(0, colon);
        String args = colon < 0 ? "" : t.substring(colon + 1);
        try {
            return switch (name) {
                case "fixed" -> {
                    require(args.isEmpty(), "fixed takes no parameters");
                    yield FIXED;
                }
                case "uniform" -> new Dist(Kind.UNIFORM, param(args, "x", "x"), 0);
                case "lognormal" -> new Dist(Kind.LOGNORMAL, param(args, "p99", "p99"), 0);
                case "bimodal" -> new Dist(Kind.BIMODAL, param(args, "f", "f", "m"), param(args, "m", "f", "m"));
                case "failing" -> new Dist(Kind.FAILING, param(args, "seed", "seed", "m"), param(args, "m", "seed", "m"));
                default -> throw new IllegalArgumentException("unknown distribution '" + name + "'");
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed dist '" + text + "': " + e.getMessage()
                    + " (fixed, uniform:x=MS, lognormal:p99=K, bimodal:f=F,m=M, failing:seed=S,m=M)", e);
        }
    }

    /** The text {@link #parse} reads back: {@code lognormal:p99=10}. */
    public String text() {
        return switch (kind) {
            case FIXED -> "fixed";
            case UNIFORM -> "uniform:x=" + num(a);
            case LOGNORMAL -> "lognormal:p99=" + num(a);
            case BIMODAL -> "bimodal:f=" + num(a) + ",m=" + num(b);
            case FAILING -> "failing:seed=" + num(a) + ",m=" + num(b);
        };
    }

    /** Whether request {@code id} is the one a {@code failing} distribution fails (answered 503). */
    public boolean fails(long id) {
        return kind == Kind.FAILING && id == (long) a;
    }

    /** Request {@code id}'s latency, in ms, for a nominal {@code nominalMs}. */
    public long latencyMs(long id, long nominalMs) {
        if (kind == Kind.FIXED || nominalMs == 0) return nominalMs;
        if (kind == Kind.FAILING) return fails(id) ? Math.min(MAX_MS, Math.round(nominalMs * b)) : nominalMs;
        double u = draw(id);
        double ms = switch (kind) {
            case FIXED, FAILING -> nominalMs;
            case UNIFORM -> {
                double x = Math.min(a, nominalMs);
                yield nominalMs - x + 2 * x * u;
            }
            case LOGNORMAL -> nominalMs * Math.exp(Math.log(a) / Z99 * normalQuantile(u));
            case BIMODAL -> u < a ? nominalMs * b : nominalMs;
        };
        return Math.min(MAX_MS, Math.max(0, Math.round(ms)));
    }

    /** Request {@code id}'s draw, in (0, 1). */
    static double draw(long id) {
        long z = id + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return ((z >>> 11) + 0.5) / (1L << 53);
    }

    /**
     * The standard normal's quantile at {@code p} in (0, 1): Peter Acklam's rational
     * approximation (relative error under 1.2e-9), which is all a latency in ms needs.
     */
    static double normalQuantile(double p) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) return -normalQuantile(1 - p);
        double q = p - 0.5, r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** The value of {@code key} among {@code args} ("f=0.1,m=10"), which may name only {@code known}. */
    private static double param(String args, String key, String... known) {
        for (String pair : args.split(",")) {
            String name = pair.split("=", 2)[0].trim();
            if (!name.isEmpty() && !java.util.List.of(known).contains(name)) throw new IllegalArgumentException("unknown parameter '" + name + "'");
        }
        for (String pair : args.split(",")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].trim().equals(key)) {
                try {
                    return Double.parseDouble(kv[1].trim().replace("ms", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + " must be a number, was '" + kv[1] + "'");
                }
            }
        }
        throw new IllegalArgumentException("needs " + key + "=...");
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
