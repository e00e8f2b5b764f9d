package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.TestbedClient;

import java.time.Duration;

/**
 * Scenario 6: for ids 1..N, fetch the profile over HTTP and the orders from the database at
 * the same time (each waits L; the profile, with a {@link Dist} other than fixed, that
 * distribution's draw for the id around L), combine them ({@link dev.asyncbench.core.io.Summaries}),
 * store the summary on the server; at most C ids in flight.
 */
public record AggregateSpec(TestbedClient http, OrdersRepository orders, int ids, Duration latency, int maxInFlight, Dist dist) {
    public static final int MAX_IDS = 1_000_000;

    public AggregateSpec {
        Check.notNull(http, "http");
        Check.notNull(orders, "orders");
        Check.notNull(dist, "dist");
        check(ids, latency, maxInFlight);
    }

    /** Every profile held exactly L. */
    public AggregateSpec(TestbedClient http, OrdersRepository orders, int ids, Duration latency, int maxInFlight) {
        this(http, orders, ids, latency, maxInFlight, Dist.FIXED);
    }

    /** The constructor's checks but the client's and the repository's, for a size read before any testbed is up. */
    public static void check(long ids, Duration latency, long maxInFlight) {
        Check.range(ids, "N (ids)", 1, MAX_IDS);
        Check.delay(latency, "L (latency)");
        Check.range(maxInFlight, "C (max in flight)", 1, FanOutSpec.MAX_IN_FLIGHT);
    }

    /** The same work with another latency: the reference's input, whose answers do not depend on it. */
    public AggregateSpec withLatency(Duration latency) {
        return new AggregateSpec(http, orders, ids, latency, maxInFlight, dist);
    }
}
