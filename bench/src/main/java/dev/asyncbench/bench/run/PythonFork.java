package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkOutcome;
import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.ModelsProbe.Model;
import dev.asyncbench.bench.jmh.Benchmarks;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.PoolLimit;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.run.Plan.Combination;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One combination of the asyncio row ({@link AsyncioRow}) in a Python process of its own, in
 * place of a JMH fork: its harness gets the same size, testbed, iterations and sequential
 * reference as the JVM's fork would, checks its first answer against the reference before it
 * measures, and writes the same report lines ({@link ForkOutcome}), which make the same row.
 *
 * <p>The reference's text is the file a JVM fork of the same size writes
 * ({@code ScenarioState.expectReference}). Where no JVM model measured the size first, a JVM fork
 * of {@code host} writes it first ({@link JmhFork#writeReference}): the answer is the sequential
 * model's at latency 0, whichever model's fork computes it.
 */
final class PythonFork {

    private final RunSettings settings;
    private final Path logs;
    private final JmhFork jvm;
    private final Model host;

    PythonFork(RunSettings settings, Path logs, JmhFork jvm, Model host) {
        this.settings = settings;
        this.logs = logs;
        this.jvm = jvm;
        this.host = host;
    }

    ResultRow measure(Combination c, Map<Property, String> testbed) throws IOException {
        BenchScenario s = c.scenario();
        String model = c.model().name();
        if (!AsyncioRow.runnable(c.model())) {
            return Rows.unmeasured(s, model, ResultRow.SUITE, c.size(), ResultRow.Status.FAILED, c.model().describe());
        }
        Path reference = logs.resolve("references").resolve(Benchmarks.referenceKey(s, c.size()) + ".txt").toAbsolutePath();
        if (needsReference(c) && !Files.exists(reference)) {
            ResultRow hostRow = host == null ? null : jvm.writeReference(c, host, testbed);
            if (!Files.exists(reference)) {
                return Rows.unmeasured(s, model, ResultRow.SUITE, c.size(), ResultRow.Status.FAILED, "no sequential reference to check against: "
                        + (hostRow == null ? "no JVM model to write it" : "the JVM fork of " + host.name() + " that writes it: " + hostRow.note()));
            }
        }

        String name = (s.id() + "-" + model + "-" + c.size().label()).replaceAll("[^A-Za-z0-9=.-]+", "_");
        Path log = logs.resolve(name + ".log");
        Path report = logs.resolve(name + ".report");
        Files.deleteIfExists(report);
        List<String> command = AsyncioRow.python("harness");
        command.addAll(List.of("--scenario", s.id(), "--size", c.size().label(),
                "--warmups", Integer.toString(c.warmups()), "--measurements", Integer.toString(c.measurements()),
                "--report", report.toAbsolutePath().toString(), "--reference", reference.toString(),
                "--warm-up-ms", Long.toString(s.warmsUp() ? settings.preset().warmUpMs : 0)));
        if (s.collectsBetweenIterations(c.size())) command.add("--gc-between");
        option(command, "--server", testbed.get(Property.SERVER));
        option(command, "--db", testbed.get(Property.DB));
        option(command, "--db-user", testbed.get(Property.DB_USER));
        option(command, "--db-password", testbed.get(Property.DB_PASSWORD));
        ProcessBuilder pb = new ProcessBuilder(command).directory(AsyncioRow.folder().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Files.deleteIfExists(log);
        pb.environment().put("TMPDIR", RunFolder.current().child(JmhFork.FORKS).toString());
        // --forks: as many processes, one after the other, appending to one report; their times pooled as JMH pools its forks'
        long limitMs = Math.max(Long.getLong(JmhFork.WATCHDOG_MIN_MS, 120_000), (long) (5 * c.estimateMs()));
        int exit = 0;
        for (int fork = 0; fork < settings.forks() && exit == 0; fork++) {
            Process p = pb.start();
            if (!ChildProcess.ended(p, limitMs)) {
                return Rows.unmeasured(s, model, ResultRow.SUITE, c.size(), ResultRow.Status.FAILED,
                        "stopped after " + Progress.format(Duration.ofMillis(limitMs)) + ", five times the expected "
                                + Progress.format(Duration.ofMillis((long) c.estimateMs())) + "; see logs/" + log.getFileName());
            }
            exit = p.exitValue();
        }
        ForkOutcome outcome = ForkOutcome.read(report);
        List<Double> times = outcome.values().getOrDefault(Measure.TIME, List.of());
        ForkOutcome.Problem problem = outcome.problem() != null ? outcome.problem()
                : exit != 0 ? new ForkOutcome.Failed("the harness exited with " + exit + lastLine(log) + "; see logs/"
                        + log.getFileName())
                : times.isEmpty() ? new ForkOutcome.Failed("the harness reported no time; see logs/" + log.getFileName()) : null;
        if (problem != null) return Rows.problem(s, model, ResultRow.SUITE, c.size(), problem, outcome.notes());
        List<String> notes = new ArrayList<>(outcome.notes());
        String pool = PoolLimit.note(s, c.size(), c.model().traits());
        if (pool != null) notes.add(pool);
        return new ResultRow(s.id(), model, ResultRow.SUITE, c.size(), ResultRow.Status.OK, String.join("; ", notes),
                metrics(outcome, times, s.idealMs(c.size())));
    }

    /** Whether the harness checks this combination against the JVM's reference file: the scenarios with no local oracle. */
    static boolean needsReference(Combination c) {
        return switch (c.scenario()) {
            case HTTP_FAN_OUT, DB, AGGREGATE, LOAD, COLLECT_ALL -> true;
            case TIMEOUT -> c.size().get("L") <= c.size().get("D");
            default -> false;
        };
    }

    /**
     * The row's figures, as {@link JmhFork#metrics} makes them from a JMH result: the mean of the
     * times and its 99.9% half-width; with several processes ({@code --forks}), each other figure
     * combined as JMH combines {@code ForkProbe}'s: CPU, cold and quiet averaged, peaks and
     * percentiles their maximum.
     */
    static Metrics metrics(ForkOutcome o, List<Double> times, double idealMs) {
        ListStatistics stats = new ListStatistics();
        times.forEach(stats::addValue);
        return Metrics.builder()
                .samples(stats.getN())
                .time(stats.getMean(), stats.getN() >= 2 ? stats.getMeanErrorAt(0.999) : Double.NaN)
                .idealMs(idealMs)
                .latency(max(o, Measure.P50), max(o, Measure.P99), max(o, Measure.MAX))
                .cpuMsPerOp(mean(o, Measure.CPU))
                .rssPeakMb(max(o, Measure.RSS_PEAK))
                .rssPerTaskBytes(mean(o, Measure.RSS_PER_TASK))
                .serverPeakInFlight(max(o, Measure.SERVER_PEAK))
                .coldMs(mean(o, Measure.COLD))
                .quietMs(mean(o, Measure.QUIET))
                .serviceP99Ms(max(o, Measure.SERVICE_P99))
                .build();
    }

    private static double mean(ForkOutcome o, Measure m) {
        return o.values().getOrDefault(m, List.of()).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double max(ForkOutcome o, Measure m) {
        return o.values().getOrDefault(m, List.of()).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static void option(List<String> command, String option, String value) {
        if (value != null) command.addAll(List.of(option, value));
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "" : ": " + lines.getLast();
        } catch (IOException e) {
            return "";
        }
    }
}
