package dev.asyncbench.bench;

import dev.asyncbench.bench.jmh.Benchmarks;
import dev.asyncbench.bench.jmh.ForkProbe;
import dev.asyncbench.bench.jmh.ForkReport;
import dev.asyncbench.bench.report.ReportWriter;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.Traits;
import dev.asyncbench.core.io.TestbedClient;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@code run}: starts the testbed's processes, measures every combination of scenario,
 * size and model in a JMH fork of its own, runs the no-harness-tax check, and writes the
 * results and the report. A combination that fails is a result, never the end of the run.
 */
final class SuiteRun {

    /** Final but for the class archive, added once it is ready ({@link ClassArchive}). */
    private RunSettings settings;
    private final PrintStream out;
    private final Path dir;
    private final Path logs;
    private final List<RunResult> jmhResults = new ArrayList<>();
    private final List<ResultRow> rows = new ArrayList<>();
    /** Model name to provider class, so that each fork creates only the model it measures. */
    private final Map<String, String> providers = new LinkedHashMap<>();
    private final Map<String, Traits> modelTraits = new LinkedHashMap<>();

    /** One thing to measure. */
    record Combination(BenchScenario scenario, Size size, String model, double opEstimateMs, double estimateMs,
                       int warmups, int measurements) {
        String label() {
            return scenario.id() + " " + model + " " + size.label();
        }
    }

    SuiteRun(RunSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.dir = settings.out();
        this.logs = dir.resolve("logs");
    }

    /** Prints every combination with its iterations and estimate (or why it is skipped), and the total. */
    void printPlan() {
        Map<String, Traits> traits = traits(new LinkedHashMap<>());
        MinimalRuns minimal = settings.minimal() ? new MinimalRuns(settings, logs, traits) : null;
        double total = 0;
        for (Combination c : plan(traits)) {
            if (c.estimateMs() < 0) {
                out.printf("%-60s skipped: about %s per operation%n", c.label(), Durations.format(java.time.Duration.ofMillis((long) c.opEstimateMs())));
            } else {
                out.printf("%-60s %2d+%-2d iterations of about %-9s %s%n", c.label(), c.warmups(), c.measurements(),
                        Durations.format(java.time.Duration.ofMillis((long) Math.ceil(c.opEstimateMs()))),
                        Progress.format(java.time.Duration.ofMillis((long) c.estimateMs())));
                total += c.estimateMs();
            }
            if (minimal != null && minimal.checks(c.scenario(), c.size(), c.model())) {
                double ms = minimal.estimateMs(c.size(), c.model(), traits.get(c.model()));
                out.printf("%-60s %s%n", "minimal " + c.model() + " " + c.size().label(), ms == 0 ? "skipped" : Progress.format(java.time.Duration.ofMillis((long) ms)));
                total += ms;
            }
        }
        out.println("about " + Progress.format(java.time.Duration.ofMillis((long) total)) + " in all, plus starting the testbed");
    }

    /**
     * Each selected model's traits and describe() line, read in a JVM with the forks' flags
     * ({@link dev.asyncbench.bench.jmh.ModelsProbe}): a model may size its limits from the heap.
     */
    private Map<String, Traits> traits(Map<String, String> describe) {
        Map<String, Traits> traits = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(JavaCommand.java());
        command.addAll(settings.forkFlags());
        command.addAll(List.of("-cp", JavaCommand.classPath(), dev.asyncbench.bench.jmh.ModelsProbe.class.getName()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            for (String line : output.lines().toList()) {
                String[] f = line.split("\t", 6);
                if (f.length != 6) continue;
                providers.put(f[0], f[4]);
                if (settings.models().contains(f[0])) {
                    traits.put(f[0], new Traits(Boolean.parseBoolean(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
                    describe.put(f[0], f[5]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // below: whatever is missing is read in this JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Traits> ordered = new LinkedHashMap<>();
        for (String name : settings.models()) {
            if (!traits.containsKey(name)) {
                try (TaskScenario m = Models.byName(name)) {
                    traits.put(name, m.traits());
                    describe.put(name, m.describe());
                }
            }
            ordered.put(name, traits.get(name));
        }
        Map<String, String> describedInOrder = new LinkedHashMap<>();
        for (String name : settings.models()) describedInOrder.put(name, describe.get(name));
        describe.clear();
        describe.putAll(describedInOrder);
        return ordered;
    }

    /** Runs everything; returns the report's main file. */
    Path execute() throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Files.createDirectories(logs);

        Map<String, String> describe = new LinkedHashMap<>();
        Map<String, Traits> traits = traits(describe);
        modelTraits.putAll(traits);
        List<Combination> plan = plan(traits);
        MinimalRuns minimal = settings.minimal() ? new MinimalRuns(settings, logs, traits) : null;
        String archive = "not used (--no-class-archive)";
        double estimate = plan.stream().mapToDouble(c -> Math.max(0, c.estimateMs())).sum();
        int total = plan.size();
        if (minimal != null) {
            total += minimal.combinations();
            for (Size size : minimal.sizes()) for (String m : settings.models()) estimate += minimal.estimateMs(size, m, traits.get(m));
        }
        boolean bar = Progress.terminal();
        Progress progress = new Progress(out, bar, total, estimate);
        int models = settings.models().size();
        out.println("asyncbench: " + settings.label() + " run of " + total + " combinations (" + models + (models == 1 ? " model" : " models")
                + "), about " + Progress.format(java.time.Duration.ofMillis((long) estimate)) + "; results in " + dir);

        Thread killForks = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "forks-stop");
        Runtime.getRuntime().addShutdownHook(killForks);
        String server = "not used";
        String serverUri = null;
        String database = "not used";
        try (TestbedProcesses testbed = new TestbedProcesses()) {
            String serverProblem = null;
            String databaseProblem = null;
            if (settings.needsServer()) {
                progress.note("starting the HTTP testbed server (its own JVM) ...");
                try {
                    serverUri = testbed.startServer(logs);
                    server = "Netty testbed server in its own JVM (" + String.join(" ", TestbedProcesses.FLAGS) + ") at " + serverUri;
                } catch (RuntimeException e) {
                    serverProblem = "the HTTP testbed server did not start: " + Cli.oneLine(e.getMessage());
                    server = serverProblem;
                    progress.note(serverProblem);
                }
            }
            if (settings.needsDatabase()) {
                progress.note("starting the testbed database (" + settings.db() + ") ...");
                try {
                    testbed.startDatabase(settings.db(), settings.dbUser(), settings.dbPassword(), logs);
                    database = testbed.dbDescription();
                } catch (RuntimeException e) {
                    databaseProblem = "the testbed database did not start: " + Cli.oneLine(e.getMessage());
                    database = databaseProblem;
                    progress.note(databaseProblem);
                }
            }
            if (settings.shareClasses()) {
                archive = prepareClassArchive(testbed, serverProblem, databaseProblem, progress);
                if (minimal != null) minimal = new MinimalRuns(settings, logs, traits);
            }
            // the no-harness-tax check: each model's minimal program, right after the suite's row it is compared with
            List<ResultRow> minimalRows = new ArrayList<>();
            for (Combination c : plan) {
                progress.begin(c.label());
                String problem = c.scenario().needsServer() && serverProblem != null ? serverProblem
                        : c.scenario().needsDatabase() && databaseProblem != null ? databaseProblem : null;
                boolean checked = minimal != null && minimal.checks(c.scenario(), c.size(), c.model());
                ResultRow row = problem != null ? notRun(c, problem) : c.estimateMs() < 0 ? skipped(c)
                        : measure(c, testbed.forkProperties(c.scenario().needsServer(), c.scenario().needsDatabase()), !checked);
                rows.add(row);
                progress.end(outcome(row), Math.max(0, c.estimateMs()));
                if (checked) {
                    minimalRows.add(minimal.run(progress, c.size(), c.model(), row));
                }
            }
            rows.addAll(minimalRows);
            if (serverUri != null) {
                // at the end, when the server's JIT has seen the whole run
                progress.note("measuring the HTTP testbed server's capacity ...");
                java.time.Duration warm = settings.preset().capacityWarmUp, measure = settings.preset().capacityMeasure;
                String capacity = ServerCapacity.describe(ServerCapacity.requestsPerSecond(java.net.URI.create(serverUri), warm, measure), warm, measure);
                server += "; " + capacity;
                progress.note("HTTP testbed server: " + capacity);
            }
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(killForks);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }

        Environment env = environment(started, (System.nanoTime() - t0) / 1e9, describe, server, database, archive);
        ResultSet results = new ResultSet(env, rows);
        results.save(dir);
        if (!jmhResults.isEmpty()) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, dir.resolve(ResultSet.JMH_JSON).toString()).writeOut(jmhResults);
        }
        return ReportWriter.standard().write(results, dir);
    }

    /**
     * Makes (or finds) the class archive for the scenarios whose testbed is up and switches
     * every measured JVM to it; returns the environment's note on it.
     */
    private String prepareClassArchive(TestbedProcesses testbed, String serverProblem, String databaseProblem, Progress progress)
            throws IOException {
        List<BenchScenario> trained = settings.sizes().keySet().stream()
                .filter(s -> !(s.needsServer() && serverProblem != null) && !(s.needsDatabase() && databaseProblem != null))
                .toList();
        if (trained.isEmpty()) return "not used: no scenario's testbed is up";
        progress.note("preparing the forks' class archive (a training JVM runs each scenario once for every model) ...");
        List<String> properties = new ArrayList<>(testbed.forkProperties(settings.needsServer(), settings.needsDatabase()));
        if (!providers.isEmpty()) properties.add(providersProperty());
        StringBuilder problem = new StringBuilder();
        String classPath = JavaCommand.classPath();
        ClassArchive.Prepared archive = ClassArchive.prepare(settings, trained, properties, classPath, ClassArchive.cacheFolder(classPath, logs),
                logs, problem);
        if (archive == null) {
            progress.note("no class archive: " + problem + "; every fork starts without it");
            return "not used: " + problem;
        }
        settings = settings.withClassArchive(archive.file());
        progress.note("class archive ready: " + archive.origin());
        String what = trained.size() == BenchScenario.values().length ? "every scenario" : trained.size() == 1 ? "the scenario " + trained.getFirst().id()
                : "the scenarios " + ClassArchive.ids(trained);
        long mib = Math.round(Files.size(archive.file()) / (1024.0 * 1024));
        return "every measured JVM (JMH fork and minimal program) maps " + archive.file().getFileName() + " (-XX:SharedArchiveFile, "
                + mib + " MiB): the classes their forks load, archived by one training JVM that ran " + what + " once for every model"
                + " of the run; " + archive.origin() + ". It shortens each JVM's start-up, before the setup's checked run, and holds"
                + " classes only (no compiled code, no profiles). Its pages count in every fork's peak RSS alike, so that figure no"
                + " longer shows a model's own library classes; --no-class-archive runs without it";
    }

    private String providersProperty() {
        return "-D" + dev.asyncbench.bench.jmh.ForkModels.PROPERTY + "=" + providers.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(","));
    }

    /** Every combination in order; those over the budget get a negative estimate and are recorded as skipped. */
    private List<Combination> plan(Map<String, Traits> traits) {
        List<Combination> plan = new ArrayList<>();
        for (var entry : settings.sizes().entrySet()) {
            BenchScenario s = entry.getKey();
            for (Size size : entry.getValue()) {
                for (String model : settings.models()) {
                    Traits t = traits.get(model);
                    double op = Estimates.opMs(s, size, model, t);
                    int w = settings.warmups(op);
                    int m = settings.measurements(op);
                    double all = Estimates.combinationMs(s, size, model, t, settings.preset().warmUpMs, settings.preset().memoryProbes, w, m);
                    boolean over = op > settings.budget().toMillis();
                    plan.add(new Combination(s, size, model, op, over ? -1 : all, w, m));
                }
            }
        }
        return plan;
    }

    /** A combination whose testbed is missing: a failed row saying which part and why, no fork. */
    private static ResultRow notRun(Combination c, String problem) {
        return new ResultRow(c.scenario().id(), c.model(), ResultRow.SUITE, c.size(), ResultRow.Status.FAILED, "not run: " + problem,
                Metrics.builder().idealMs(c.scenario().idealMs(c.size())).build());
    }

    private ResultRow skipped(Combination c) {
        String why = String.format(java.util.Locale.ROOT,
                "one operation is expected to take about %s here, over this run's budget of %s per operation (--budget)",
                Durations.format(java.time.Duration.ofMillis((long) c.opEstimateMs())), Durations.format(settings.budget()));
        Traits t = modelTraits.get(c.model());
        if (c.scenario() == BenchScenario.GATHER_MASS && t != null && c.size().get("N") > t.maxMassTasks()) {
            why += "; N is also above the " + t.maxMassTasks() + " tasks " + c.model() + " declares it reaches";
        }
        Metrics m = Metrics.builder().idealMs(c.scenario().idealMs(c.size())).build();
        return new ResultRow(c.scenario().id(), c.model(), ResultRow.SUITE, c.size(), ResultRow.Status.SKIPPED, why, m);
    }

    /** One JMH fork for one combination; its failure, if any, becomes the row. */
    /**
     * Runs one fork. {@code pinning}: whether it may record pinning (when the preset does). A fork
     * the no-harness-tax check compares with a minimal program records none: what a JFR
     * recording holds stays resident after it stops, so it would count in the fork's memory and
     * not the minimal program's (bench/RESULTS.md has the figures); pinning depends on the code
     * path, not on N, and the scenario's smallest size still counts it.
     */
    private ResultRow measure(Combination c, List<String> testbedProperties, boolean pinning) throws IOException {
        Benchmarks.Binding b = Benchmarks.of(c.scenario());
        String name = (c.scenario().id() + "-" + c.model() + "-" + c.size().label()).replaceAll("[^A-Za-z0-9=.-]+", "_");
        Path log = logs.resolve(name + ".log");
        Path report = logs.resolve(name + ".report");
        Files.deleteIfExists(report);

        List<String> append = new ArrayList<>(testbedProperties);
        append.add("-D" + ForkReport.PROPERTY + "=" + report.toAbsolutePath());
        append.add("-D" + ForkProbe.PINNING + "=" + (settings.preset().recordPinning && pinning));
        append.add("-D" + ForkProbe.GC_BETWEEN + "=" + c.scenario().collectsBetweenIterations(c.size()));
        append.add("-D" + dev.asyncbench.bench.jmh.ScenarioState.WARM_UP_MS + "=" + settings.preset().warmUpMs);
        append.add("-D" + dev.asyncbench.bench.jmh.MemoryProbe.PROBES + "=" + settings.preset().memoryProbes);
        if (!providers.isEmpty()) append.add(providersProperty());
        append.add("-D" + dev.asyncbench.bench.jmh.ScenarioState.REFERENCES + "=" + logs.resolve("references").toAbsolutePath());
        List<String> flags = settings.forkFlags();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(b.include())
                .param("model", c.model())
                .mode(Mode.SingleShotTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .warmupIterations(c.warmups())
                .measurementIterations(c.measurements())
                .warmupBatchSize(1)
                .measurementBatchSize(1)
                .forks(1)
                .warmupForks(0)
                .jvm(JavaCommand.javaBinary())
                .jvmArgsPrepend(flags.getFirst())
                .jvmArgs(flags.subList(1, flags.size()).toArray(String[]::new))
                .jvmArgsAppend(append.toArray(String[]::new))
                .addProfiler(ForkProbe.class)
                .timeout(TimeValue.seconds(Math.max(60, settings.budget().toSeconds() * 10)))
                .shouldFailOnError(false)
                .output(log.toString());
        for (var p : b.params().entrySet()) options.param(p.getValue(), Long.toString(c.size().get(p.getKey())));

        List<RunResult> results;
        String runnerError = null;
        // a fork that runs far past its estimate (a model slower than expected, or hung) is stopped: that is its result
        long limitMs = (long) Math.max(Long.getLong("asyncbench.watchdog.minMs", 120_000), 5 * c.estimateMs());
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = Thread.ofPlatform().daemon().name("fork-watchdog").start(() -> {
            try {
                Thread.sleep(limitMs);
                stopped.set(true);
                ProcessHandle.current().children()
                        .filter(h -> h.info().arguments().map(a -> String.join(" ", a).contains("ForkedMain")).orElse(false))
                        .forEach(h -> {
                            h.descendants().forEach(ProcessHandle::destroyForcibly);
                            h.destroyForcibly();
                        });
            } catch (InterruptedException finished) {
                // the fork ended in time
            }
        });
        try {
            results = new ArrayList<>(new Runner(options.build()).run());
        } catch (RunnerException e) {
            results = List.of();
            runnerError = ForkReport.describe(e);
        } finally {
            watchdog.interrupt();
        }
        if (stopped.get()) {
            results = List.of();
            runnerError = "stopped after " + Progress.format(java.time.Duration.ofMillis(limitMs))
                    + ", five times the expected " + Progress.format(java.time.Duration.ofMillis((long) c.estimateMs()))
                    + " (one operation took far longer than expected); see logs/" + log.getFileName();
        }
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (Files.exists(report)) {
            for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
                if (line.startsWith(ForkReport.FAILURE)) failures.add(line.substring(ForkReport.FAILURE.length()));
                else if (line.startsWith(ForkReport.NOTE)) notes.add(line.substring(ForkReport.NOTE.length()));
            }
        }
        String note = String.join("; ", notes);
        double ideal = c.scenario().idealMs(c.size());
        if (results.isEmpty() || !failures.isEmpty()) {
            String why = stopped.get() ? runnerError
                    : !failures.isEmpty() ? failures.getFirst()
                    : runnerError != null ? runnerError
                    : "the fork ended without a result" + firstException(log) + "; see logs/" + log.getFileName();
            boolean incorrect = why.startsWith("Incorrect benchmark");
            String text = (incorrect ? "" : "failed at " + c.size().label() + ": ") + why + (note.isEmpty() ? "" : "; " + note);
            return new ResultRow(c.scenario().id(), c.model(), ResultRow.SUITE, c.size(),
                    incorrect ? ResultRow.Status.INCORRECT : ResultRow.Status.FAILED, text, Metrics.builder().idealMs(ideal).build());
        }
        RunResult r = results.getFirst();
        jmhResults.add(r);
        return new ResultRow(c.scenario().id(), c.model(), ResultRow.SUITE, c.size(), ResultRow.Status.OK, note, metrics(r, ideal));
    }

    /** ": " and the first exception line of a JMH log, or nothing. */
    private static String firstException(Path log) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.matches("^(Caused by: )?[\\w.$]+(Exception|Error)(: .*)?$")) return ": " + line;
            }
        } catch (IOException | RuntimeException e) {
            // no log: nothing to add
        }
        return "";
    }

    static Metrics metrics(RunResult r, double idealMs) {
        Result<?> primary = r.getPrimaryResult();
        long n = primary.getStatistics().getN();
        Map<String, Result> secondary = r.getSecondaryResults();
        return Metrics.builder()
                .samples(n)
                .time(primary.getScore(), n >= 2 ? primary.getScoreError() : Double.NaN)
                .idealMs(idealMs)
                .latency(score(secondary, ForkProbe.P50), score(secondary, ForkProbe.P99), score(secondary, ForkProbe.MAX))
                .cpuMsPerOp(score(secondary, ForkProbe.CPU))
                .allocBytesPerOp(score(secondary, ForkProbe.ALLOC))
                .rssPeakMb(score(secondary, ForkProbe.RSS_PEAK))
                .rssPerTaskBytes(score(secondary, ForkProbe.RSS_PER_TASK))
                .heapPerTaskBytes(score(secondary, ForkProbe.HEAP_PER_TASK))
                .threadsPeak(score(secondary, ForkProbe.THREADS_PEAK))
                .serverPeakInFlight(score(secondary, ForkProbe.SERVER_PEAK))
                .pinnedEvents(score(secondary, ForkProbe.PINNED))
                .build();
    }

    private static double score(Map<String, Result> secondary, String label) {
        Result<?> r = secondary.get(label);
        return r == null ? Double.NaN : r.getScore();
    }

    private static String outcome(ResultRow row) {
        Metrics m = row.metrics();
        return switch (row.status()) {
            case OK -> String.format(java.util.Locale.ROOT, "%.1f ms%s", m.timeMs(),
                    Double.isNaN(m.timeErrorMs()) ? "" : String.format(java.util.Locale.ROOT, " ± %.1f", m.timeErrorMs()));
            case SKIPPED -> "skipped (over the budget)";
            default -> row.status().id() + ": " + row.note();
        };
    }

    private Environment environment(Instant started, double seconds, Map<String, String> describe, String server, String database,
                                    String archive) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("budget", "a model whose one operation is expected to exceed " + Durations.format(settings.budget())
                + " at a size is skipped there, and its row says so");
        notes.put("pinning", settings.preset().recordPinning ? "JFR jdk.VirtualThreadPinned counted in every fork (threshold 0)"
                + (settings.minimal() ? " but " + BenchScenario.GATHER_MASS.id() + "'s at the no-harness-tax sizes (what a JFR recording holds stays resident"
                        + " after it stops, and the minimal programs record none; the same gather at N = 10 counts its pinning)" : "") + ","
                + " over the warm-up iterations (the stream stops before the measured ones and the memory probe: a JFR recording"
                + " costs time and holds some live heap per thread)"
                : "not recorded in this preset (a JFR stream adds startup time to every fork)");
        String warming = java.util.Arrays.stream(BenchScenario.values()).filter(BenchScenario::warmsUp).map(BenchScenario::id)
                .collect(java.util.stream.Collectors.joining(" and "));
        notes.put("warm-up", settings.preset().warmUpMs > 0
                ? warming + " forks first run their operation at zero latency for "
                        + Durations.format(java.time.Duration.ofMillis(settings.preset().warmUpMs))
                        + " (the JIT compiles the HTTP client and the model), then the warm-up iterations"
                : "no timed warm-up in this preset: " + warming + " are measured while the JIT is still compiling the HTTP client,"
                        + " which makes their larger sizes CPU-bound for every model alike (the full preset warms them up)");
        notes.put("latency", "per-task latency from the operation's start: gather/fail-fast/collect-all from the EventLog, "
                + "http-fan-out/db/files/aggregate from core.io's completion marks (aggregate: the store); none for gather-mass, timeout, race");
        notes.put("memory", "gather-mass memory per waiting task: RSS growth and live heap after a full GC, sampled once per fork "
                + "while N tasks wait (outside the measured iterations)");
        notes.put("memory probe", BenchScenario.GATHER_MASS.id() + " at N >= 1,000: memory per waiting task is probed after the measured iterations, "
                + (settings.preset().memoryProbes == 1 ? "once" : "until two readings of live heap per task agree within 10%, at most "
                + settings.preset().memoryProbes + " times") + ", in the forks and the minimal programs alike");
        notes.put("gc", String.format(java.util.Locale.ROOT, "%s at N >= %,d", BenchScenario.GATHER_MASS.id(), BenchScenario.GC_BETWEEN_MIN_TASKS)
                + ": a full GC between iterations (untimed) in the fork and between the minimal"
                + " programs' runs, so that no operation pays for collecting the previous one's tasks; no forced GC elsewhere");
        notes.put("class archive", archive);
        return new Environment(settings.label(), started.toString(), seconds,
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version(),
                settings.forkFlags(), "G1", "-Xms" + settings.heap() + " -Xmx" + settings.heap(),
                "JMH " + org.openjdk.jmh.util.Version.getPlainVersion() + "; single-shot; "
                        + iterations() + "; 1 fork per combination; "
                        + "the setup runs and checks one operation first",
                Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                database, server, TestbedClient.SETTINGS, describe, Models.unavailable(), gitCommit(), notes, settings.command());
    }

    private String iterations() {
        if (settings.fixedWarmups() != null && settings.fixedMeasurements() != null) {
            return settings.fixedWarmups() + " warm-up + " + settings.fixedMeasurements() + " measured iterations";
        }
        Preset p = settings.preset();
        return "iterations by operation length: " + p.warmups + "-" + Math.max(2, 3 * p.warmups) + " warm-up, "
                + p.measurements + "-" + p.maxMeasurements + " measured (about " + p.measureMs + " ms of measuring)"
                + (settings.fixedWarmups() != null ? ", warm-up fixed at " + settings.fixedWarmups() : "")
                + (settings.fixedMeasurements() != null ? ", measured fixed at " + settings.fixedMeasurements() : "");
    }

    /** The commit of the checkout the jar was built in (bench/target/benchmarks.jar, three folders up), or "unknown". */
    private static String gitCommit() {
        Path root;
        try {
            root = Path.of(SuiteRun.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (int i = 0; i < 3 && root.getParent() != null; i++) root = root.getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            root = Path.of(".");
        }
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD").redirectErrorStream(true).start();
            String commit = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || !commit.matches("[0-9a-f]{40}")) return "unknown";
            Process s = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            s.waitFor();
            return commit + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
