package dev.asyncbench.bench.run;

import dev.asyncbench.bench.report.ReportWriter;
import dev.asyncbench.bench.results.BenchScenario;
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
 * combination of the {@link Plan} in a JMH fork of its own ({@link JmhFork}), runs the
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

    /** Runs everything; returns the report's main file. */
    public Path execute() throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Files.createDirectories(logs);

        ModelCatalog models = ModelCatalog.probe(settings.forkFlags(), settings.models());
        Plan plan = Plan.of(settings, models);
        MinimalRuns planned = settings.minimal() ? new MinimalRuns(settings, logs, models) : null;
        double estimate = plan.estimateMs() + (planned == null ? 0 : planned.estimateMs());
        int total = plan.combinations().size() + (planned == null ? 0 : planned.combinations());
        Progress progress = new Progress(out, Progress.terminal(), total, estimate);
        int count = settings.models().size();
        out.println("asyncbench: " + settings.label() + " run of " + total + " combinations (" + count + (count == 1 ? " model" : " models")
                + "), about " + Progress.format(Duration.ofMillis((long) estimate)) + "; results in " + dir);

        Thread killForks = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "forks-stop");
        Runtime.getRuntime().addShutdownHook(killForks);
        List<ResultRow> rows = new ArrayList<>();
        JmhFork forks;
        String server;
        String database;
        Settled archive;
        RunSettings measured;
        try (TestbedProcesses testbed = new TestbedProcesses()) {
            testbed.startFor(settings, logs, progress);
            archive = ClassArchive.settle(settings, testbed, models.providers(), logs, progress);
            // every measured JVM from here on runs with these settings, the archive settled
            measured = archive.file() == null ? settings : settings.withClassArchive(archive.file());
            forks = new JmhFork(measured, logs, models.providers());
            MinimalRuns minimal = settings.minimal() ? new MinimalRuns(measured, logs, models) : null;
            rows.addAll(measure(plan, testbed, forks, minimal, progress));
            if (testbed.serverUri() != null) {
                // at the end, when the server's JIT has seen the whole run
                progress.note("measuring the HTTP testbed server's capacity ...");
                Duration warm = settings.preset().capacityWarmUp, measure = settings.preset().capacityMeasure;
                String capacity = ServerCapacity.describe(ServerCapacity.requestsPerSecond(URI.create(testbed.serverUri()), warm, measure),
                        warm, measure);
                testbed.addToServerNote(capacity);
                progress.note("HTTP testbed server: " + capacity);
            }
            server = testbed.serverNote();
            database = testbed.databaseNote();
        } finally {
            progress.finish();
            try {
                Runtime.getRuntime().removeShutdownHook(killForks);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }

        ResultSet results = new ResultSet(RunEnvironment.of(measured, started, (System.nanoTime() - t0) / 1e9, models.describe(), server,
                database, archive.note()), rows);
        results.save(dir);
        if (!forks.results().isEmpty()) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, dir.resolve(ResultSet.JMH_JSON).toString()).writeOut(forks.results());
        }
        return ReportWriter.standard().write(results, dir);
    }

    /**
     * Every combination of the plan, in order; each minimal program right after the suite's row
     * it is compared with, its row after all of the suite's.
     */
    private List<ResultRow> measure(Plan plan, TestbedProcesses testbed, JmhFork forks, MinimalRuns minimal, Progress progress)
            throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        List<ResultRow> minimalRows = new ArrayList<>();
        for (Combination c : plan.combinations()) {
            progress.begin(c.label());
            String problem = testbed.problemFor(c.scenario());
            boolean checked = minimal != null && minimal.checks(c);
            ResultRow row = problem != null ? notRun(c, problem)
                    : c.overBudget() ? skipped(c)
                    : forks.measure(c, testbed.forkProperties(c.scenario().needsServer(), c.scenario().needsDatabase()), !checked);
            rows.add(row);
            progress.end(Rows.outcome(row), Math.max(0, c.estimateMs()));
            if (checked) minimalRows.add(minimal.run(progress, c, row));
        }
        rows.addAll(minimalRows);
        return rows;
    }

    /** A combination whose testbed is missing: a failed row saying which part and why, no fork. */
    private static ResultRow notRun(Combination c, String problem) {
        return Rows.unmeasured(c.scenario(), c.model().name(), ResultRow.SUITE, c.size(), ResultRow.Status.FAILED, "not run: " + problem);
    }

    private ResultRow skipped(Combination c) {
        String why = Rows.overBudget(c.opEstimateMs(), settings.budget());
        int ceiling = c.model().traits().maxMassTasks();
        if (c.scenario() == BenchScenario.GATHER_MASS && c.size().get("N") > ceiling) {
            why += "; N is also above the " + ceiling + " tasks " + c.model().name() + " declares it reaches";
        }
        return Rows.unmeasured(c.scenario(), c.model().name(), ResultRow.SUITE, c.size(), ResultRow.Status.SKIPPED, why);
    }
}
