package dev.asyncbench.bench.results;

import dev.asyncbench.core.Traits;

import java.util.Locale;

/**
 * Where a model's own pool, not its way of waiting, sets a size's time: the model declares how
 * many tasks can wait at once ({@code Traits.maxWaiting}: the threads model's pool stops growing
 * at its ceiling), and the size asks more to wait at once than that. The row's note then says
 * so, starting with {@link #PREFIX}, and the report's readings quote it.
 */
public final class PoolLimit {

    /** How the note starts; the report finds it by this. */
    public static final String PREFIX = "pool-bound: ";

    private PoolLimit() {
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** How many things this size lets wait at once, with the scenario's own limits (C, P) and no model's. */
    public static long wanted(BenchScenario s, Size z) {
        return switch (s) {
            case GATHER, COLLECT_ALL, FAIL_FAST, GATHER_MASS -> z.get("N");
            case HTTP_FAN_OUT, RETRY -> Math.min(z.get("K"), z.get("C"));
            case FILES -> Math.min(z.get("F"), z.get("C"));
            case DB -> Math.min(z.get("Q"), z.get("P"));
            case AGGREGATE -> Math.min(z.get("N"), z.get("C"));
            case LOAD -> z.get("C");
            case HELLO, TIMEOUT -> 1;
            case RACE -> z.get("R");
        };
    }

    /** The note for a row of {@code traits}' model at this size, or null when its pool is not the limit. */
    public static String note(BenchScenario s, Size z, Traits traits) {
        long wanted = wanted(s, z);
        if (!traits.concurrent() || traits.maxWaiting() >= wanted) return null;
        long w = traits.maxWaiting();
        return PREFIX + "at most " + count(w) + " of the " + count(wanted) + " tasks this size lets wait at once can wait in the model's "
                + "pool (the ceiling it declares), so the pool, not the model's way of waiting, sets this time: about "
                + count((wanted + w - 1) / w) + " rounds where the ideal has one";
    }
}
