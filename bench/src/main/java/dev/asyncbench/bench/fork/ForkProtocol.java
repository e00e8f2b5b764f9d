package dev.asyncbench.bench.fork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the runner and the JVMs it starts exchange, in one place: each measured JMH fork,
 * each minimal program, the models probe and the class archive's training JVM.
 *
 * <ul>
 *   <li>Down to a JVM: only system properties, each a {@link Property}. The runner writes them
 *       with {@link Property#arg}; the JVM reads them with {@link Property#get} and its typed
 *       siblings. A run's size crosses as {@link Property#SIZE} in SPEC.md's letters (the
 *       JMH forks take theirs as {@code @Param}s, derived from the same size by
 *       {@code Benchmarks.Binding#params}).</li>
 *   <li>Up from a JVM: lines in the file {@link Property#REPORT} names, written by
 *       {@link ForkReport} and read by {@link ForkOutcome#read}: the typed outcome (failed or
 *       incorrect), notes, and the minimal programs' values, each labelled with a {@link Measure}.
 *       A JMH fork's own numbers come back as JMH results labelled the same way.</li>
 *   <li>The models probe's lines: {@link ModelsProbe.Model}.</li>
 * </ul>
 */
public final class ForkProtocol {

    private ForkProtocol() {
    }

    /** A system property the runner sets on a JVM it starts. */
    public enum Property {
        /** {@code http://127.0.0.1:PORT} of the HTTP testbed server. */
        SERVER("asyncbench.server"),
        /** The shared HTTP client's transport, {@code jdk} or {@code apache} (core reads it: {@code TestbedClient.PROPERTY}). */
        HTTP_CLIENT(dev.asyncbench.core.io.TestbedClient.PROPERTY),
        /** JDBC URL of the testbed database. */
        DB("asyncbench.db"),
        DB_USER("asyncbench.db.user"),
        DB_PASSWORD("asyncbench.db.password"),
        /** The file the JVM writes its report lines to (one per JVM). */
        REPORT("asyncbench.report"),
        /** {@code name=provider class,...}: how to create a model without instantiating the others. */
        MODELS("asyncbench.models"),
        /** The model a minimal program runs; the models the training JVM runs, comma-separated. */
        MODEL("asyncbench.model"),
        /** How many tasks the model lets wait at once (its traits' maxWaiting: the threads model's pool). */
        POOL("asyncbench.pool"),
        /** The size in SPEC.md's letters, {@code N=1000 L=1000ms} (a minimal program's). */
        SIZE("asyncbench.size"),
        /** Warm-up runs of a minimal program. */
        WARMUPS("asyncbench.warmups"),
        /** Measured runs of a minimal program. */
        MEASUREMENTS("asyncbench.measurements"),
        /** {@code true}: count JFR jdk.VirtualThreadPinned events (JMH forks). */
        PINNING("asyncbench.pinning"),
        /** {@code true}: a full GC before each run but the first, untimed. */
        GC_BETWEEN("asyncbench.gcBetweenIterations"),
        /** How long the setup runs the operation at zero latency before the iterations, in ms. */
        WARM_UP_MS("asyncbench.warmUpMs"),
        /** The most memory probes a JVM runs before it reports its last reading. */
        MEMORY_PROBES("asyncbench.memoryProbes"),
        /** The folder where the sequential reference's answers are kept for the run. */
        REFERENCES("asyncbench.references"),
        /** What the class archive's training JVM runs: {@code scenario-id:size;...}. */
        TRAINING("asyncbench.training"),
        /** The project's folder, which {@code ./suite} gives its own JVM: where the asyncio row's folder is. */
        ROOT("asyncbench.root");

        public final String key;

        Property(String key) {
            this.key = key;
        }

        /** The JVM argument that sets this property to {@code value}. */
        public String arg(Object value) {
            return "-D" + key + "=" + value;
        }

        /** This JVM's value, or null when the runner did not set it. */
        public String get() {
            String v = System.getProperty(key);
            return v == null || v.isEmpty() ? null : v;
        }

        /** This JVM's value; an exception saying what is missing when the runner did not set it. */
        public String required(String what) {
            String v = get();
            if (v == null) {
                throw new IllegalStateException("this JVM needs " + what + " in -D" + key
                        + "; run it through './suite run', which sets it for every JVM it starts");
            }
            return v;
        }

        public boolean flag() {
            return Boolean.parseBoolean(get());
        }

        public long number(long otherwise) {
            String v = get();
            return v == null ? otherwise : Long.parseLong(v);
        }
    }

    /** A figure a JVM measures and reports, by the label both ends use. */
    public enum Measure {
        CPU("asyncbench.cpu.ms"),
        ALLOC("asyncbench.alloc.bytes"),
        RSS_PEAK("asyncbench.rss.peak.mb"),
        THREADS_PEAK("asyncbench.threads.peak"),
        SERVER_PEAK("asyncbench.server.peak"),
        PINNED("asyncbench.pinned"),
        P50("asyncbench.latency.p50.ms"),
        P99("asyncbench.latency.p99.ms"),
        MAX("asyncbench.latency.max.ms"),
        RSS_PER_TASK("asyncbench.rss.per.task.bytes"),
        HEAP_PER_TASK("asyncbench.heap.per.task.bytes"),
        /** One measured run's time, in ms (minimal programs; a JMH fork's is its primary result). */
        TIME("asyncbench.time.ms"),
        /**
         * The JVM's first operation, in ms ("cold"): a JMH fork's setup's checked run of the model
         * ({@code ScenarioState.first}, reported by {@code ForkProbe} with the last measured
         * iteration), a minimal program's first run (a value line).
         */
        COLD("asyncbench.cold.ms"),
        /**
         * Time to quiescence, in ms: from an operation's start until the HTTP testbed has no
         * request in flight ({@code ScenarioState.awaitQuiet}), per measured iteration.
         */
        QUIET("asyncbench.quiet.ms"),
        /** Load's service time, from a request's start in a slot to its end: 99th percentile over the measured iterations, in ms. */
        SERVICE_P99("asyncbench.service.p99.ms");

        public final String label;

        Measure(String label) {
            this.label = label;
        }

        public static Measure byLabel(String label) {
            for (Measure m : values()) if (m.label.equals(label)) return m;
            return null;
        }
    }

    /** The kinds of line in a report file: the first word of each, tab-separated from the rest. */
    enum Line {
        /** {@code failed <reason>} */
        FAILED,
        /** {@code incorrect <expected> <actual>} */
        INCORRECT,
        /** {@code note <text>} */
        NOTE,
        /** {@code value <measure label> <number>} */
        VALUE;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        String write(String... fields) {
            List<String> all = new ArrayList<>(List.of(word()));
            for (String f : fields) all.add(ForkReport.oneLine(f).replace('\t', ' '));
            return String.join("\t", all);
        }

        /** The line's kind and fields, or null for a line of no known kind. */
        static Map.Entry<Line, List<String>> read(String line) {
            String[] f = line.split("\t", -1);
            for (Line l : values()) {
                if (l.word().equals(f[0])) return Map.entry(l, List.of(f).subList(1, f.length));
            }
            return null;
        }
    }

    /** The {@code -D} arguments for these properties, in order; null values are left out. */
    public static List<String> args(Map<Property, ?> values) {
        List<String> args = new ArrayList<>();
        values.forEach((p, v) -> {
            if (v != null) args.add(p.arg(v));
        });
        return args;
    }

    /** {@code name=class,...} as a map, in order (the value of {@link Property#MODELS}). */
    static Map<String, String> pairs(String value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null) return map;
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    /** The value of {@link Property#MODELS} for these providers. */
    public static String pairs(Map<String, String> providers) {
        return String.join(",", providers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
