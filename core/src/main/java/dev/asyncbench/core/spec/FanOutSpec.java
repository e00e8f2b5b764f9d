package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.TestbedClient;

import java.time.Duration;

/**
 * Scenario 3: K requests to the testbed ({@code /bytes}, request i with seed i), each held
 * server-side for L (or, with a {@link Dist} other than fixed, for that distribution's draw for
 * request i around L) and answered with B bytes; at most C in flight.
 */
public record FanOutSpec(TestbedClient http, int requests, Duration latency, int bodyBytes, int maxInFlight, Dist dist) {
    public static final int MAX_REQUESTS = 1_000_000;
    public static final int MAX_BODY = 16 * 1024 * 1024;
    public static final int MAX_IN_FLIGHT = 100_000;

    public FanOutSpec {
        Check.notNull(http, "http");
        Check.notNull(dist, "dist");
        check(requests, latency, bodyBytes, maxInFlight);
    }

    /** Every request held exactly L. */
    public FanOutSpec(TestbedClient http, int requests, Duration latency, int bodyBytes, int maxInFlight) {
        this(http, requests, latency, bodyBytes, maxInFlight, Dist.FIXED);
    }

    /** The constructor's checks but the client's, for a size read before any testbed is up. */
    public static void check(long requests, Duration latency, long bodyBytes, long maxInFlight) {
        Check.range(requests, "K (requests)", 1, MAX_REQUESTS);
        Check.delay(latency, "L (latency)");
        Check.range(bodyBytes, "B (body bytes)", 0, MAX_BODY);
        Check.range(maxInFlight, "C (max in flight)", 1, MAX_IN_FLIGHT);
    }
}
