package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Which JMH benchmark measures each scenario, and which {@code @Param} holds each letter of its size. */
public final class Benchmarks {

    /** One scenario's benchmark method and its parameters by SPEC.md letter. */
    public record Binding(BenchScenario scenario, Class<? extends ScenarioState> type, String method, Map<String, String> params) {
        /** JMH's include pattern selecting exactly this method. */
        public String include() {
            return "^" + Pattern.quote(type.getName() + "." + method) + "$";
        }

        /** JMH's parameters for this size: each {@code @Param} by name, with the size's value for its letter. */
        public Map<String, String> params(Size size) {
            Map<String, String> values = new TreeMap<>();
            params.forEach((letter, param) -> values.put(param, Long.toString(size.get(letter))));
            if (size.hasDist()) values.put("dist", size.dist());   // the benchmarks whose scenario takes one (BenchScenario.check)
            return values;
        }
    }

    private Benchmarks() {
    }

    /**
     * The name {@code ScenarioState} gives this size's reference file (without {@code .txt}): the
     * class, then every {@code @Param} but {@code model}, sorted as JMH sorts them, with this size's
     * value or the parameter's default. The asyncio row's harness reads the file by this name.
     */
    public static String referenceKey(BenchScenario s, Size size) {
        Binding b = of(s);
        Map<String, String> values = new TreeMap<>();
        for (Class<?> t = b.type(); t != null; t = t.getSuperclass()) {
            for (java.lang.reflect.Field f : t.getDeclaredFields()) {
                org.openjdk.jmh.annotations.Param p = f.getAnnotation(org.openjdk.jmh.annotations.Param.class);
                if (p != null && !f.getName().equals("model") && p.value().length > 0) values.putIfAbsent(f.getName(), p.value()[0]);
            }
        }
        values.putAll(b.params(size));
        StringBuilder key = new StringBuilder(b.type().getSimpleName());
        values.forEach((param, value) -> key.append('-').append(param).append('=').append(value));
        return key.toString().replaceAll("[^A-Za-z0-9=._-]", "_");
    }

    public static Binding of(BenchScenario s) {
        return switch (s) {
            case HELLO -> new Binding(s, HelloBenchmark.class, "hello", Map.of("L", "pauseMs"));
            case GATHER -> new Binding(s, GatherBenchmark.class, "gather", Map.of("N", "tasks", "U", "unitMs"));
            case GATHER_MASS -> new Binding(s, MassGatherBenchmark.class, "gatherMany", Map.of("N", "tasks", "L", "delayMs"));
            case HTTP_FAN_OUT -> new Binding(s, HttpFanOutBenchmark.class, "httpFanOut",
                    Map.of("K", "requests", "L", "latencyMs", "B", "bodyBytes", "C", "maxInFlight"));
            case FILES -> new Binding(s, FilesBenchmark.class, "files", Map.of("F", "files", "S", "fileBytes", "C", "maxConcurrency"));
            case DB -> new Binding(s, DbBenchmark.class, "db", Map.of("Q", "queries", "L", "latencyMs", "P", "poolSize"));
            case AGGREGATE -> new Binding(s, AggregateBenchmark.class, "aggregate",
                    Map.of("N", "ids", "L", "latencyMs", "C", "maxInFlight", "P", "poolSize"));
            case TIMEOUT -> new Binding(s, TimeoutBenchmark.class, "fetch", Map.of("L", "latencyMs", "D", "deadlineMs"));
            case FAIL_FAST -> new Binding(s, FailFastBenchmark.class, "failFast", Map.of("N", "tasks", "U", "unitMs"));
            case COLLECT_ALL -> new Binding(s, FailFastBenchmark.class, "collectAll", Map.of("N", "tasks", "U", "unitMs"));
            case RACE -> new Binding(s, RaceBenchmark.class, "race", Map.of("R", "replicas", "W", "winnerMs"));
            case LOAD -> new Binding(s, LoadBenchmark.class, "load",
                    Map.of("R", "rate", "T", "durationMs", "L", "latencyMs", "C", "maxInFlight", "P", "poolSize"));
            case RETRY -> new Binding(s, RetryBenchmark.class, "retry",
                    Map.of("K", "requests", "L", "latencyMs", "C", "maxInFlight", "F", "faultPercent", "A", "maxAttempts", "T", "attemptTimeoutMs"));
        };
    }
}
