package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.TestbedClient;

import java.util.List;

/** Scenario 9: the same request to every replica at once; the first success wins. */
public record RaceSpec(TestbedClient http, List<Replica> replicas) {
    public RaceSpec {
        Check.notNull(http, "http");
        replicas = List.copyOf(Check.notEmpty(replicas, "replicas"));
        Check.range(replicas.size(), "number of replicas", 2, 64);
    }

    public static RaceSpec of(TestbedClient http, Replica... replicas) {
        return new RaceSpec(http, List.of(replicas));
    }
}
