package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.TestbedClient;

import java.time.Duration;

/** Scenario 7: one {@code /bytes} call held server-side for {@code serverLatency}, allowed {@code deadline}. */
public record TimeoutSpec(TestbedClient http, Duration serverLatency, Duration deadline) {
    public TimeoutSpec {
        Check.notNull(http, "http");
        check(serverLatency, deadline);
    }

    /** The constructor's checks but the client's, for a size read before any testbed is up. */
    public static void check(Duration serverLatency, Duration deadline) {
        Check.delay(serverLatency, "server latency");
        Check.deadline(deadline, "deadline");
    }
}
