package dev.asyncbench.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The eleven scenarios of SPEC.md, with their stable ids. */
public enum Scenario {
    HELLO("hello", "the post's first example: Hello, wait, world"),
    GATHER("gather", "named tasks with their own delays, all started at once; and N identical ones"),
    HTTP_FAN_OUT("http-fan-out", "K HTTP fetches, at most C in flight, checksum in request order"),
    FILES("files", "read, digest and durably write F files, at most C at once"),
    DB("db", "Q queries through a pool of P, each waiting server-side"),
    AGGREGATE("aggregate", "per id: profile over HTTP and orders from the database at once, combine, store"),
    TIMEOUT("timeout", "a call that outlives its deadline fails in time and is abandoned"),
    FAIL_FAST("fail-fast", "gather where one task fails: fail fast and cancel siblings, or collect all"),
    RACE("race", "the same request to replicas: first success wins, losers cancelled"),
    RETRY("retry", "K HTTP requests whose attempts fail by a seeded plan, each retried with backoff, at most C in flight"),
    LOAD("load", "requests arriving on their own clock at rate R for T, at most C served at once: latency from intended start");

    private final String id;
    private final String summary;

    Scenario(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    public static Scenario byId(String id) {
        for (Scenario s : values()) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("unknown scenario '" + id + "'; accepted: "
                + Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", ")));
    }
}
