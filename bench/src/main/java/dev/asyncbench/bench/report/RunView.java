package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import dev.asyncbench.core.Models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A result set arranged for reading: the run's models and scenarios in the suite's order, each
 * scenario's sizes and the charts ("sweeps") they fall into, and one {@link Entry} for every
 * model at every size, including a model with no row at all (status {@code missing}): the
 * report never leaves a silent gap.
 */
final class RunView {

    final ResultSet results;
    final Environment env;
    /** Every model of the run: environment.json's and any with a row, in the models' own order ({@link Models#ordered}). */
    final List<String> models;
    final List<ScenarioView> scenarios;
    /** The suite's scenarios that this run did not include. */
    final List<String> absent;
    /** Rows of the no-harness-tax check ({@code harness=minimal}). */
    final List<ResultRow> minimal;

    /**
     * The runtime of a model that runs outside the JVM, from its configuration line
     * ("asyncio on CPython 3.11.2: ..."): "CPython 3.11.2"; null for the JVM's models.
     */
    String runtime(String model) {
        String line = env.models().get(model);
        if (line == null) return null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(model) + " on ([^:]+?):").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private RunView(ResultSet results) {
        this.results = results;
        this.env = results.environment();
        Set<String> names = new LinkedHashSet<>(env.models().keySet());
        for (ResultRow r : results.rows()) names.add(r.model());
        this.models = Models.ordered(names);

        Map<String, List<ResultRow>> byScenario = new LinkedHashMap<>();
        for (BenchScenario s : BenchScenario.values()) byScenario.put(s.id(), new ArrayList<>());
        List<ResultRow> min = new ArrayList<>();
        for (ResultRow r : results.rows()) {
            if (ResultRow.MINIMAL.equals(r.harness())) min.add(r);
            else byScenario.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
        }
        this.minimal = List.copyOf(min);
        List<ScenarioView> views = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        byScenario.forEach((id, rows) -> {
            if (rows.isEmpty()) missing.add(id);
            else views.add(new ScenarioView(id, rows, models, env.cores()));
        });
        this.scenarios = List.copyOf(views);
        this.absent = List.copyOf(missing);
    }

    static RunView of(ResultSet results) {
        return new RunView(results);
    }

    /** Every model at one size of one scenario: its row, or none. */
    record Entry(String model, Size size, ResultRow row) {

        static final String MISSING_NOTE = "no row in results.csv for this model at this size";

        /** Ran, answered correctly and has a time. */
        boolean measured() {
            return row != null && row.ok() && !Double.isNaN(row.metrics().timeMs());
        }

        /** {@code ok}, {@code failed}, {@code incorrect}, {@code skipped}, or {@code missing} (no row). */
        String status() {
            return row == null ? "missing" : row.status().id();
        }

        /** The row's note, durations written for people ({@link Text#durations}); for no row, why. */
        String note() {
            return row == null ? MISSING_NOTE : Text.durations(row.note());
        }

        Metrics m() {
            return row == null ? Metrics.NONE : row.metrics();
        }

        /** The reason without the size it repeats: "failed at N=10 L=20ms: X" reads "X". */
        String reason() {
            String n = note();
            String prefix = "failed at " + size.label() + ": ";
            if (n.startsWith(prefix)) n = n.substring(prefix.length());
            if (n.startsWith("skipped: ")) n = n.substring("skipped: ".length());
            return n;
        }
    }

    /**
     * Sizes that share one chart: a sweep of the main size at {@code shared} inputs (the size
     * label without its main letter), or, with {@code shared} null, sizes that differ in more
     * than the main size, each point at its own inputs.
     */
    record Sweep(String shared, List<Size> sizes) {
        List<Double> xs() {
            return sizes.stream().map(s -> (double) s.x()).toList();
        }

        boolean single() {
            return sizes.size() == 1;
        }
    }

    /** One scenario of the run. */
    static final class ScenarioView {
        final String id;
        /** Null for a scenario this version of the suite does not know. */
        final BenchScenario known;
        final List<String> models;
        final List<Size> sizes;
        final List<Sweep> sweeps;
        /** The measured machine's cores (environment.json), for telling CPU-bound times apart. */
        final int cores;
        private final Map<String, Map<String, ResultRow>> rows = new LinkedHashMap<>();

        ScenarioView(String id, List<ResultRow> scenarioRows, List<String> models, int cores) {
            this.id = id;
            this.cores = cores;
            BenchScenario k = null;
            for (BenchScenario s : BenchScenario.values()) if (s.id().equals(id)) k = s;
            this.known = k;
            this.models = models;
            Map<String, Size> sizesByLabel = new LinkedHashMap<>();
            for (ResultRow r : scenarioRows) {
                sizesByLabel.putIfAbsent(r.size().label(), r.size());
                rows.computeIfAbsent(r.size().label(), l -> new LinkedHashMap<>()).putIfAbsent(r.model(), r);
            }
            List<Size> ordered = new ArrayList<>(sizesByLabel.values());
            ordered.sort(Comparator.comparingLong(Size::x)); // stable: equal x keep the run's order
            this.sizes = List.copyOf(ordered);
            this.sweeps = sweeps(sizes);
        }

        String summary() {
            return known == null ? "" : known.summary();
        }

        /** The main size's letter (N, K, Q, ...). */
        String axis() {
            return sizes.getFirst().axis();
        }

        Entry entry(String model, Size size) {
            return new Entry(model, size, rows.getOrDefault(size.label(), Map.of()).get(model));
        }

        /** Every model of the run at this size, in the suite's order. */
        List<Entry> entries(Size size) {
            return models.stream().map(m -> entry(m, size)).toList();
        }

        /** Fastest first; then incorrect, failed, skipped, missing. */
        List<Entry> ranked(Size size) {
            List<Entry> list = new ArrayList<>(entries(size));
            list.sort(Comparator.comparingInt(RunView::order).thenComparingDouble(e -> e.measured() ? e.m().timeMs() : 0));
            return list;
        }

        /** SPEC.md's lower bound at this size as the rows give it; NaN when none has it. */
        double ideal(Size size) {
            for (ResultRow r : rows.getOrDefault(size.label(), Map.of()).values()) {
                if (!Double.isNaN(r.metrics().idealMs())) return r.metrics().idealMs();
            }
            return Double.NaN;
        }

        /** The largest size where some model was measured, or null. */
        Size largestMeasured() {
            for (int i = sizes.size() - 1; i >= 0; i--) {
                Size s = sizes.get(i);
                if (entries(s).stream().anyMatch(Entry::measured)) return s;
            }
            return null;
        }

        /** Whether any row of the scenario has this metric. */
        boolean has(ToDoubleFunction<Metrics> metric) {
            for (var m : rows.values()) for (ResultRow r : m.values()) if (!Double.isNaN(metric.applyAsDouble(r.metrics()))) return true;
            return false;
        }

        /** Whether any row has this metric above zero. */
        boolean hasPositive(ToDoubleFunction<Metrics> metric) {
            for (var m : rows.values()) for (ResultRow r : m.values()) if (metric.applyAsDouble(r.metrics()) > 0) return true;
            return false;
        }

        /** What the main size counts, for axis titles: "N (tasks)". */
        String xTitle() {
            return known == null ? axis() : axis() + " (" + ScenarioTerms.counts(known) + ")";
        }
    }

    private static int order(Entry e) {
        if (e.measured()) return 0;
        return switch (e.status()) {
            case "ok" -> 1;
            case "incorrect" -> 2;
            case "failed" -> 3;
            case "skipped" -> 4;
            default -> 5;
        };
    }

    /**
     * Sizes sharing every input but the main one form a sweep (one line chart, captioned with the
     * shared inputs); the remaining sizes share charts as long as their main sizes differ. A
     * sweep of a single size becomes a bar chart.
     */
    static List<Sweep> sweeps(List<Size> sizes) {
        Map<String, List<Size>> byRest = new LinkedHashMap<>();
        for (Size s : sizes) byRest.computeIfAbsent(rest(s), k -> new ArrayList<>()).add(s);
        List<Sweep> sweeps = new ArrayList<>();
        List<List<Size>> loose = new ArrayList<>();
        for (var e : byRest.entrySet()) {
            List<Size> group = e.getValue();
            if (group.stream().map(Size::x).distinct().count() == group.size() && group.size() >= 2) {
                sweeps.add(new Sweep(e.getKey(), group));
            } else {
                for (Size s : group) {
                    List<Size> home = null;
                    for (List<Size> l : loose) if (l.stream().noneMatch(o -> o.x() == s.x())) { home = l; break; }
                    if (home == null) loose.add(home = new ArrayList<>());
                    home.add(s);
                }
            }
        }
        for (List<Size> l : loose) {
            l.sort(Comparator.comparingLong(Size::x));
            sweeps.add(new Sweep(l.size() == 1 ? rest(l.getFirst()) : null, List.copyOf(l)));
        }
        return sweeps;
    }

    /** The size's label without its main letter: "L=20ms B=4KiB C=100". */
    static String rest(Size s) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String part : s.label().split(" ")) {
            if (first) { first = false; continue; }
            if (!out.isEmpty()) out.append(' ');
            out.append(part);
        }
        return out.toString();
    }
}
