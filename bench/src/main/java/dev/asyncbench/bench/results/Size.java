package dev.asyncbench.bench.results;

import dev.asyncbench.core.spec.Dist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A scenario's inputs, in SPEC.md's letters: {@code N=10000 L=100ms}. The first parameter is
 * the scenario's main size (its {@link #axis()}, the x of a chart); durations are in ms.
 *
 * @param params letter to value, in display order; values are plain integers (durations in
 *               ms, sizes in bytes or counts)
 * @param dist   how each request's latency is drawn around L ({@code Dist}'s text:
 *               {@code fixed}, the default and not printed, or e.g. {@code lognormal:p99=10},
 *               printed last as {@code dist=lognormal:p99=10})
 */
public record Size(Map<String, Long> params, String dist) {

    /** Every latency exactly L. */
    public static final String FIXED = "fixed";

    /** Parameters measured in milliseconds: printed with "ms". */
    private static final Set<String> MILLIS = Set.of("L", "D", "W", "U");
    /** Parameters measured in bytes: printed with a binary unit when round. */
    private static final Set<String> BYTES = Set.of("B", "S");

    public Size {
        Objects.requireNonNull(params, "params");
        if (params.isEmpty()) throw new IllegalArgumentException("a size has at least one parameter");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        dist = dist == null ? FIXED : Dist.parse(dist).text();
    }

    /** A size whose latencies are all exactly L. */
    public Size(Map<String, Long> params) {
        this(params, FIXED);
    }

    /** Whether latencies are drawn from a distribution other than fixed. */
    public boolean hasDist() {
        return !dist.equals(FIXED);
    }

    /** This size with latencies drawn from {@code dist}. */
    public Size withDist(String dist) {
        return new Size(params, dist);
    }

    /** Pairs of letter and value: {@code Size.of("N", 1000, "L", 100)}. */
    public static Size of(Object... lettersAndValues) {
        if (lettersAndValues.length % 2 != 0) throw new IllegalArgumentException("letters and values come in pairs");
        Map<String, Long> p = new LinkedHashMap<>();
        for (int i = 0; i < lettersAndValues.length; i += 2) {
            p.put((String) lettersAndValues[i], ((Number) lettersAndValues[i + 1]).longValue());
        }
        return new Size(p);
    }

    /** The main size's letter: {@code N}, {@code K}, {@code Q}, ... */
    public String axis() {
        return params.keySet().iterator().next();
    }

    /** The main size's value. */
    public long x() {
        return params.values().iterator().next();
    }

    public long get(String letter) {
        Long v = params.get(letter);
        if (v == null) throw new IllegalArgumentException("size " + label() + " has no " + letter);
        return v;
    }

    /** {@code N=10000 L=100ms}: the form {@link #parse} reads back. */
    public String label() {
        StringBuilder out = new StringBuilder();
        for (var e : params.entrySet()) {
            if (!out.isEmpty()) out.append(' ');
            out.append(e.getKey()).append('=').append(format(e.getKey(), e.getValue()));
        }
        if (hasDist()) out.append(" dist=").append(dist);
        return out.toString();
    }

    private static String format(String letter, long value) {
        if (MILLIS.contains(letter)) return value + "ms";
        if (BYTES.contains(letter)) {
            if (value >= 1 << 20 && value % (1 << 20) == 0) return (value >> 20) + "MiB";
            if (value >= 1 << 10 && value % (1 << 10) == 0) return (value >> 10) + "KiB";
        }
        return Long.toString(value);
    }

    /**
     * Reads {@code N=10000 L=100ms} (also with commas), with {@code dist=D} anywhere for a latency
     * distribution other than fixed ({@code dist=bimodal:f=0.1,m=10}); values take {@code ms}/{@code s}
     * (durations), {@code KiB}/{@code MiB} (bytes) and {@code k}/{@code M} (thousands, millions)
     * suffixes and {@code _} separators.
     */
    public static Size parse(String text) {
        Objects.requireNonNull(text, "size");
        Map<String, Long> p = new LinkedHashMap<>();
        String dist = FIXED;
        for (String part : text.trim().split("\\s+|,(?=\\s*(?:[A-Z]|dist)=)|,(?=\\s*(?:,|$))")) {   // a comma inside dist=bimodal:f=0.1,m=10 stays
            if (part.isEmpty()) continue;
            if (part.startsWith("dist=")) {
                if (!dist.equals(FIXED)) throw new IllegalArgumentException("malformed size '" + text + "': dist repeats");
                try {
                    dist = Dist.parse(part.substring("dist=".length())).text();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("malformed size '" + text + "': " + e.getMessage(), e);
                }
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("malformed size '" + text + "': expected LETTER=VALUE pairs such as N=10000 L=100ms");
            }
            String letter = part.substring(0, eq);
            if (!letter.matches("[A-Z]")) {
                throw new IllegalArgumentException("malformed size '" + text + "': '" + letter + "' is not one of SPEC.md's letters (one capital: N, K, L, C, ...)");
            }
            if (p.put(letter, value(part.substring(eq + 1), text)) != null) {
                throw new IllegalArgumentException("malformed size '" + text + "': " + letter + " repeats");
            }
        }
        if (p.isEmpty()) throw new IllegalArgumentException("malformed size '" + text + "': expected LETTER=VALUE pairs such as N=10000 L=100ms");
        return new Size(p, dist);
    }

    private static long value(String v, String whole) {
        String s = v.replace("_", "");
        long mult = 1;
        String[][] suffixes = {{"ms", "1"}, {"s", "1000"}, {"KiB", "1024"}, {"MiB", "1048576"}, {"k", "1000"}, {"M", "1000000"}};
        for (String[] suffix : suffixes) {
            if (s.endsWith(suffix[0])) {
                s = s.substring(0, s.length() - suffix[0].length());
                mult = Long.parseLong(suffix[1]);
                break;
            }
        }
        try {
            long n = Long.parseLong(s);
            if (n < 0) throw new NumberFormatException();
            return Math.multiplyExact(n, mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("malformed size '" + whole + "': '" + v
                    + "' is not a whole number >= 0 (suffixes: ms, s, KiB, MiB, k, M)");
        }
    }

    @Override
    public String toString() {
        return label();
    }
}
