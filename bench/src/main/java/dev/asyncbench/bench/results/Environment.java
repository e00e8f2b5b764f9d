package dev.asyncbench.bench.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how a result set was measured: {@code environment.json}. Every report prints it,
 * because a number means nothing without the machine, the JVM flags and each model's limits.
 *
 * @param preset          {@code quick}, {@code full} or {@code custom}
 * @param started         ISO-8601 instant the run started
 * @param durationSeconds how long the run took, testbed start included
 * @param jdk             vendor and version of the JVM that ran the forks
 * @param forkFlags       the flags of every measured JVM (JMH fork and minimal program), the same for every model
 * @param gc              garbage collector of the forks
 * @param heap            heap of the forks, e.g. "-Xms4g -Xmx4g"
 * @param jmh             JMH version and the run's iteration settings
 * @param cores           available processors of the measured JVMs (with {@code --cpu-sets} split, the measured side's)
 * @param memoryBytes     physical memory of the machine
 * @param os              operating system name, version and architecture
 * @param database        the testbed database's description, or "not used"
 * @param server          the HTTP testbed server, how it ran, and its measured capacity if known
 * @param httpClient      {@code TestbedClient.Transport.settings()}: the HTTP client every model shares, its transport and limits
 * @param models          each model's name and its {@code describe()} line
 * @param unavailable     models on the class path that could not load, and why
 * @param gitCommit       the commit of the suite that ran, or "unknown"
 * @param notes           anything else worth printing next to the numbers, by topic
 * @param command         the command line that made the run, as typed and quoted to be pasted back
 *                        ({@code ./suite run --scenarios race --sizes 'R=8 W=20ms'}; a --db-password shown as ***),
 *                        or "" when unknown (a run written before it was recorded)
 * @param interrupted     "" when the run measured everything it planned; otherwise one line saying how it stopped and
 *                        what it left out ("interrupted by SIGINT (Ctrl-C) after 12 of 40 combinations; 28 not measured"):
 *                        the results hold only the combinations that finished, and every report says so at the top
 */
public record Environment(String preset, String started, double durationSeconds, String jdk, List<String> forkFlags,
                          String gc, String heap, String jmh, int cores, long memoryBytes, String os,
                          String database, String server, String httpClient,
                          Map<String, String> models, List<String> unavailable, String gitCommit,
                          Map<String, String> notes, String command, String interrupted) {

    public Environment {
        forkFlags = List.copyOf(forkFlags);
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        unavailable = List.copyOf(unavailable);
        notes = Collections.unmodifiableMap(new LinkedHashMap<>(notes));
        command = command == null ? "" : command;
        interrupted = interrupted == null ? "" : interrupted.strip();
    }

    /** An environment of a run that completed. */
    public Environment(String preset, String started, double durationSeconds, String jdk, List<String> forkFlags,
                       String gc, String heap, String jmh, int cores, long memoryBytes, String os,
                       String database, String server, String httpClient,
                       Map<String, String> models, List<String> unavailable, String gitCommit,
                       Map<String, String> notes, String command) {
        this(preset, started, durationSeconds, jdk, forkFlags, gc, heap, jmh, cores, memoryBytes, os, database, server, httpClient,
                models, unavailable, gitCommit, notes, command, "");
    }

    /** An environment without the command that made it (as in a run written before it was recorded). */
    public Environment(String preset, String started, double durationSeconds, String jdk, List<String> forkFlags,
                       String gc, String heap, String jmh, int cores, long memoryBytes, String os,
                       String database, String server, String httpClient,
                       Map<String, String> models, List<String> unavailable, String gitCommit,
                       Map<String, String> notes) {
        this(preset, started, durationSeconds, jdk, forkFlags, gc, heap, jmh, cores, memoryBytes, os, database, server, httpClient,
                models, unavailable, gitCommit, notes, "", "");
    }

    public Environment withDuration(double seconds) {
        return new Environment(preset, started, seconds, jdk, forkFlags, gc, heap, jmh, cores, memoryBytes, os,
                database, server, httpClient, models, unavailable, gitCommit, notes, command, interrupted);
    }

    /** This environment, marked as a run that was interrupted ({@code why} one line), or as one that completed ({@code ""}). */
    public Environment withInterrupted(String why) {
        return new Environment(preset, started, durationSeconds, jdk, forkFlags, gc, heap, jmh, cores, memoryBytes, os,
                database, server, httpClient, models, unavailable, gitCommit, notes, command, why);
    }

    /** Whether the run stopped before it measured everything it planned ({@link #interrupted} says how). */
    public boolean wasInterrupted() {
        return !interrupted.isEmpty();
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", preset);
        m.put("started", started);
        m.put("durationSeconds", durationSeconds);
        m.put("jdk", jdk);
        m.put("forkFlags", forkFlags);
        m.put("gc", gc);
        m.put("heap", heap);
        m.put("jmh", jmh);
        m.put("cores", cores);
        m.put("memoryBytes", memoryBytes);
        m.put("os", os);
        m.put("database", database);
        m.put("server", server);
        m.put("httpClient", httpClient);
        m.put("models", models);
        m.put("unavailable", unavailable);
        m.put("gitCommit", gitCommit);
        m.put("notes", notes);
        m.put("command", command);
        m.put("interrupted", interrupted);
        return Json.write(m);
    }

    /**
     * Reads what {@link #toJson} wrote; {@link IllegalArgumentException} naming the field, or
     * the offset of malformed JSON, when it cannot. {@code command} and {@code interrupted},
     * recorded since they were added, may be missing: "" then.
     */
    public static Environment fromJson(String json) {
        return of(Json.parse(json));
    }

    /** {@link #fromJson} of JSON already parsed. */
    static Environment of(Object json) {
        if (!(json instanceof Map<?, ?> m)) throw new IllegalArgumentException("expected a JSON object");
        return new Environment(str(m, "preset"), str(m, "started"), num(m, "durationSeconds").doubleValue(),
                str(m, "jdk"), strings(m, "forkFlags"), str(m, "gc"), str(m, "heap"), str(m, "jmh"),
                num(m, "cores").intValue(), num(m, "memoryBytes").longValue(), str(m, "os"),
                str(m, "database"), str(m, "server"), str(m, "httpClient"),
                stringMap(m, "models"), strings(m, "unavailable"), str(m, "gitCommit"), stringMap(m, "notes"),
                m.containsKey("command") ? str(m, "command") : "", m.containsKey("interrupted") ? str(m, "interrupted") : "");
    }

    private static Object field(Map<?, ?> m, String name) {
        if (!m.containsKey(name)) throw new IllegalArgumentException("field '" + name + "' is missing");
        return m.get(name);
    }

    private static String str(Map<?, ?> m, String name) {
        Object v = field(m, name);
        if (v == null) return "";
        if (!(v instanceof String s)) throw new IllegalArgumentException("field '" + name + "' is not a string");
        return s;
    }

    private static Number num(Map<?, ?> m, String name) {
        Object v = field(m, name);
        if (v == null) return Double.NaN;
        if (!(v instanceof Number n)) throw new IllegalArgumentException("field '" + name + "' is not a number");
        return n;
    }

    private static List<String> strings(Map<?, ?> m, String name) {
        if (!(field(m, name) instanceof List<?> list)) throw new IllegalArgumentException("field '" + name + "' is not a list");
        return list.stream().map(o -> Objects.toString(o, "")).toList();
    }

    private static Map<String, String> stringMap(Map<?, ?> m, String name) {
        if (!(field(m, name) instanceof Map<?, ?> map)) throw new IllegalArgumentException("field '" + name + "' is not an object");
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), Objects.toString(v, "")));
        return out;
    }
}
