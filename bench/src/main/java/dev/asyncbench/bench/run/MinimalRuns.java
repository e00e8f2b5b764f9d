package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkOutcome;
import dev.asyncbench.bench.fork.ForkProtocol;
import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.ModelsProbe.Model;
import dev.asyncbench.bench.minimal.MinimalMain;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.PoolLimit;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.Size;
import dev.asyncbench.bench.run.Plan.Combination;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The no-harness-tax check: each model's minimal program ({@code dev.asyncbench.bench.minimal})
 * doing the mass gather's waits with no suite around it, in a JVM with the forks' flags, at
 * the preset's sizes, each right after the suite's fork of the same model and size. Its rows
 * (harness {@code minimal}) sit next to the suite's for the same size, so the report can show
 * the suite within about 15% of the bare program. The asyncio row is not checked: its harness
 * is a Python process with no JMH around it ({@link PythonFork}).
 */
public final class MinimalRuns {

    private static final BenchScenario GATHER_MASS = BenchScenario.GATHER_MASS;

    private final RunSettings settings;
    private final Path logs;
    private final ModelCatalog models;

    MinimalRuns(RunSettings settings, Path logs, ModelCatalog models) {
        this.settings = settings;
        this.logs = logs;
        this.models = models;
    }

    /** The sizes checked: the preset's mass-gather sizes at the preset's N for this check. */
    List<Size> sizes() {
        return settings.preset().sizes(GATHER_MASS).stream().filter(s -> settings.preset().minimalSizes.contains((int) s.get("N"))).toList();
    }

    int combinations() {
        return sizes().size() * (int) settings.models().stream().filter(m -> !m.equals(AsyncioRow.NAME)).count();
    }

    /** The estimate of every program, in ms. */
    double estimateMs() {
        double ms = 0;
        for (Size size : sizes()) for (String m : settings.models()) if (!m.equals(AsyncioRow.NAME)) ms += estimateMs(size, models.get(m));
        return ms;
    }

    /** Whether the check runs this combination's model at its size: the suite's row for it is measured just before. */
    boolean checks(Combination c) {
        return c.scenario() == GATHER_MASS && sizes().contains(c.size()) && settings.models().contains(c.model().name())
                && !c.model().name().equals(AsyncioRow.NAME);
    }

    /**
     * Runs the model's program at this size, right after the suite measured the same ({@code suite}), so that
     * both meet the machine in the same state (bench/RESULTS.md). It is not run where the suite's row failed:
     * a comparison needs both.
     */
    ResultRow run(Progress progress, Combination c, ResultRow suite) throws IOException {
        Model model = c.model();
        Size size = c.size();
        progress.begin("minimal " + model.name() + " " + size.label());
        double op = Estimates.opMs(GATHER_MASS, size, model);
        ResultRow row = op > settings.budget().toMillis() ? skipped(model, size, Rows.overBudget(op, settings.budget()))
                : !MinimalMain.has(model.name()) ? skipped(model, size, "no minimal program for this model")
                : !suite.ok() ? skipped(model, size, "the suite's row at this size is " + suite.status().id() + ", nothing to compare with")
                : measure(model, size, op);
        progress.end(Rows.outcome(row), estimateMs(size, model));
        return row;
    }

    double estimateMs(Size size, Model model) {
        double op = Estimates.opMs(GATHER_MASS, size, model);
        // over the budget, or above the model's ceiling (the suite's row fails, nothing to compare): not run
        if (op > settings.budget().toMillis() || size.get("N") > model.traits().maxMassTasks() || !MinimalMain.has(model.name())) return 0;
        double probe = Estimates.probeMs(size, model, settings.preset().memoryProbes);
        int runs = settings.warmups(BenchScenario.GATHER_MASS, op) + settings.measurements(BenchScenario.GATHER_MASS, op);
        return 800 + runs * op + probe + Estimates.gcMs(GATHER_MASS, size, runs);
    }

    private static ResultRow skipped(Model model, Size size, String why) {
        return Rows.unmeasured(GATHER_MASS, model.name(), ResultRow.MINIMAL, size, ResultRow.Status.SKIPPED, why);
    }

    private ResultRow measure(Model model, Size size, double opMs) throws IOException {
        String name = "minimal-" + model.name() + "-N" + size.get("N");
        Path log = logs.resolve(name + ".log");
        Path report = logs.resolve(name + ".report");
        Files.deleteIfExists(report);
        int warmups = settings.warmups(BenchScenario.GATHER_MASS, opMs);
        int measurements = settings.measurements(BenchScenario.GATHER_MASS, opMs);
        Map<Property, Object> properties = new EnumMap<>(Property.class);
        properties.put(Property.MODEL, model.name());
        properties.put(Property.SIZE, size.label());
        properties.put(Property.WARMUPS, warmups);
        properties.put(Property.MEASUREMENTS, measurements);
        properties.put(Property.POOL, model.traits().maxWaiting());
        properties.put(Property.GC_BETWEEN, GATHER_MASS.collectsBetweenIterations(size));
        properties.put(Property.MEMORY_PROBES, settings.preset().memoryProbes);
        properties.put(Property.REPORT, report.toAbsolutePath());
        List<String> command = new ArrayList<>(JavaCommand.java(JmhFork.FORKS));
        command.addAll(settings.forkFlags());
        command.addAll(ForkProtocol.args(properties));
        command.addAll(List.of("-cp", JavaCommand.classPath(), MinimalMain.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long timeoutMs = (long) (60_000 + 5 * (warmups + measurements + 3) * opMs);
        boolean finished = ChildProcess.ended(p, timeoutMs);
        ForkOutcome outcome = ForkOutcome.read(report);
        List<Double> times = outcome.values().getOrDefault(Measure.TIME, List.of());
        ForkOutcome.Problem problem = !finished ? new ForkOutcome.Failed("did not finish within " + timeoutMs / 1000 + " s")
                : outcome.problem() != null ? outcome.problem()
                : p.exitValue() != 0 ? new ForkOutcome.Failed("the program exited with " + p.exitValue() + " before its end; see logs/"
                        + log.getFileName())
                : times.isEmpty() ? new ForkOutcome.Failed("the program reported no time; see logs/" + log.getFileName()) : null;
        if (problem != null) return Rows.problem(GATHER_MASS, model.name(), ResultRow.MINIMAL, size, problem, outcome.notes());
        ListStatistics stats = new ListStatistics();
        times.forEach(stats::addValue);
        Metrics m = Metrics.builder().idealMs(GATHER_MASS.idealMs(size))
                .samples(stats.getN()).time(stats.getMean(), stats.getN() >= 2 ? stats.getMeanErrorAt(0.999) : Double.NaN)
                .threadsPeak(outcome.value(Measure.THREADS_PEAK))
                .rssPeakMb(outcome.value(Measure.RSS_PEAK))
                .heapPerTaskBytes(outcome.value(Measure.HEAP_PER_TASK))
                .rssPerTaskBytes(outcome.value(Measure.RSS_PER_TASK))
                .coldMs(outcome.value(Measure.COLD))
                .build();
        List<String> notes = new ArrayList<>(outcome.notes());
        String pool = PoolLimit.note(GATHER_MASS, size, model.traits());
        if (pool != null) notes.add(pool);
        return new ResultRow(GATHER_MASS.id(), model.name(), ResultRow.MINIMAL, size, ResultRow.Status.OK, String.join("; ", notes), m);
    }
}
