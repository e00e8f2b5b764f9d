package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The plain-language reading of a scenario: short sentences generated from its rows, never
 * written by hand, so they say what this run measured. Who was fastest at the largest size and
 * who was within the noise of it; which models stay near the ideal, which fall away from it as
 * the size grows (and, where the work is a number of equal waits, how many waits at once their
 * time corresponds to); memory and threads at the largest size; what was not measured and why;
 * which intervals are too wide to read small differences.
 */
final class Readings {
    private Readings() {
    }

    /** "Near the ideal": at most 25% slower than it at every size. */
    static final double NEAR = 1.25;
    /** An interval wider than half the mean is called out as noisy. */
    static final double NOISY = 0.5;
    /** A fork whose CPU time per operation is this share of (cores x wall time) or more was CPU-bound. */
    static final double CPU_BOUND = 0.6;

    static List<String> of(ScenarioView s) {
        List<String> out = new ArrayList<>();
        Size largest = s.largestMeasured();
        if (largest == null) {
            out.add("Nothing was measured in this scenario.");
        } else {
            out.add(leader(s, largest));
            out.addAll(trends(s));
            inFlight(s, largest).ifPresent(out::add);
            memory(s, largest).ifPresent(out::add);
            spread(s, largest, Metrics::threadsPeak, "Platform threads at peak", Text::count).ifPresent(out::add);
        }
        out.addAll(notMeasured(s));
        noisy(s).ifPresent(out::add);
        return out;
    }

    /** A model whose mean time is over this many times the fastest's is never "within the noise" of it, whatever the margins. */
    static final double NOISE_MAX_RATIO = 1.5;

    private static String leader(ScenarioView s, Size size) {
        List<Entry> measured = s.ranked(size).stream().filter(Entry::measured).toList();
        Entry best = measured.getFirst();
        double ideal = s.ideal(size);
        String at = "At " + size.label();
        String idealText = Double.isNaN(ideal) ? "" : " (" + Text.eff(ideal / best.m().timeMs()) + " of the ideal " + Text.ms(ideal) + ")";
        if (measured.size() == 1) return at + ", only " + best.model() + " was measured: " + Text.ms(best.m().timeMs()) + idealText + ".";
        List<String> close = new ArrayList<>();
        for (Entry e : measured.subList(1, measured.size())) {
            double margin = e.m().timeErrorMs() + best.m().timeErrorMs();
            // a few varied operations can give margins wider than any difference: far slower on average is not "close"
            if (!Double.isNaN(margin) && e.m().timeMs() - best.m().timeMs() <= margin
                    && e.m().timeMs() <= NOISE_MAX_RATIO * best.m().timeMs()) {
                close.add(e.model());
            }
        }
        String sentence = at + ", " + best.model() + " is fastest: " + Text.ms(best.m().timeMs()) + idealText;
        if (!close.isEmpty()) {
            sentence += "; " + Text.and(close) + (close.size() == 1 ? " is" : " are") + " within the noise of it";
        }
        Entry slowest = measured.getLast();
        if (!close.contains(slowest.model())) {
            sentence += "; the slowest, " + slowest.model() + ", takes " + Text.times(slowest.m().timeMs() / best.m().timeMs()) + " as long";
        }
        return sentence + ".";
    }

    /** One model's measured sizes with their ideal. */
    private record Point(Size size, double time, double ideal) {
        double ratio() {
            return time / ideal;
        }

        double eff() {
            return ideal / time;
        }
    }

    private static List<String> trends(ScenarioView s) {
        Map<String, List<Point>> byModel = new LinkedHashMap<>();
        for (String model : s.models) {
            List<Point> points = new ArrayList<>();
            for (Size size : s.sizes) {
                Entry e = s.entry(model, size);
                double ideal = s.ideal(size);
                if (e.measured() && ideal > 0) points.add(new Point(size, e.m().timeMs(), ideal));
            }
            if (!points.isEmpty()) byModel.put(model, points);
        }
        if (byModel.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        Map<Integer, List<String>> near = new LinkedHashMap<>();
        List<String> far = new ArrayList<>();
        Size lastSize = s.sizes.getLast();
        for (var entry : byModel.entrySet()) {
            String model = entry.getKey();
            List<Point> p = entry.getValue();
            double worst = p.stream().mapToDouble(Point::ratio).max().orElseThrow();
            Point first = p.getFirst(), last = p.getLast();
            if (worst <= NEAR) {
                int pct = Math.max(5, (int) Math.ceil(Math.max(0, worst - 1) * 100 / 5 - 1e-9) * 5);
                near.computeIfAbsent(pct, k -> new ArrayList<>()).add(model);
            } else if (p.size() >= 2 && first.eff() >= 1.8 * last.eff()) {
                out.add(model + " falls from " + Text.eff(first.eff()) + " of the ideal at " + main(first.size())
                        + " to " + Text.eff(last.eff()) + " at " + main(last.size()) + concurrency(s, model, last) + ".");
            } else if (p.size() == 1) {
                far.add(model + " takes " + Text.times(first.ratio()) + " the ideal at " + first.size().label());
            } else {
                double lo = p.stream().mapToDouble(Point::ratio).min().orElseThrow();
                far.add(model + " takes " + (Text.times(lo).equals(Text.times(worst)) ? "" : Text.times(lo) + " to ") + Text.times(worst) + " the ideal");
            }
        }
        boolean oneSize = s.sizes.size() == 1;
        List<String> nearText = new ArrayList<>();
        near.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            boolean allSizes = e.getValue().stream().allMatch(m -> byModel.get(m).size() == s.sizes.size());
            String where = oneSize ? "" : allSizes ? " at every size up to " + main(lastSize)
                    : " wherever measured";
            nearText.add(Text.and(e.getValue()) + (e.getValue().size() == 1 ? " stays" : " stay") + " within " + e.getKey() + "% of the ideal" + where);
        });
        if (!nearText.isEmpty()) out.addFirst(String.join("; ", nearText) + ".");
        if (!far.isEmpty()) out.add(String.join("; ", far) + ".");
        return out;
    }

    /**
     * Where the work is a number of equal waits (x of them, each L), the time a model took is
     * what x * L / time waits at once would take: ", as if only about 241 of the 10,000 tasks
     * waited at once". Empty where that does not hold.
     */
    private static String concurrency(ScenarioView s, String model, Point p) {
        String noun;
        switch (s.id) {
            case "gather-mass" -> noun = "tasks";
            case "http-fan-out" -> noun = "requests";
            case "db" -> noun = "queries";
            default -> { return ""; }
        }
        Size size = p.size();
        if (!size.params().containsKey("L")) return "";
        double atOnce = size.x() * (double) size.get("L") / p.time();
        // only when far below x: then a limit on waiting is the likely story, not overhead
        if (atOnce >= size.x() / 4.0 || atOnce < 1) return "";
        // ... unless the fork kept the cores busy: then the work around the waits is the story
        double cpu = s.entry(model, size).m().cpuMsPerOp();
        if (s.cores > 0 && cpu >= CPU_BOUND * s.cores * p.time()) {
            String work = switch (s.id) {
                case "gather-mass" -> "starting the tasks, JIT, GC";
                case "http-fan-out" -> "the HTTP client, JIT, GC; the server shares these cores";
                default -> "the JDBC driver, JIT, GC; the database shares these cores";
            };
            return ": the fork was busy on the CPU for most of that time (" + Text.ms(cpu) + " of CPU per operation of "
                    + Text.ms(p.time()) + " on " + s.cores + " cores), so the work around the waits (" + work
                    + "), not a limit on waiting, is what it shows";
        }
        String limit = size.params().containsKey("C") ? " (C allows " + Text.count(size.get("C")) + ")"
                : size.params().containsKey("P") ? " (the pool allows P=" + Text.count(size.get("P")) + ")" : "";
        String config = s.describe.getOrDefault(model, "");
        int colon = config.indexOf(": ");
        int semi = config.indexOf(';');
        String limits = colon < 0 ? "" : config.substring(colon + 2, semi > colon ? semi : config.length()).strip();
        return ": its time is what about " + Text.count(Math.round(atOnce)) + " of the " + Text.count(size.x()) + " " + noun
                + " waiting at once would take" + limit + (limits.isEmpty() ? "" : "; its configuration: " + limits);
    }

    /**
     * Whether the models reached the concurrency the spec asks for, as the HTTP server counted
     * it: who went over C (a fairness breach), who stayed well under it (80%), or that all kept
     * to it.
     */
    private static Optional<String> inFlight(ScenarioView s, Size size) {
        if (!size.params().containsKey("C")) return Optional.empty();
        long c = size.get("C");
        List<String> over = new ArrayList<>(), under = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Entry e : s.entries(size)) {
            double peak = e.m().serverPeakInFlight();
            if (!e.measured() || Double.isNaN(peak) || e.model().equals("sequential")) continue;
            lo = Math.min(lo, peak);
            hi = Math.max(hi, peak);
            if (peak > c) over.add(e.model() + " (" + Text.count(peak) + ")");
            else if (peak < 0.8 * c && peak < size.x()) under.add(e.model() + " (" + Text.count(peak) + ")");
        }
        if (hi == 0) return Optional.empty();
        List<String> parts = new ArrayList<>();
        if (!over.isEmpty()) parts.add(Text.and(over) + " go over C=" + c);
        if (!under.isEmpty()) parts.add(Text.and(under) + " stay under 80% of C=" + c);
        if (parts.isEmpty()) {
            return Optional.of("At " + size.label() + ", the server saw every concurrent model come near C=" + c
                    + " requests in flight and never exceed it (peak" + (lo == hi ? " " + Text.count(hi) : "s " + Text.count(lo) + " to " + Text.count(hi)) + ").");
        }
        return Optional.of("At " + size.label() + ", the server saw " + String.join(", and ", parts) + " requests in flight.");
    }

    private static Optional<String> memory(ScenarioView s, Size largest) {
        if (s.has(Metrics::heapPerTaskBytes) || s.has(Metrics::rssPerTaskBytes)) {
            for (int i = s.sizes.size() - 1; i >= 0; i--) {
                Size size = s.sizes.get(i);
                var heap = extremes(s, size, Metrics::heapPerTaskBytes, true);
                var rss = extremes(s, size, Metrics::rssPerTaskBytes, true);
                if (heap.isEmpty() && rss.isEmpty()) continue;
                List<String> parts = new ArrayList<>();
                heap.ifPresent(x -> parts.add(range(x, Text::bytes) + " of live heap"));
                rss.ifPresent(x -> parts.add(range(x, Text::bytes) + " of resident memory"));
                return Optional.of("While " + Text.count(size.x()) + " tasks wait (" + size.label() + "), each costs "
                        + String.join(", and ", parts) + ".");
            }
        }
        return spread(s, largest, Metrics::rssPeakMb, "Peak resident memory", Text::mib);
    }

    /** The lowest and highest value at a size, and their models (marked when their row carries a note). */
    private record Extremes(String minModel, double min, String maxModel, double max) {
    }

    private static Optional<Extremes> extremes(ScenarioView s, Size size, ToDoubleFunction<Metrics> metric, boolean caveats) {
        Extremes x = null;
        for (Entry e : s.entries(size)) {
            if (e.row() == null || !e.row().ok()) continue;
            double v = metric.applyAsDouble(e.m());
            if (Double.isNaN(v)) continue;
            String who = !caveats || e.note().isEmpty() ? e.model() : e.model() + ", see its note";
            if (x == null) x = new Extremes(who, v, who, v);
            else x = new Extremes(v < x.min() ? who : x.minModel(), Math.min(v, x.min()), v > x.max() ? who : x.maxModel(), Math.max(v, x.max()));
        }
        return Optional.ofNullable(x);
    }

    private static String range(Extremes x, DoubleFunction<String> format) {
        if (x.minModel().equals(x.maxModel())) return format.apply(x.min()) + " (" + x.minModel() + ")";
        return "from " + format.apply(x.min()) + " (" + x.minModel() + ") to " + format.apply(x.max()) + " (" + x.maxModel() + ")";
    }

    private static Optional<String> spread(ScenarioView s, Size size, ToDoubleFunction<Metrics> metric, String what,
                                                     DoubleFunction<String> format) {
        return extremes(s, size, metric, false).filter(x -> !x.minModel().equals(x.maxModel()))
                .map(x -> what + " at " + size.label() + ": " + range(x, format) + ".");
    }

    /**
     * Every model and size without a number, grouped by what happened and why. Reasons that
     * differ only in their figures (a skip's estimate grows with the size) share a sentence,
     * which quotes the first and says so.
     */
    static List<String> notMeasured(ScenarioView s) {
        record Group(String status, List<String> reasons, Map<String, List<Size>> sizesByModel) {
        }
        Map<String, Group> groups = new LinkedHashMap<>(); // status and reason without figures -> group
        for (Size size : s.sizes) {
            for (Entry e : s.entries(size)) {
                if (e.measured()) continue;
                String status = e.status().equals("ok") ? "no time recorded" : e.status();
                String key = status + ": " + e.reason().replaceAll("\\d[\\d.,]*", "#");
                Group g = groups.computeIfAbsent(key, k -> new Group(status, new ArrayList<>(), new LinkedHashMap<>()));
                if (!g.reasons().contains(e.reason())) g.reasons().add(e.reason());
                g.sizesByModel().computeIfAbsent(e.model(), k -> new ArrayList<>()).add(size);
            }
        }
        List<String> out = new ArrayList<>();
        for (Group g : groups.values()) {
            Map<List<Size>, List<String>> bySizes = new LinkedHashMap<>();
            g.sizesByModel().forEach((model, sizes) -> bySizes.computeIfAbsent(sizes, k -> new ArrayList<>()).add(model));
            List<String> who = new ArrayList<>();
            boolean everyone = bySizes.size() == 1 && bySizes.values().iterator().next().size() == s.models.size();
            for (var b : bySizes.entrySet()) {
                String models = everyone ? "every model" : Text.and(b.getValue());
                String sizes = b.getKey().size() == s.sizes.size() && s.sizes.size() > 1 ? "every size"
                        : Text.and(b.getKey().stream().map(Size::label).toList());
                who.add(models + " at " + sizes);
            }
            String reason = g.reasons().getFirst();
            if (reason.endsWith(".")) reason = reason.substring(0, reason.length() - 1);
            String first = g.sizesByModel().values().iterator().next().getFirst().label();
            String figures = g.reasons().size() > 1 ? "; figures for " + first + ", the tables give each size's" : "";
            out.add("Not measured: " + String.join("; ", who) + " — " + g.status() + (reason.isEmpty() ? "" : ": " + reason) + figures + ".");
        }
        return out;
    }

    private static Optional<String> noisy(ScenarioView s) {
        List<String> wide = new ArrayList<>();
        for (Size size : s.sizes) {
            for (Entry e : s.entries(size)) {
                if (!e.measured()) continue;
                double rel = e.m().timeErrorMs() / e.m().timeMs();
                if (rel > NOISY) wide.add(e.model() + " at " + main(size) + " (±" + Math.round(rel * 100) + "%)");
            }
        }
        if (wide.isEmpty()) return Optional.empty();
        int shown = Math.min(6, wide.size());
        String list = String.join(", ", wide.subList(0, shown)) + (wide.size() > shown ? " and " + (wide.size() - shown) + " more" : "");
        return Optional.of("Wide intervals (the 99.9% error is over half the mean): " + list
                + "; small differences there are noise, rerun with more iterations to read them.");
    }

    /** The no-harness-tax check in a few sentences. */
    static List<String> harnessTax(List<HarnessTax.Pair> pairs) {
        List<String> out = new ArrayList<>();
        if (pairs.isEmpty()) return out;
        for (HarnessTax.Measure m : HarnessTax.measures(pairs)) {
            List<String> flagged = new ArrayList<>();
            List<Double> differences = new ArrayList<>();
            for (HarnessTax.Pair p : pairs) {
                HarnessTax.Diff d = HarnessTax.diff(p, m);
                if (!d.comparable()) continue;
                differences.add(d.suite() - d.minimal());
                if (d.flagged()) {
                    flagged.add(p.model() + " at " + main(p.size()) + " " + Text.pct(d.relative())
                            + (d.withinNoise() ? " (within the noise)" : ""));
                }
            }
            int compared = differences.size();
            if (compared == 0) continue;
            String sentence;
            if (flagged.isEmpty()) {
                sentence = capital(m.label.replaceFirst(",.*", "")) + ": the suite is within " + Math.round(HarnessTax.THRESHOLD * 100) + "% of the minimal programs in all "
                        + compared + " comparisons.";
            } else {
                sentence = capital(m.label.replaceFirst(",.*", "")) + ": the suite differs from the minimal program by more than " + Math.round(HarnessTax.THRESHOLD * 100)
                        + "% in " + flagged.size() + " of " + compared + " comparisons: " + String.join(", ", flagged) + ".";
            }
            if (m == HarnessTax.Measure.RSS_PEAK) {
                // the whole JVM's: a JMH fork holds more than the bare program whatever the model
                sentence += " Peak RSS is the whole JVM's, so it also holds what the fork carries besides the model"
                        + " (JMH, the profiler, their compiled code and garbage): the suite's peak is a median of " + mib(median(differences))
                        + " above the minimal program's here (" + mib(Collections.min(differences)) + " to " + mib(Collections.max(differences))
                        + "); the memory per task columns leave that fixed part out.";
            }
            out.add(sentence);
        }
        long unmatched = pairs.stream().filter(p -> p.suite() == null).count();
        if (unmatched > 0) out.add(unmatched + " minimal row" + (unmatched == 1 ? " has" : "s have") + " no suite row at the same size to compare with.");
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String mib(double d) {
        return (d >= 0 ? "+" : "") + Text.num(d) + " MiB";
    }

    /** The whole run in one sentence: how many combinations were measured, and what happened to the others. */
    static String run(RunView v) {
        int total = 0, measured = 0;
        Map<String, Integer> other = new LinkedHashMap<>();
        for (ScenarioView s : v.scenarios) {
            for (Size size : s.sizes) {
                for (Entry e : s.entries(size)) {
                    total++;
                    if (e.measured()) measured++;
                    else other.merge(e.status().equals("ok") ? "without a time" : e.status(), 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder("This run has " + total + " combinations of scenario, size and model: " + measured + " measured");
        List<String> parts = new ArrayList<>();
        other.forEach((status, n) -> parts.add(n + " " + status));
        if (!parts.isEmpty()) out.append(", ").append(Text.and(parts)).append(" (each listed in its scenario, with the reason)");
        out.append('.');
        if (!v.absent.isEmpty()) out.append(" Not in this run: ").append(String.join(", ", v.absent)).append('.');
        return out.toString();
    }

    /** The main size as it reads: "N=1,000,000", "L=100ms". */
    static String main(Size size) {
        String first = size.label().split(" ")[0];
        return first.matches(".*=\\d+") ? size.axis() + "=" + Text.count(size.x()) : first;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
