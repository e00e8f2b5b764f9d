package dev.asyncbench.bench.run;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.Size;
import dev.asyncbench.core.Traits;
import org.openjdk.jmh.util.ListStatistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The no-harness-tax check: each model's minimal program ({@code dev.asyncbench.bench.minimal})
 * doing the mass gather's waits with no suite around it, in a JVM with the forks' flags, at
 * the preset's sizes, each right after the suite's fork of the same model and size. Its rows
 * (harness {@code minimal}) sit next to the suite's for the same size, so the report can show
 * the suite within about 15% of the bare program.
 */
public final class MinimalRuns {

    static final String MAIN = "dev.asyncbench.bench.minimal.MinimalMain";

    private final RunSettings settings;
    private final Path logs;
    private final Map<String, Traits> traits;

    MinimalRuns(RunSettings settings, Path logs, Map<String, Traits> traits) {
        this.settings = settings;
        this.logs = logs;
        this.traits = traits;
    }

    /** The sizes checked: the preset's mass-gather sizes at the preset's N for this check. */
    List<Size> sizes() {
        return settings.preset().sizes(BenchScenario.GATHER_MASS).stream()
                .filter(s -> settings.preset().minimalSizes.contains((int) s.get("N"))).toList();
    }

    int combinations() {
        return sizes().size() * settings.models().size();
    }

    /** Whether the check runs this model's program at this size: the suite's row for it is measured just before. */
    boolean checks(BenchScenario scenario, Size size, String model) {
        return scenario == BenchScenario.GATHER_MASS && sizes().contains(size) && settings.models().contains(model);
    }

    /**
     * Runs the model's program at this size, right after the suite measured the same ({@code suite}; null when
     * it did not), so that both meet the machine in the same state: a minimal program run tens of minutes
     * later, at the end of a full run, read up to 18% apart from its suite row on a shared machine. It is
     * not run where the suite's row failed: a comparison needs both.
     */
    ResultRow run(Progress progress, Size size, String model, ResultRow suite) throws IOException {
        progress.begin("minimal " + model + " " + size.label());
        Traits t = traits.get(model);
        double op = Estimates.opMs(BenchScenario.GATHER_MASS, size, model, t);
        ResultRow row = op > settings.budget().toMillis() ? skipped(model, size, op)
                : suite != null && !suite.ok() ? notCompared(model, size, suite)
                : measure(model, size, t, op);
        progress.end(row.ok() ? String.format(Locale.ROOT, "%.1f ms", row.metrics().timeMs()) : row.status().id() + ": " + row.note(),
                estimateMs(size, model, t));
        return row;
    }

    double estimateMs(Size size, String model, Traits t) {
        double op = Estimates.opMs(BenchScenario.GATHER_MASS, size, model, t);
        // over the budget, or above the model's ceiling (the suite's row fails, nothing to compare): not run
        if (op > settings.budget().toMillis() || size.get("N") > t.maxMassTasks()) return 0;
        double probe = Estimates.probeMs(size, model, t, settings.preset().memoryProbes);
        int runs = settings.warmups(op) + settings.measurements(op);
        return 800 + runs * op + probe + Estimates.gcMs(BenchScenario.GATHER_MASS, size, runs);
    }

    private static ResultRow notCompared(String model, Size size, ResultRow suite) {
        return new ResultRow(BenchScenario.GATHER_MASS.id(), model, ResultRow.MINIMAL, size, ResultRow.Status.SKIPPED,
                "the suite's row at this size is " + suite.status().id() + ", nothing to compare with",
                Metrics.builder().idealMs(BenchScenario.GATHER_MASS.idealMs(size)).build());
    }

    private ResultRow skipped(String model, Size size, double op) {
        return new ResultRow(BenchScenario.GATHER_MASS.id(), model, ResultRow.MINIMAL, size, ResultRow.Status.SKIPPED,
                String.format(Locale.ROOT, "one operation is expected to take about %s here, over this run's budget of %s per operation",
                        Durations.format(java.time.Duration.ofMillis((long) op)), Durations.format(settings.budget())),
                Metrics.builder().idealMs(BenchScenario.GATHER_MASS.idealMs(size)).build());
    }

    private ResultRow measure(String model, Size size, Traits t, double opMs) throws IOException {
        List<String> command = new ArrayList<>(JavaCommand.java());
        command.addAll(settings.forkFlags());
        command.add("-D" + dev.asyncbench.bench.fork.MemoryProbe.PROBES + "=" + settings.preset().memoryProbes);
        command.addAll(List.of("-cp", JavaCommand.classPath(), MAIN, model, Long.toString(size.get("N")), Long.toString(size.get("L")),
                Integer.toString(settings.warmups(opMs)), Integer.toString(settings.measurements(opMs)), Integer.toString(t.maxWaiting()),
                Boolean.toString(BenchScenario.GATHER_MASS.collectsBetweenIterations(size))));
        Path log = logs.resolve("minimal-" + model + "-N" + size.get("N") + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long timeoutMs = (long) (60_000 + 5 * (settings.warmups(opMs) + settings.measurements(opMs) + 3) * opMs);
        boolean finished;
        try {
            finished = p.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        ListStatistics times = new ListStatistics();
        Metrics.Builder m = Metrics.builder().idealMs(BenchScenario.GATHER_MASS.idealMs(size));
        String failure = finished ? null : "did not finish within " + timeoutMs / 1000 + " s";
        List<String> notes = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] kv = line.split(" ", 2);
            if (kv.length < 2) continue;
            switch (kv[0]) {
                case "time_ms" -> times.addValue(Double.parseDouble(kv[1]));
                case "threads_peak" -> m.threadsPeak(Double.parseDouble(kv[1]));
                case "rss_peak_mb" -> m.rssPeakMb(Double.parseDouble(kv[1]));
                case "heap_per_task" -> m.heapPerTaskBytes(Double.parseDouble(kv[1]));
                case "rss_per_task" -> m.rssPerTaskBytes(Double.parseDouble(kv[1]));
                case "note:" -> notes.add(kv[1]);
                case "failure:" -> failure = kv[1];
                default -> { }
            }
        }
        if (failure == null && times.getN() == 0) failure = "the program printed no time; see logs/" + log.getFileName();
        String note = String.join("; ", notes);
        if (failure != null) {
            boolean incorrect = failure.startsWith("Incorrect benchmark");
            return new ResultRow(BenchScenario.GATHER_MASS.id(), model, ResultRow.MINIMAL, size,
                    incorrect ? ResultRow.Status.INCORRECT : ResultRow.Status.FAILED,
                    (incorrect ? "" : "failed at " + size.label() + ": ") + failure, m.build());
        }
        m.samples(times.getN()).time(times.getMean(), times.getN() >= 2 ? times.getMeanErrorAt(0.999) : Double.NaN);
        return new ResultRow(BenchScenario.GATHER_MASS.id(), model, ResultRow.MINIMAL, size, ResultRow.Status.OK, note, m.build());
    }
}
