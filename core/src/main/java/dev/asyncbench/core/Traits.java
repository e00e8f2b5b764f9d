package dev.asyncbench.core;

/**
 * What a model promises the conformance kit (in the manner of the JSR-166 TCK's
 * {@code CollectionImplementation}): the kit derives each scenario's ideal time from it
 * instead of scattering skips through the tests.
 *
 * @param concurrent     false only for the sequential reference, which does one thing at a time
 * @param maxWaiting     how many tasks can wait at once (a bounded pool's size), or
 *                       {@link Integer#MAX_VALUE} when only the scenario's own C limits it
 * @param maxMassTasks   the largest N the mass gather is expected to reach on a 2-core, 24 GiB
 *                       machine, or {@link Integer#MAX_VALUE}; above it the model must fail
 *                       with a clear exception, never hang
 */
public record Traits(boolean concurrent, int maxWaiting, int maxMassTasks) {

    public static final Traits CONCURRENT = new Traits(true, Integer.MAX_VALUE, Integer.MAX_VALUE);
    public static final Traits SEQUENTIAL = new Traits(false, 1, Integer.MAX_VALUE);

    public Traits {
        if (maxWaiting < 1) throw new IllegalArgumentException("maxWaiting must be >= 1, was " + maxWaiting);
        if (maxMassTasks < 1) throw new IllegalArgumentException("maxMassTasks must be >= 1, was " + maxMassTasks);
    }

    public static Traits boundedPool(int threads) {
        return new Traits(true, threads, Integer.MAX_VALUE);
    }
}
