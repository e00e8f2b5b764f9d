package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.report.RunView.Sweep;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A scenario's charts, for both reports: time per operation against size with the ideal;
 * efficiency (ideal / time) on a linear axis and CPU time per operation, where the sweep has
 * more than one size (where an operation is many HTTP requests, client CPU per request instead,
 * at every sweep); memory (peak RSS; for the mass gather also memory per waiting task).
 * One chart per sweep of sizes; a sweep of one size is a bar chart. A model's points are
 * joined only when they differ in nothing but the main size. Each chart says below it what it
 * could not plot.
 */
final class Charts {
    private Charts() {
    }

    /**
     * One chart.
     *
     * @param key      unique in the report, also its file name under charts/ (without .svg)
     * @param kind     {@code time} (the main chart), {@code efficiency}, {@code cpu} (per operation or per request) or {@code memory}
     * @param title    what it shows
     * @param svg      the standalone SVG
     * @param footnote the inputs of its points when they differ, and what is not plotted and why; may be empty
     */
    record Chart(String key, String kind, String title, String svg, String footnote) {
    }

    /** A metric a chart can show: {@code value} of an entry (its row's metrics, and its size where the metric needs it). */
    private record Metric(String slug, String kind, String title, String yTitle, Axis.Labels labels, ToDoubleFunction<Entry> value,
                          DoubleFunction<String> format, boolean ideal) {
    }

    private static ToDoubleFunction<Entry> of(ToDoubleFunction<Metrics> metric) {
        return e -> metric.applyAsDouble(e.m());
    }

    private static final Metric TIME = new Metric("time", "time", "Time per operation", "time per operation (ms)", Axis.Labels.SHORT,
            of(Metrics::timeMs), Text::ms, true);
    private static final Metric EFFICIENCY = new Metric("efficiency", "efficiency", "Efficiency (ideal / time)", "efficiency",
            Axis.Labels.PLAIN, of(Metrics::efficiency), Text::eff, true);
    private static final Metric CPU = new Metric("cpu", "cpu", "CPU time per operation", "CPU per operation (ms)", Axis.Labels.SHORT,
            of(Metrics::cpuMsPerOp), Text::ms, false);
    private static final Metric RSS_PEAK = new Metric("rss-peak", "memory", "Peak resident memory", "peak RSS (MiB)",
            Axis.Labels.PLAIN, of(Metrics::rssPeakMb), Text::mib, false);
    private static final Metric RSS_TASK = new Metric("rss-per-task", "memory", "Resident memory per waiting task", "RSS per task",
            Axis.Labels.BYTES, of(Metrics::rssPerTaskBytes), Text::bytes, false);
    private static final Metric HEAP_TASK = new Metric("heap-per-task", "memory", "Live heap per waiting task", "heap per task",
            Axis.Labels.BYTES, of(Metrics::heapPerTaskBytes), Text::bytes, false);
    /** Load's hockey stick: latency from intended start against offered rate, p99 with the objective, and p50. */
    private static final Metric LOAD_P99 = new Metric("latency-p99", "time", "p99 latency from intended start against offered rate",
            "p99 latency (ms)", Axis.Labels.SHORT, of(Metrics::p99Ms), Text::ms, true);
    private static final Metric LOAD_P50 = new Metric("latency-p50", "time", "Median latency from intended start against offered rate",
            "p50 latency (ms)", Axis.Labels.SHORT, of(Metrics::p50Ms), Text::ms, false);
    /** The slug of the chart of CPU per HTTP request, which replaces CPU per operation where an operation is many requests. */
    static final String CPU_PER_REQUEST = "cpu-per-request";

    /** Client CPU per HTTP request, in µs: the scenario's CPU per operation over its requests ({@link BenchScenario#httpRequests}). */
    private static Metric cpuPerRequest(BenchScenario known) {
        return new Metric(CPU_PER_REQUEST, "cpu", "CPU per HTTP request", "client CPU per request (µs)", Axis.Labels.PLAIN,
                e -> e.m().cpuMsPerOp() * 1000 / known.httpRequests(e.size()), v -> Text.num(v) + " µs", false);
    }

    static List<Chart> of(ScenarioView s) {
        List<Chart> charts = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>(s.known == BenchScenario.LOAD ? List.of(LOAD_P99, LOAD_P50, TIME) : List.of(TIME));
        if (s.has(Metrics::efficiency)) metrics.add(EFFICIENCY);
        boolean requests = s.known != null && s.sizes.stream().anyMatch(size -> s.known.httpRequests(size) > 0);
        if (s.has(Metrics::cpuMsPerOp)) metrics.add(requests ? cpuPerRequest(s.known) : CPU);
        if (s.has(Metrics::rssPeakMb)) metrics.add(RSS_PEAK);
        if (s.has(Metrics::rssPerTaskBytes)) metrics.add(RSS_TASK);
        if (s.has(Metrics::heapPerTaskBytes)) metrics.add(HEAP_TASK);
        // a sweep's charts together, the main one first
        for (int i = 0; i < s.sweeps.size(); i++) {
            Sweep sweep = s.sweeps.get(i);
            for (Metric metric : metrics) {
                // sizes where no model has this value are left out, and said so
                // (and a main size of 0, which a log axis cannot place)
                List<Size> with = sweep.sizes().stream().filter(size -> size.x() > 0
                        && s.entries(size).stream().anyMatch(e -> !Double.isNaN(value(e, metric)))).toList();
                if (with.isEmpty()) continue;
                List<Size> without = sweep.sizes().stream().filter(size -> !with.contains(size)).toList();
                Sweep shown = with.size() == sweep.sizes().size() ? sweep
                        : new Sweep(with.size() == 1 ? RunView.rest(with.getFirst()) : sweep.shared(), with);
                // at one size, the time chart's bars and the table say as much (not of CPU per request: the models differ by it)
                if ((metric == EFFICIENCY || metric == CPU) && shown.single()) continue;
                String key = Text.slug(s.id) + "-" + metric.slug() + (s.sweeps.size() > 1 ? "-" + (i + 1) : "");
                List<String> empty = without.stream().filter(size -> size.x() > 0).map(Size::label).toList();
                List<String> zero = without.stream().filter(size -> size.x() <= 0).map(Size::label).toList();
                String none = (empty.isEmpty() ? "" : "No model has a value at " + Text.and(empty) + ". ")
                        + (zero.isEmpty() ? "" : Text.and(zero) + " cannot be placed on a log axis: see the table.");
                charts.add(chart(s, shown, metric, key, none));
            }
        }
        return charts;
    }

    private static Chart chart(ScenarioView s, Sweep sweep, Metric metric, String key, String none) {
        String title = metric.title() + (sweep.single() ? " at " + sweep.sizes().getFirst().label()
                : sweep.shared() == null ? "" : sweep.shared().isEmpty() ? "" : ", " + sweep.shared());
        List<String> foot = new ArrayList<>();
        if (sweep.shared() == null && !sweep.single()) {
            foot.add("Each point has its own inputs, so no line joins them: " + String.join("; ", sweep.sizes().stream().map(Size::label).toList()) + ".");
        }
        if (metric.slug().equals(CPU_PER_REQUEST)) foot.add(ScenarioTerms.cpuPerRequest(s.known));
        if (metric == LOAD_P99) foot.add("Latency is measured from each request's intended start on the arrival clock, so time spent "
                + "queued for a slot counts (no coordinated omission). A model's knee is the last rate before its line crosses the objective.");
        if (!none.isEmpty()) foot.add(none.strip());
        Map<String, Map<String, List<Size>>> missing = new LinkedHashMap<>(); // model -> why -> sizes
        String svg;
        if (sweep.single()) {
            Size size = sweep.sizes().getFirst();
            List<SvgBars.Bar> bars = new ArrayList<>();
            List<Entry> order = metric == TIME ? s.ranked(size) : s.entries(size);
            for (Entry e : order) {
                bars.add(new SvgBars.Bar(e.model(), ModelStyle.of(e.model()), value(e, metric), error(e, metric), why(e), tip(s, e, metric)));
            }
            double ideal = metric == TIME ? s.ideal(size) : Double.NaN;
            svg = SvgBars.bars(key, title, metric.yTitle(), metric.labels(), bars, ideal, "ideal " + Text.ms(ideal), metric != TIME);
        } else {
            List<SvgChart.Series> series = new ArrayList<>();
            for (String model : s.models) {
                List<SvgChart.Point> points = new ArrayList<>();
                String absent = "";
                for (Size size : sweep.sizes()) {
                    Entry e = s.entry(model, size);
                    double v = value(e, metric);
                    if (Double.isNaN(v)) {
                        String why = e.row() != null && e.row().ok() && !e.note().isEmpty() ? e.note() : why(e);
                        missing.computeIfAbsent(model, k -> new LinkedHashMap<>()).computeIfAbsent(why, k -> new ArrayList<>()).add(size);
                        if (absent.isEmpty()) absent = why(e);
                    }
                    points.add(new SvgChart.Point(size.x(), v, error(e, metric), tip(s, e, metric)));
                }
                series.add(new SvgChart.Series(model, ModelStyle.of(model), points, "none: " + absent));
            }
            SvgChart.Series ideal = null;
            if (metric.ideal()) {
                List<SvgChart.Point> points = new ArrayList<>();
                for (Size size : sweep.sizes()) {
                    double at = s.ideal(size);
                    if (metric == LOAD_P99) {
                        double objective = LoadReadings.objectiveMs(size);
                        points.add(new SvgChart.Point(size.x(), objective, Double.NaN, "the objective: p99 within " + Text.ms(objective)));
                        continue;
                    }
                    points.add(metric == TIME ? new SvgChart.Point(size.x(), at, Double.NaN, "ideal at " + size.label() + ": " + Text.ms(at))
                            : new SvgChart.Point(size.x(), Double.isNaN(at) ? Double.NaN : 1, Double.NaN, "the ideal is 1 at every size"));
                }
                ideal = new SvgChart.Series(metric == LOAD_P99 ? "objective" : "ideal", ModelStyle.IDEAL, points, "");
                if (ideal.empty() && metric == TIME) foot.add("No ideal line: the results give no ideal time for this scenario (its work is not a wait).");
            }
            SvgChart.Plot plot = new SvgChart.Plot(key, title, s.xTitle(), metric.yTitle(), metric.labels(), metric != TIME, sweep.shared() != null,
                    metric == EFFICIENCY);
            svg = SvgChart.lines(plot, sweep.xs(), series, ideal);
        }
        if (!missing.isEmpty()) {
            List<String> parts = new ArrayList<>();
            missing.forEach((model, byWhy) -> byWhy.forEach((why, sizes) -> parts.add(model + " at "
                    + (sizes.size() == sweep.sizes().size() && sizes.size() > 1 ? "every size" : Text.and(sizes.stream().map(Readings::main).toList()))
                    + " (" + why + ")")));
            foot.add("Not plotted: " + String.join("; ", parts) + ".");
        }
        return new Chart(key, metric.kind(), title, svg, String.join(" ", foot));
    }

    /**
     * The sentences of a footnote that {@code said} does not hold yet, which it then does: the
     * charts of a sweep share what they cannot plot, and a section says it once.
     */
    static String unsaid(String footnote, Set<String> said) {
        List<String> out = new ArrayList<>();
        for (String sentence : footnote.split("(?<=\\.) (?=[A-Z])")) if (!sentence.isBlank() && said.add(sentence)) out.add(sentence);
        return String.join(" ", out);
    }

    private static double value(Entry e, Metric metric) {
        if (e.row() == null || !e.row().ok()) return Double.NaN;
        double v = metric.value().applyAsDouble(e);
        return v > 0 ? v : Double.NaN;
    }

    /** The half-width of a value's interval, where there is one: time's, and efficiency's through it. */
    private static double error(Entry e, Metric metric) {
        Metrics m = e.m();
        if (metric == TIME) return m.timeErrorMs();
        if (metric == EFFICIENCY) return m.efficiency() * m.timeErrorMs() / m.timeMs();
        return Double.NaN;
    }

    /** Why an entry has no value: its status, or for a measured row without this metric, "not measured". */
    private static String why(Entry e) {
        return e.row() != null && e.row().ok() ? "not measured" : e.status();
    }

    private static String tip(ScenarioView s, Entry e, Metric metric) {
        String head = e.model() + " at " + e.size().label() + ": ";
        double v = value(e, metric);
        if (Double.isNaN(v)) return head + why(e) + (e.note().isEmpty() ? "" : " (" + e.note() + ")");
        Metrics m = e.m();
        if (metric == EFFICIENCY) return head + Text.eff(v) + " (" + Text.ms(m.timeMs()) + " against the ideal " + Text.ms(m.idealMs()) + ")";
        if (metric.slug().equals(CPU_PER_REQUEST)) {
            return head + metric.format().apply(v) + " (" + Text.ms(m.cpuMsPerOp()) + " of CPU per operation of " + Text.count(s.known.httpRequests(e.size())) + " requests)";
        }
        if (metric != TIME) return head + metric.format().apply(v);
        double ideal = s.ideal(e.size());
        return head + Text.ms(v) + (Double.isNaN(m.timeErrorMs()) ? "" : " ± " + Text.num(m.timeErrorMs()))
                + (Double.isNaN(ideal) ? "" : ", " + Text.eff(ideal / v) + " of the ideal " + Text.ms(ideal));
    }
}
