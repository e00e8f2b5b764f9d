package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.BenchScenario;

import java.util.List;

/**
 * What the report says about a scenario beyond its numbers, keyed by {@link BenchScenario}:
 * what its main size counts, whether its work is that many equal waits, what else keeps a fork
 * busy in it, and which {@code TaskScenario} methods carry it. Every switch is exhaustive, so a
 * new scenario cannot be forgotten here.
 */
final class ScenarioTerms {
    private ScenarioTerms() {
    }

    /** What one unit of the main size is, in the plural: "tasks", "requests"; for a duration, what it times. */
    static String counts(BenchScenario s) {
        return switch (s) {
            case GATHER, GATHER_MASS, FAIL_FAST, COLLECT_ALL -> "tasks";
            case AGGREGATE -> "ids";
            case HTTP_FAN_OUT, RETRY -> "requests";
            case FILES -> "files";
            case DB -> "queries";
            case RACE -> "replicas";
            case LOAD -> "arrivals per second";
            case HELLO -> "pause, ms";
            case TIMEOUT -> "server latency, ms";
        };
    }

    /**
     * True when the work is x equal waits of L each, limited only by the model and the
     * scenario's C or P, so that x * L / time reads as "how many waited at once".
     */
    static boolean equalWaits(BenchScenario s) {
        return switch (s) {
            case GATHER_MASS, HTTP_FAN_OUT, DB -> true;
            case HELLO, GATHER, FILES, AGGREGATE, TIMEOUT, FAIL_FAST, COLLECT_ALL, RACE, RETRY, LOAD -> false;
        };
    }

    /** What keeps a fork's CPU busy around the waits, besides the model. */
    static String workAroundWaits(BenchScenario s) {
        if (s.needsServer()) return "the HTTP client, JIT, GC; the server shares these cores";
        if (s.needsDatabase()) return "the JDBC driver, JIT, GC; the database shares these cores";
        return "starting the tasks, JIT, GC";
    }

    /**
     * What the chart of CPU per HTTP request counts, in one sentence: the whole fork's CPU, over
     * the requests {@link BenchScenario#httpRequests} counts.
     */
    static String cpuPerRequest(BenchScenario s) {
        String requests = switch (s) {
            case HTTP_FAN_OUT -> "its K HTTP requests";
            case AGGREGATE -> "its 2N HTTP requests (each id's profile and store; the client side of its database queries is in the CPU too)";
            case RETRY -> "its attempts (every request's, by the fault plan: K and then some)";
            case LOAD -> "its 2 x R x T HTTP requests (each arrival's profile and store; the client side of its database queries is in the CPU too)";
            case HELLO, GATHER, GATHER_MASS, FILES, DB, TIMEOUT, FAIL_FAST, COLLECT_ALL, RACE -> "its HTTP requests";
        };
        return "CPU per request is the whole fork process's CPU time per operation (the model, the HTTP client, the JMH harness, "
                + "JIT and GC; not the server's, which runs in its own JVM) over " + requests + ".";
    }

    /** The limit on concurrency the scenario's sizes set, if any: "C" (in flight) or "P" (a pool). */
    static String limitLetter(BenchScenario s) {
        return s.letters().contains("C") ? "C" : s.letters().contains("P") ? "P" : "";
    }

    /** The {@code TaskScenario} methods (and their names in every model's file) that carry the scenario. */
    static List<String> methods(BenchScenario s) {
        return switch (s) {
            case HELLO -> List.of("hello");
            case GATHER, FAIL_FAST -> List.of("gather");
            case GATHER_MASS -> List.of("gatherMany");
            case COLLECT_ALL -> List.of("gatherAll");
            case HTTP_FAN_OUT -> List.of("httpFanOut");
            case FILES -> List.of("files");
            case DB -> List.of("db");
            case AGGREGATE -> List.of("aggregate");
            case TIMEOUT -> List.of("fetchWithTimeout");
            case RACE -> List.of("race");
            case RETRY -> List.of("retry");
            case LOAD -> List.of("load");
        };
    }
}
