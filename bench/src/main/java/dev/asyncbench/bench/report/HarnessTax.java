package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The no-harness-tax check: each model's minimal program (the same waits, no TaskScenario, no
 * JMH) against the suite's row at the same size. A difference over {@link #THRESHOLD} in time or
 * memory is flagged: the suite would be measuring itself, not the model.
 */
final class HarnessTax {
    private HarnessTax() {
    }

    /** Differences beyond 15% are flagged. */
    static final double THRESHOLD = 0.15;

    /** A minimal row and the suite's row at the same scenario, model and size (null when the suite has none). */
    record Pair(String scenario, String model, Size size, ResultRow suite, ResultRow minimal) {
    }

    /** What the check compares, with the unit formatter of each. */
    enum Measure {
        TIME("time, ms", Metrics::timeMs, Text::num),
        /** The first operation in a fresh JVM: one each, so no margins. */
        COLD("cold (first op), ms", Metrics::coldMs, Text::num),
        RSS_PEAK("peak RSS, MiB", Metrics::rssPeakMb, Text::num),
        RSS_PER_TASK("RSS per task", Metrics::rssPerTaskBytes, Text::bytes),
        HEAP_PER_TASK("heap per task", Metrics::heapPerTaskBytes, Text::bytes);

        final String label;
        final ToDoubleFunction<Metrics> value;
        final DoubleFunction<String> format;

        Measure(String label, ToDoubleFunction<Metrics> value, DoubleFunction<String> format) {
            this.label = label;
            this.value = value;
            this.format = format;
        }
    }

    /**
     * One measure of a pair: suite and minimal values, the suite's difference relative to the
     * minimal program, whether it is flagged, and (time only) whether it is within the two error
     * margins together, that is, not shown to be a difference at all.
     */
    record Diff(double suite, double minimal, double relative, boolean flagged, boolean withinNoise) {
        boolean comparable() {
            return !Double.isNaN(relative);
        }
    }

    /** Every minimal row with its suite row, by size then model. */
    static List<Pair> pairs(RunView view) {
        List<Pair> pairs = new ArrayList<>();
        for (ResultRow m : view.minimal) {
            ResultRow suite = view.results.rows().stream()
                    .filter(r -> !ResultRow.MINIMAL.equals(r.harness()) && r.scenario().equals(m.scenario())
                            && r.model().equals(m.model()) && r.size().label().equals(m.size().label()))
                    .findFirst().orElse(null);
            pairs.add(new Pair(m.scenario(), m.model(), m.size(), suite, m));
        }
        pairs.sort(Comparator.comparing(Pair::scenario).thenComparingLong(p -> p.size().x())
                .thenComparingInt(p -> view.models.indexOf(p.model())).thenComparing(Pair::model));
        return pairs;
    }

    static Diff diff(Pair p, Measure measure) {
        double s = usable(p.suite()) ? measure.value.applyAsDouble(p.suite().metrics()) : Double.NaN;
        double m = usable(p.minimal()) ? measure.value.applyAsDouble(p.minimal().metrics()) : Double.NaN;
        double rel = (s - m) / m;
        if (!(m > 0)) rel = Double.NaN;
        boolean flagged = Math.abs(rel) > THRESHOLD;
        boolean noise = false;
        if (measure == Measure.TIME && !Double.isNaN(rel)) {
            double e = p.suite().metrics().timeErrorMs() + p.minimal().metrics().timeErrorMs();
            noise = !Double.isNaN(e) && Math.abs(s - m) <= e;
        }
        return new Diff(s, m, rel, flagged, noise);
    }

    private static boolean usable(ResultRow r) {
        return r != null && r.ok();
    }

    /** Measures that any pair has on both sides. */
    static List<Measure> measures(List<Pair> pairs) {
        List<Measure> out = new ArrayList<>();
        for (Measure m : Measure.values()) {
            if (m == Measure.TIME || pairs.stream().anyMatch(p -> diff(p, m).comparable())) out.add(m);
        }
        return out;
    }

    /** What the two rows of a pair say beyond their numbers: status and note of each, if any. */
    static String note(Pair p) {
        List<String> parts = new ArrayList<>();
        if (p.suite() == null) parts.add("suite: no row at this size");
        else if (!p.suite().ok() || !p.suite().note().isEmpty()) parts.add("suite: " + rowNote(p.suite()));
        if (!p.minimal().ok() || !p.minimal().note().isEmpty()) parts.add("minimal: " + rowNote(p.minimal()));
        return String.join("; ", parts);
    }

    private static String rowNote(ResultRow r) {
        String note = new Entry(r.model(), r.size(), r).reason();
        if (r.ok()) return note;
        return r.status().id() + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
