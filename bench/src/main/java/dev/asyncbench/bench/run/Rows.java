package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkOutcome;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.Size;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The rows of what was not measured: skipped over the budget, not run, failed or incorrect. */
final class Rows {

    private Rows() {
    }

    /** A row with no figures but the ideal. */
    static ResultRow unmeasured(BenchScenario s, String model, String harness, Size size, ResultRow.Status status, String why) {
        return new ResultRow(s.id(), model, harness, size, status, why, Metrics.builder().idealMs(s.idealMs(size)).build());
    }

    /** Why a combination expected to take {@code opMs} per operation is over the run's budget. */
    static String overBudget(double opMs, Duration budget) {
        return String.format(Locale.ROOT, "one operation is expected to take about %s here, over this run's budget of %s per operation (--budget)",
                Durations.format(Duration.ofMillis((long) opMs)), Durations.format(budget));
    }

    /** The row of a JVM that reported {@code problem} (failed or incorrect), with its notes. */
    static ResultRow problem(BenchScenario s, String model, String harness, Size size, ForkOutcome.Problem problem, List<String> notes) {
        ResultRow.Status status = problem instanceof ForkOutcome.Incorrect ? ResultRow.Status.INCORRECT : ResultRow.Status.FAILED;
        String note = problem.describe() + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        return unmeasured(s, model, harness, size, status, note);
    }

    /** One line for the progress display. */
    static String outcome(ResultRow row) {
        Metrics m = row.metrics();
        return switch (row.status()) {
            case OK -> String.format(Locale.ROOT, "%.1f ms%s", m.timeMs(),
                    Double.isNaN(m.timeErrorMs()) ? "" : String.format(Locale.ROOT, " ± %.1f", m.timeErrorMs()));
            case SKIPPED -> "skipped: " + row.note();
            default -> row.status().id() + ": " + row.note();
        };
    }
}
