package dev.asyncbench.core.spec;

import java.time.Duration;

/** One replica of scenario 9: answers "replica NAME" after {@code latency}, or fails (HTTP 503). */
public record Replica(String name, Duration latency, boolean fails) {
    public Replica {
        Check.name(name, "replica name");
        Check.delay(latency, "latency of replica " + name);
    }

    public static Replica of(String name, Duration latency) {
        return new Replica(name, latency, false);
    }

    public static Replica failing(String name, Duration latency) {
        return new Replica(name, latency, true);
    }
}
