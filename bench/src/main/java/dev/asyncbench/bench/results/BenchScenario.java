package dev.asyncbench.bench.results;

import dev.asyncbench.core.Scenario;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.Arrivals;
import dev.asyncbench.core.spec.Check;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.LoadSpec;
import dev.asyncbench.core.spec.Makespan;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;
import dev.asyncbench.core.spec.RetrySpec;
import dev.asyncbench.core.spec.Task;
import dev.asyncbench.core.spec.TimeoutSpec;
import dev.asyncbench.core.testbed.FileTrees;
import dev.asyncbench.core.testbed.TestbedDatabase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the bench measures: SPEC.md's scenarios, with gather split into its named form (the
 * post's example) and its mass form, and fail-fast into its two modes. Each knows the letters
 * of its sizes and its ideal time (SPEC.md's lower bound for a model that honours the limits).
 */
public enum BenchScenario {
    HELLO("hello", Scenario.HELLO, "Hello, wait L, world", List.of("L")),
    GATHER("gather", Scenario.GATHER, "N named tasks of U, 2U, 3U, all at once (the post: N=3 U=1000ms)", List.of("N", "U")),
    GATHER_MASS("gather-mass", Scenario.GATHER, "N identical tasks, each waits L", List.of("N", "L")),
    HTTP_FAN_OUT("http-fan-out", Scenario.HTTP_FAN_OUT, "K fetches of B bytes held L by the server, at most C in flight", List.of("K", "L", "B", "C")),
    FILES("files", Scenario.FILES, "F files of S bytes: read, SHA-256, write forced to disk, at most C at once", List.of("F", "S", "C")),
    DB("db", Scenario.DB, "Q queries each waiting L server-side, through a pool of P", List.of("Q", "L", "P")),
    AGGREGATE("aggregate", Scenario.AGGREGATE, "N ids: profile (HTTP) and orders (DB) at once, each L; combine; store; C in flight, pool P", List.of("N", "L", "C", "P")),
    TIMEOUT("timeout", Scenario.TIMEOUT, "one call held L by the server, deadline D", List.of("L", "D")),
    FAIL_FAST("fail-fast", Scenario.FAIL_FAST, "gather of N tasks (U, 2U, 3U, ...) where the second fails after 2U: fail fast, cancel the rest", List.of("N", "U")),
    COLLECT_ALL("collect-all", Scenario.FAIL_FAST, "the same tasks, collect every outcome (gatherAll)", List.of("N", "U")),
    RACE("race", Scenario.RACE, "R replicas: the first fails after W/2, the second answers after W, the others later", List.of("R", "W")),
    RETRY("retry", Scenario.RETRY, "K requests held L, F% of attempts failing (503, dropped, stall), each retried up to A attempts of T ms, "
            + "backoff 10 ms doubling to 160 ms with jitter, at most C in flight", List.of("K", "L", "C", "F", "A", "T")),
    LOAD("load", Scenario.LOAD, "requests arriving at R per second for T ms (Poisson, fixed in advance), each aggregate's work (profile and "
            + "orders at once, L each, pool P), at most C served at once, the rest queued; latency from intended start", List.of("R", "T", "L", "C", "P"));

    /**
     * Load's latency objective: a model's knee is the highest offered rate R whose p99 latency,
     * from intended start, stays within this many times L.
     */
    public static final int LOAD_OBJECTIVE_TIMES_L = 5;

    /** Retry's fixed inputs: body bytes, and the backoff and its cap in ms. */
    public static final int RETRY_BODY = 1024;
    public static final long RETRY_BACKOFF_MS = 10;
    public static final long RETRY_MAX_BACKOFF_MS = 160;

    private final String id;
    private final Scenario spec;
    private final String summary;
    private final List<String> letters;

    BenchScenario(String id, Scenario spec, String summary, List<String> letters) {
        this.id = id;
        this.spec = spec;
        this.summary = summary;
        this.letters = letters;
    }

    public String id() {
        return id;
    }

    /** The SPEC.md scenario this measures. */
    public Scenario spec() {
        return spec;
    }

    public String summary() {
        return summary;
    }

    /** The letters a size of this scenario has, main size first. */
    public List<String> letters() {
        return letters;
    }

    /** True when it needs the HTTP testbed server. */
    public boolean needsServer() {
        return this == HTTP_FAN_OUT || this == AGGREGATE || this == TIMEOUT || this == RACE || this == RETRY || this == LOAD;
    }

    /** True when it needs the testbed database. */
    public boolean needsDatabase() {
        return this == DB || this == AGGREGATE || this == LOAD;
    }

    /**
     * True when one operation makes so many HTTP requests that a cold JIT, not the model, would
     * dominate its time: the fork first runs it at zero latency for the preset's warm-up time.
     */
    public boolean warmsUp() {
        return this == HTTP_FAN_OUT || this == AGGREGATE;
    }

    /**
     * True when one operation at this size leaves so much behind (100,000 finished tasks or more)
     * that collecting it during the next operation, while that one's tasks wait, would be
     * measured too: a full GC runs between iterations, in the fork and in the minimal programs.
     */
    public boolean collectsBetweenIterations(Size size) {
        return this == GATHER_MASS && size.get("N") >= GC_BETWEEN_MIN_TASKS;
    }

    /** From this N on, gather-mass collects between iterations ({@link #collectsBetweenIterations}). */
    public static final long GC_BETWEEN_MIN_TASKS = 100_000;

    /**
     * SPEC.md's lower bound in ms for this size: what a model that overlaps every wait the
     * spec allows would take, with no overhead. NaN where the work is not a wait (files).
     */
    public double idealMs(Size size) {
        return switch (this) {
            case HELLO -> size.get("L");
            case GATHER, COLLECT_ALL -> Math.min(size.get("N"), 3) * size.get("U");
            case FAIL_FAST -> Math.min(size.get("N"), 2) * size.get("U"); // the second task fails after its 2U
            case GATHER_MASS -> size.get("L");
            case HTTP_FAN_OUT -> size.hasDist()
                    ? Makespan.greedy(Dist.parse(size.dist()), (int) size.get("K"), size.get("L"), (int) size.get("C"))
                    : ceilDiv(size.get("K"), size.get("C")) * size.get("L");
            case FILES -> Double.NaN;
            case DB -> ceilDiv(size.get("Q"), size.get("P")) * size.get("L");
            case AGGREGATE -> size.hasDist() ? aggregateTail(size)
                    : Math.max(ceilDiv(size.get("N"), size.get("C")), ceilDiv(size.get("N"), size.get("P"))) * size.get("L");
            case TIMEOUT -> Math.min(size.get("L"), size.get("D"));
            case RACE -> size.get("W");
            case RETRY -> Makespan.greedy(ScenarioPlans.retryPlan(size).chainsMs((int) size.get("K")), (int) size.get("C"));
            case LOAD -> ScenarioPlans.loadMakespanMs(size, Math.min(size.get("C"), size.get("P")));
        };
    }

    /**
     * Aggregate with drawn profile latencies: id i waits the longer of its profile's draw and
     * the orders' L, C ids at once (the greedy makespan), and no faster than the pool of P lets
     * the queries through.
     */
    private static double aggregateTail(Size size) {
        int n = (int) size.get("N");
        long l = size.get("L");
        Dist dist = Dist.parse(size.dist());
        long[] waits = new long[n];
        for (int i = 0; i < n; i++) waits[i] = Math.max(dist.latencyMs(i + 1, l), l);   // id i + 1's profile, or its orders
        return Math.max(Makespan.greedy(waits, (int) size.get("C")), ceilDiv(n, size.get("P")) * l);
    }

    /**
     * How many HTTP requests one operation makes, by SPEC.md, where they are the work: K in
     * http-fan-out; 2N in aggregate (each id's profile GET and its store POST; its database
     * queries are not HTTP). NaN elsewhere: timeout's one request and race's R replicas are not
     * a volume of requests.
     */
    public double httpRequests(Size size) {
        return switch (this) {
            case HTTP_FAN_OUT -> size.get("K");
            case AGGREGATE -> 2.0 * size.get("N");
            case RETRY -> ScenarioPlans.retryAttempts(size);
            case LOAD -> 2.0 * Arrivals.poisson((int) size.get("R"), ms(size.get("T"))).length;
            default -> Double.NaN;
        };
    }

    /**
     * The size with exactly this scenario's letters, in its order, and values its fork accepts;
     * else an exception saying which letters it takes, or which value is out of range in the
     * words of the check that would reject it in the fork ({@link #checkValues}).
     */
    public Size check(Size size) {
        if (!size.params().keySet().equals(new HashSet<>(letters))) {
            throw new IllegalArgumentException("size '" + size.label() + "' does not fit scenario " + id
                    + ": it takes " + String.join(" ", letters.stream().map(l -> l + "=...").toList()));
        }
        if (size.hasDist() && this != HTTP_FAN_OUT && this != AGGREGATE) {
            throw new IllegalArgumentException("size '" + size.label() + "' of " + id + ": dist= applies to " + HTTP_FAN_OUT.id
                    + " and " + AGGREGATE.id + " only");
        }
        var ordered = new LinkedHashMap<String, Long>();
        for (String l : letters) ordered.put(l, size.get(l));
        Size checked = new Size(ordered, size.dist());
        try {
            checkValues(checked);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("size '" + size.label() + "' of " + id + ": " + e.getMessage(), e);
        }
        return checked;
    }

    /**
     * The one place that maps a size to the inputs its fork builds (the spec records, the file
     * tree, the pool; see the benchmarks in {@code jmh/}) and runs their own checks on them: the
     * records' static checks where the record needs testbed objects, the records themselves
     * where it does not (gather's tasks, race's replicas).
     */
    private void checkValues(Size size) {
        switch (this) {
            case HELLO -> Check.delay(ms(size.get("L")), "L (pause)");
            case GATHER, FAIL_FAST, COLLECT_ALL -> {
                GatherSpec.checkCount(size.get("N"));
                gatherTasks((int) Math.min(size.get("N"), 3), size.get("U"));
            }
            case GATHER_MASS -> MassGatherSpec.check(size.get("N"), ms(size.get("L")));
            case HTTP_FAN_OUT -> FanOutSpec.check(size.get("K"), ms(size.get("L")), size.get("B"), size.get("C"));
            case FILES -> {
                FileTrees.check(size.get("F"), size.get("S"));
                FilesSpec.checkConcurrency(size.get("C"));
            }
            case DB -> {
                DbSpec.check(size.get("Q"), ms(size.get("L")));
                TestbedDatabase.checkPoolSize(size.get("P"));
            }
            case AGGREGATE -> {
                AggregateSpec.check(size.get("N"), ms(size.get("L")), size.get("C"));
                TestbedDatabase.checkPoolSize(size.get("P"));
            }
            case TIMEOUT -> TimeoutSpec.check(ms(size.get("L")), ms(size.get("D")));
            case RACE -> {
                RaceSpec.checkCount(size.get("R"));
                raceReplicas((int) size.get("R"), size.get("W"));
            }
            case LOAD -> {
                LoadSpec.check(size.get("R"), ms(size.get("T")), ms(size.get("L")), size.get("C"));
                TestbedDatabase.checkPoolSize(size.get("P"));
            }
            case RETRY -> {
                RetrySpec.check(size.get("K"), ms(size.get("L")), RETRY_BODY, size.get("C"), size.get("A"), ms(size.get("T")),
                        ms(RETRY_BACKOFF_MS), ms(RETRY_MAX_BACKOFF_MS));
                Check.range(size.get("F"), "F (% of attempts failing)", 0, 90);
            }
        }
    }

    /**
     * Gather's tasks at N = {@code count}: task i waits U x (i mod 3 + 1), named A, B, C, ... up
     * to 26 tasks, else T1, T2, ...; the benchmarks build them here, and so does the check.
     */
    public static List<Task> gatherTasks(int count, long unitMs) {
        List<Task> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = count <= 26 ? String.valueOf((char) ('A' + i)) : "T" + (i + 1);
            list.add(Task.of(name, ms(unitMs * (i % 3 + 1))));
        }
        return list;
    }

    /** Race's replicas at R = {@code count}: r0 fails after W/2, replica i answers after W x i. */
    public static List<Replica> raceReplicas(int count, long winnerMs) {
        List<Replica> list = new ArrayList<>(count);
        list.add(Replica.failing("r0", ms(winnerMs / 2)));
        for (int i = 1; i < count; i++) list.add(Replica.of("r" + i, ms(winnerMs * i)));
        return list;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    public static BenchScenario byId(String id) {
        for (BenchScenario s : values()) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("unknown scenario '" + id + "'; accepted: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(BenchScenario::id).collect(Collectors.joining(", "));
    }
}
