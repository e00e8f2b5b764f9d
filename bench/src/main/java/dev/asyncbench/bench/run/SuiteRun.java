package dev.asyncbench.bench.run;

import dev.asyncbench.bench.report.ReportWriter;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.OutputFolder;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.run.ClassArchive.Settled;
import dev.asyncbench.bench.run.Plan.Combination;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code run}: starts the testbed's processes, settles the class archive, measures every
 * combination of the {@link Plan} in a JMH fork of its own ({@link JmhFork}; the asyncio row's
 * in a Python process of its own, {@link PythonFork}), runs the
 * no-harness-tax check ({@link MinimalRuns}), and writes the results and the report. A
 * combination that fails is a result, never the end of the run.
 */
public final class SuiteRun {

    private final RunSettings settings;
    private final PrintStream out;
    private final Path dir;
    private final Path logs;

    public SuiteRun(RunSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.dir = settings.out();
        this.logs = dir.resolve("logs");
    }

    /** Prints every combination with its iterations and estimate (or why it is skipped), and the total. */
    public void printPlan() {
        ModelCatalog models = ModelCatalog.probe(settings.forkFlags(), settings.models());
        Plan.of(settings, models).print(out, settings.minimal() ? new MinimalRuns(settings, logs, models) : null);
    }

    /**
     * What a run produced: the report (null when nothing finished), and when a signal stopped
     * it, the signal's exit code (128 + its number) and the sentence the results record.
     */
    public record Finished(Path report, int signalExit, String interrupted) {
    }

    /** Runs everything, or until a signal ({@link Interruption}); writes what finished. */
    public Finished execute() throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Files.createDirectories(logs);
        RunFolder folder = RunFolder.current();
        for (String line : Leftovers.sweep(RunFolder.systemTmp(), folder.root())) out.println("asyncbench: " + line);

        ModelCatalog models = ModelCatalog.probe(settings.forkFlags(), settings.models());
        Plan plan = Plan.of(settings, models);
        MinimalRuns planned = settings.minimal() ? new MinimalRuns(settings, logs, models) : null;
        double estimate = plan.estimateMs() + (planned == null ? 0 : planned.estimateMs());
        int total = plan.combinations().size() + (planned == null ? 0 : planned.combinations());
        Progress progress = new Progress(out, Progress.terminal(), total, estimate);
        int count = settings.models().size();
        out.println("asyncbench: " + settings.label() + " run of " + total + (total == 1 ? " combination (" : " combinations (") + count + (count == 1 ? " model" : " models")
                + "), about " + Progress.format(Duration.ofMillis((long) estimate)) + "; results in " + dir);

        List<ResultRow> rows = new ArrayList<>();
        JmhFork forks = null;
        String server;
        String database;
        Settled archive = new Settled(null, "not made: the run was interrupted first");
        RunSettings measured = settings;
        Runnable unpin = () -> { };
        try (Interruption stop = Interruption.install(progress::note)) {
            try (TestbedProcesses testbed = new TestbedProcesses(stop, folder, settings.httpClient())) {
                testbed.startFor(settings, logs, progress);
                // the testbed runs on its CPUs (when split); this JVM and all it starts from here on, on the others
                CpuSets cpus = testbed.startedLocally() || !settings.cpuSets().split() ? settings.cpuSets()
                        : CpuSets.shared("no testbed process runs here for this run (--http, --db jdbc:, or no scenario uses one)");
                unpin = cpus.pinThisJvm();
                if (!stop.requested()) archive = ClassArchive.settle(settings, testbed, models.providers(), logs, progress);
                // every measured JVM from here on runs with these settings, the archive settled
                measured = settings.withCpuSets(cpus);
                measured = archive.file() == null ? measured : measured.withClassArchive(archive.file());
                forks = new JmhFork(measured, logs, models.providers());
                PythonFork python = new PythonFork(measured, logs, forks, models.referenceHost());
                MinimalRuns minimal = settings.minimal() ? new MinimalRuns(measured, logs, models) : null;
                if (!stop.requested()) rows.addAll(measure(plan, testbed, forks, python, minimal, progress, stop));
                // at the end, when the server's JIT has seen the whole run
                if (testbed.serverUri() != null && !stop.requested()) rows = measureServer(testbed, rows, progress, stop);
                server = testbed.serverNote();
                database = testbed.databaseNote();
                if (stop.requested()) progress.note("stopping the testbed ...");
            } finally {
                unpin.run();
                progress.finish();
            }
            // the testbed is stopped: its folders are empty, the forks' scratch files are removed
            String left = folder.clear(JmhFork.FORKS);
            if (left != null && stop.requested()) progress.note("removed what the stopped fork left: " + left);
            if (stop.requested()) {
                String what = "interrupted by " + stop.signal() + " after " + rows.size() + " of " + total + " combinations; "
                        + (total - rows.size()) + " not measured";
                progress.note(what);
                if (rows.isEmpty()) return new Finished(null, stop.exitCode(), what);
                return new Finished(write(measured, started, t0, models, server, database, archive, rows, forks, what), stop.exitCode(), what);
            }
            // written while the signals are still ours: a Ctrl-C now lets the write end, then exits 130
            Path report = write(measured, started, t0, models, server, database, archive, rows, forks, "");
            return new Finished(report, stop.exitCode(), stop.requested() ? "interrupted by " + stop.signal() + " while writing the results"
                    + " of a run that had finished" : "");
        }
    }

    /**
     * The server's ceiling, by wrk when it is installed (fan-out rows then get the higher of
     * their two ideals, {@link ServerCeiling}), else by the suite's own client, which caps it; in the server's note.
     */
    private List<ResultRow> measureServer(TestbedProcesses testbed, List<ResultRow> rows, Progress progress, Interruption stop) {
        Duration warm = settings.preset().capacityWarmUp, measure = settings.preset().capacityMeasure;
        Path wrk = ServerCeiling.wrk();
        if (wrk != null) {
            progress.note("measuring the HTTP testbed server's ceiling with wrk, raw and at each fan-out size ...");
            ServerCeiling.Measured m = ServerCeiling.measure(wrk, testbed.serverUri(),
                    settings.sizes().getOrDefault(BenchScenario.HTTP_FAN_OUT, List.of()), warm, measure, logs.resolve("server-ceiling.log"),
                    stop::requested);
            String ceiling = ServerCeiling.describe(m, measure);
            testbed.addToServerNote(ceiling);
            progress.note("HTTP testbed server: " + ceiling);
            return ServerCeiling.bound(rows, m);
        }
        progress.note(ServerCeiling.MISSING);
        progress.note("measuring the HTTP testbed server's capacity with the suite's client ...");
        String capacity = ServerCapacity.describe(ServerCapacity.requestsPerSecond(URI.create(testbed.serverUri()), settings.httpClient(), warm, measure),
                warm, measure);
        testbed.addToServerNote(capacity + "; " + ServerCeiling.MISSING);
        progress.note("HTTP testbed server: " + capacity);
        return rows;
    }

    private Path write(RunSettings measured, Instant started, long t0, ModelCatalog models, String server, String database, Settled archive,
                       List<ResultRow> rows, JmhFork forks, String interrupted) throws IOException {
        ResultSet results = new ResultSet(RunEnvironment.of(measured, started, (System.nanoTime() - t0) / 1e9, models.describe(), server,
                database, archive.note()).withInterrupted(interrupted), rows);
        results.save(dir);
        if (forks != null && !forks.results().isEmpty()) {
            OutputFolder.print(dir.resolve(ResultSet.JMH_JSON), out -> ResultFormatFactory.getInstance(ResultFormatType.JSON, out)
                    .writeOut(forks.results()));
        }
        return ReportWriter.standard().write(results, dir);
    }

    /**
     * Every combination of the plan, in order, until a signal; each minimal program right after
     * the suite's row it is compared with, its row after all of the suite's. A fork the signal
     * stopped is not a result: it is left out, with everything after it.
     */
    private List<ResultRow> measure(Plan plan, TestbedProcesses testbed, JmhFork forks, PythonFork python, MinimalRuns minimal,
                                    Progress progress, Interruption stop) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        List<ResultRow> minimalRows = new ArrayList<>();
        for (Combination c : plan.combinations()) {
            if (stop.requested()) break;
            progress.begin(c.label());
            boolean checked = minimal != null && minimal.checks(c);
            var properties = testbed.forkProperties(c.scenario().needsServer(), c.scenario().needsDatabase());
            ResultRow row = c.overBudget() ? skipped(c)
                    : c.model().name().equals(AsyncioRow.NAME) ? python.measure(c, properties)
                    : forks.measure(c, properties, !checked);
            // a fork the signal reached did not finish: not a result, whatever its outcome says
            if (stop.requested()) break;
            rows.add(row);
            progress.end(Rows.outcome(row), Math.max(0, c.estimateMs()));
            if (checked) {
                ResultRow m = minimal.run(progress, c, row);
                if (stop.requested()) break;
                minimalRows.add(m);
            }
        }
        rows.addAll(minimalRows);
        return rows;
    }

    private ResultRow skipped(Combination c) {
        String why = Rows.overBudget(c.opEstimateMs(), settings.budget(c.scenario(), c.size(), c.model()));
        int ceiling = c.model().traits().maxMassTasks();
        if (c.scenario() == BenchScenario.GATHER_MASS && c.size().get("N") > ceiling) {
            why += "; N is also above the " + ceiling + " tasks " + c.model().name() + " declares it reaches";
        }
        return Rows.unmeasured(c.scenario(), c.model().name(), ResultRow.SUITE, c.size(), ResultRow.Status.SKIPPED, why);
    }

    /**
     * Why the run measured nothing when every combination it tried failed (the machine's
     * problem, not a model's: a model failing at a size is a result), or null.
     */
    public static String nothingMeasured(List<ResultRow> rows) {
        List<ResultRow> failed = rows.stream().filter(r -> r.status() == ResultRow.Status.FAILED).toList();
        boolean measured = rows.stream().anyMatch(r -> r.status() == ResultRow.Status.OK || r.status() == ResultRow.Status.INCORRECT);
        if (measured || failed.isEmpty()) return null;
        return "nothing was measured: every combination failed (" + failed.size() + "); the first: " + failed.getFirst().note();
    }
}
