package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.OrdersRepository;

import java.time.Duration;

/**
 * Scenario 5: Q queries through the repository's pool (its size is P); query i reads the
 * orders of customer {@link #customerFor(int)} after waiting L server-side.
 */
public record DbSpec(OrdersRepository orders, int queries, Duration latency) {
    public static final int MAX_QUERIES = 1_000_000;

    public DbSpec {
        Check.notNull(orders, "orders");
        check(queries, latency);
    }

    /** The constructor's checks but the repository's, for a size read before any testbed is up. */
    public static void check(long queries, Duration latency) {
        Check.range(queries, "Q (queries)", 1, MAX_QUERIES);
        Check.delay(latency, "L (latency)");
    }

    public int customerFor(int query) {
        return query % orders.customers() + 1;
    }
}
