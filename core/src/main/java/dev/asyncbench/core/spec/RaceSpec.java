package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.TestbedClient;

import java.util.List;

/** Scenario 9: the same request to every replica at once; the first success wins. */
public record RaceSpec(TestbedClient http, List<Replica> replicas) {
    public static final int MAX_REPLICAS = 64;

    public RaceSpec {
        Check.notNull(http, "http");
        replicas = List.copyOf(Check.notEmpty(replicas, "replicas"));
        checkCount(replicas.size());
    }

    /** The constructor's check on the number of replicas, for a count read before the replicas are made. */
    public static void checkCount(long replicas) {
        Check.range(replicas, "number of replicas", 2, MAX_REPLICAS);
    }

    public static RaceSpec of(TestbedClient http, Replica... replicas) {
        return new RaceSpec(http, List.of(replicas));
    }
}
