package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkOutcome;
import dev.asyncbench.bench.fork.ForkProtocol;
import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.ForkReport;
import dev.asyncbench.bench.fork.ModelsProbe;
import dev.asyncbench.bench.jmh.Benchmarks;
import dev.asyncbench.bench.jmh.ForkProbe;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.PoolLimit;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.run.Plan.Combination;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One combination in a JMH fork of its own: its options and properties ({@link ForkProtocol}),
 * a watchdog that stops a fork running far past its estimate, and the row its outcome makes.
 * Keeps each fork's JMH result for the run's {@code jmh-result.json}.
 */
final class JmhFork {

    /** The shortest a fork may run before the watchdog stops it (tests lower it). */
    static final String WATCHDOG_MIN_MS = "asyncbench.watchdog.minMs";
    /** The run folder's sub-folder that is every measured JVM's temporary folder (file trees, scratch files). */
    static final String FORKS = "forks";

    static {
        // run holds JMH's lock file for its whole length (RunLock): JMH in this JVM must not try to take it again
        System.setProperty("jmh.ignoreLock", "true");
    }

    private final RunSettings settings;
    private final Path logs;
    private final String providers;
    private final List<RunResult> results = new ArrayList<>();

    JmhFork(RunSettings settings, Path logs, String providers) {
        this.settings = settings;
        this.logs = logs;
        this.providers = providers;
    }

    /** Every JMH result so far, in order. */
    List<RunResult> results() {
        return results;
    }

    /**
     * Measures {@code c} with the testbed's {@code properties}. {@code pinning}: whether it may
     * record pinning (when the preset does): a fork the no-harness-tax check compares with a
     * minimal program records none (bench/RESULTS.md says why).
     */
    ResultRow measure(Combination c, Map<Property, String> testbed, boolean pinning) throws IOException {
        return measure(c, testbed, pinning, "", settings.forks(), settings.preset().warmUpMs);
    }

    /**
     * Writes the sequential reference's file for {@code c}'s size, as the first JVM fork of a size
     * does, in a fork of the JVM model {@code host} (one fork, no warm-up, one measured iteration;
     * not a result, its log {@code reference-*.log}): for a model of another runtime measured where
     * no JVM model measured that size first ({@link PythonFork}). The host's row, which says why
     * when the fork failed.
     */
    ResultRow writeReference(Combination c, ModelsProbe.Model host, Map<Property, String> testbed) throws IOException {
        int kept = results.size();
        ResultRow row = measure(new Combination(c.scenario(), c.size(), host, c.opEstimateMs(), c.estimateMs(), 0, 1), testbed, false,
                "reference-", 1, 0);
        while (results.size() > kept) results.removeLast();
        return row;
    }

    private ResultRow measure(Combination c, Map<Property, String> testbed, boolean pinning, String prefix, int forks, long warmUpMs)
            throws IOException {
        Benchmarks.Binding b = Benchmarks.of(c.scenario());
        String name = (prefix + c.scenario().id() + "-" + c.model().name() + "-" + c.size().label()).replaceAll("[^A-Za-z0-9=.-]+", "_");
        Path log = logs.resolve(name + ".log");
        Path report = logs.resolve(name + ".report");
        Files.deleteIfExists(report);

        Map<Property, Object> properties = new EnumMap<>(Property.class);
        properties.putAll(testbed);
        properties.put(Property.REPORT, report.toAbsolutePath());
        properties.put(Property.PINNING, settings.preset().recordPinning && pinning);
        properties.put(Property.GC_BETWEEN, c.scenario().collectsBetweenIterations(c.size()));
        properties.put(Property.WARM_UP_MS, warmUpMs);
        properties.put(Property.MEMORY_PROBES, settings.preset().memoryProbes);
        properties.put(Property.MODELS, providers);
        properties.put(Property.REFERENCES, logs.resolve("references").toAbsolutePath());
        List<String> flags = settings.forkFlags();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(b.include())
                .param("model", c.model().name())
                .mode(Mode.SingleShotTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .warmupIterations(c.warmups())
                .measurementIterations(c.measurements())
                .warmupBatchSize(1)
                .measurementBatchSize(1)
                .forks(forks)
                .warmupForks(0)
                .jvm(JavaCommand.javaBinary())
                .jvmArgsPrepend(flags.getFirst())
                .jvmArgs(flags.subList(1, flags.size()).toArray(String[]::new))
                .jvmArgsAppend(append(JavaCommand.tmpdir(FORKS), ForkProtocol.args(properties)))
                .addProfiler(ForkProbe.class)
                .timeout(TimeValue.seconds(Math.max(60, settings.budget().toSeconds() * 10)))
                .shouldFailOnError(false)
                .output(log.toString());
        b.params(c.size()).forEach(options::param);

        long limitMs = (long) Math.max(Long.getLong(WATCHDOG_MIN_MS, 120_000) * settings.forks(), 5 * c.estimateMs());
        AtomicBoolean stopped = new AtomicBoolean();
        Thread watchdog = Thread.ofPlatform().daemon().name("fork-watchdog").start(() -> stopAfter(limitMs, stopped));
        List<RunResult> run = List.of();
        String runnerError = null;
        try {
            run = new ArrayList<>(new Runner(options.build()).run());
        } catch (RunnerException e) {
            runnerError = ForkReport.describe(e);
        } finally {
            watchdog.interrupt();
        }
        ForkOutcome outcome = ForkOutcome.read(report);
        double ideal = c.scenario().idealMs(c.size());
        String model = c.model().name();
        if (stopped.get()) {
            return Rows.unmeasured(c.scenario(), model, ResultRow.SUITE, c.size(), ResultRow.Status.FAILED,
                    "stopped after " + Progress.format(Duration.ofMillis(limitMs)) + ", five times the expected "
                            + Progress.format(Duration.ofMillis((long) c.estimateMs()))
                            + " (one operation took far longer than expected); see logs/" + log.getFileName());
        }
        if (outcome.problem() != null) return Rows.problem(c.scenario(), model, ResultRow.SUITE, c.size(), outcome.problem(), outcome.notes());
        if (run.isEmpty()) {
            String why = runnerError != null ? runnerError
                    : "the fork ended without a result" + firstException(log) + "; see logs/" + log.getFileName();
            return Rows.problem(c.scenario(), model, ResultRow.SUITE, c.size(), new ForkOutcome.Failed(why), outcome.notes());
        }
        RunResult r = run.getFirst();
        results.add(r);
        List<String> notes = new ArrayList<>(new java.util.LinkedHashSet<>(outcome.notes()));
        String spread = forkSpread(r);
        if (spread != null) notes.add(spread);
        String pool = PoolLimit.note(c.scenario(), c.size(), c.model().traits());
        if (pool != null) notes.add(pool);
        return new ResultRow(c.scenario().id(), model, ResultRow.SUITE, c.size(), ResultRow.Status.OK, String.join("; ", notes),
                metrics(r, ideal));
    }

    /** With more than one fork: each fork's mean time and their spread (max - min over the mean), for the row's note; else null. */
    static String forkSpread(RunResult r) {
        List<Double> means = new ArrayList<>();
        r.getBenchmarkResults().forEach(b -> means.add(b.getPrimaryResult().getScore()));
        if (means.size() < 2) return null;
        double all = r.getPrimaryResult().getScore();
        double spread = (means.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - means.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) / all;
        return means.size() + " forks, mean time per fork " + means.stream().map(m -> String.format(java.util.Locale.ROOT, "%.3g ms", m))
                .collect(java.util.stream.Collectors.joining(", ")) + String.format(java.util.Locale.ROOT, " (spread %.1f%% of the mean)", 100 * spread);
    }

    private static String[] append(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    /** Stops this JVM's JMH forks (and what they started) after {@code ms}, unless interrupted first. */
    private static void stopAfter(long ms, AtomicBoolean stopped) {
        try {
            Thread.sleep(ms);
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
    }

    /**
     * ": " and what a JMH log says went wrong first: an exception line, or the JVM's own words
     * when the fork could not start (no memory for the heap, a bad flag), or nothing.
     */
    static String firstException(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.matches("^(Caused by: )?[\\w.$]+(Exception|Error)(: .*)?$")) return ": " + line;
                if (line.startsWith("# There is insufficient memory for the Java Runtime Environment")) return ": " + line.substring(2);
                if (line.startsWith("Error occurred during initialization of VM")) {
                    return ": " + line + (i + 1 < lines.size() ? ": " + lines.get(i + 1).trim() : "");
                }
                if (line.startsWith("Unrecognized VM option") || line.startsWith("Invalid maximum heap size")) return ": " + line;
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
                .latency(score(secondary, Measure.P50), score(secondary, Measure.P99), score(secondary, Measure.MAX))
                .cpuMsPerOp(score(secondary, Measure.CPU))
                .allocBytesPerOp(score(secondary, Measure.ALLOC))
                .rssPeakMb(score(secondary, Measure.RSS_PEAK))
                .rssPerTaskBytes(score(secondary, Measure.RSS_PER_TASK))
                .heapPerTaskBytes(score(secondary, Measure.HEAP_PER_TASK))
                .threadsPeak(score(secondary, Measure.THREADS_PEAK))
                .serverPeakInFlight(score(secondary, Measure.SERVER_PEAK))
                .pinnedEvents(score(secondary, Measure.PINNED))
                .coldMs(score(secondary, Measure.COLD))
                .quietMs(score(secondary, Measure.QUIET))
                .serviceP99Ms(score(secondary, Measure.SERVICE_P99))
                .build();
    }

    private static double score(Map<String, Result> secondary, Measure m) {
        Result<?> r = secondary.get(m.label);
        return r == null ? Double.NaN : r.getScore();
    }
}
