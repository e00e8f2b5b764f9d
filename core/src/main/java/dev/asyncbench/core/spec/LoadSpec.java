package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.TestbedClient;

import java.time.Duration;

/**
 * Scenario 11: open-loop load. Requests arrive at {@code rate} per second for {@code duration},
 * on one arrival clock fixed in advance ({@link #arrivals()}: a seeded Poisson process, the same
 * for every model and run, whatever the completions do); request i is aggregate's work for id
 * i + 1 (its profile over HTTP and its orders from the database at once, each waiting L,
 * combined, stored). At most C requests are in service at once; the others wait their turn in
 * arrival order (every model queues; none sheds).
 */
public record LoadSpec(TestbedClient http, OrdersRepository orders, int rate, Duration duration, Duration latency, int maxInFlight) {
    public static final int MAX_RATE = 100_000;
    /** The most requests one operation may have: rate x duration, about. */
    public static final int MAX_REQUESTS = 1_000_000;

    public LoadSpec {
        Check.notNull(http, "http");
        Check.notNull(orders, "orders");
        check(rate, duration, latency, maxInFlight);
    }

    /** The constructor's checks but the client's and the repository's, for a size read before any testbed is up. */
    public static void check(long rate, Duration duration, Duration latency, long maxInFlight) {
        Check.range(rate, "R (arrivals per second)", 1, MAX_RATE);
        Check.deadline(duration, "T (duration)");
        Check.range((long) Math.ceil(rate * duration.toNanos() / 1e9), "R x T (requests)", 1, MAX_REQUESTS);
        Check.delay(latency, "L (latency)");
        Check.range(maxInFlight, "C (max in service)", 1, FanOutSpec.MAX_IN_FLIGHT);
    }

    /** Request i's intended start, in ns after the operation's start: fixed in advance ({@link Arrivals}). */
    public long[] arrivals() {
        return Arrivals.poisson(rate, duration);
    }

    /** The work of every request, as aggregate's spec: ids 1..N, L, C. */
    public AggregateSpec work(int requests) {
        return new AggregateSpec(http, orders, requests, latency, maxInFlight);
    }
}
