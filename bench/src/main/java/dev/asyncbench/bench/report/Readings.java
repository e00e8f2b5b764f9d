package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.PoolLimit;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plain-language reading of a scenario: short sentences generated from its rows, never
 * written by hand, so they say what this run measured. Who was fastest at the largest size and
 * who was within the noise of it; which models stay near the ideal, which fall away from it as
 * the size grows (and, where the work is a number of equal waits, how many waits at once their
 * time corresponds to); memory and threads at the largest size; what was not measured and why;
 * which intervals are too wide to read small differences.
 *
 * <p>This class says who leads and sums up the run; each other topic has its class:
 * {@link TrendReadings} (against the ideal), {@link ColdReadings} (a fresh JVM's first operation
 * against the steady state), {@link QuietReadings} (time to quiescence against time to result), {@link ResourceReadings} (requests in flight, CPU per request,
 * memory, threads), {@link GapReadings} (what has no number, what is noise) and
 * {@link HarnessReadings} (the no-harness-tax check).
 */
final class Readings {
    private Readings() {
    }

    static List<String> of(ScenarioView s) {
        List<String> out = new ArrayList<>();
        Size largest = s.largestMeasured();
        if (largest == null) {
            out.add("Nothing was measured in this scenario.");
        } else {
            out.add(leader(s, largest));
            out.addAll(TrendReadings.of(s));
            poolBound(s).ifPresent(out::add);
            ColdReadings.of(s).ifPresent(out::add);
            QuietReadings.of(s).ifPresent(out::add);
            out.addAll(LoadReadings.of(s));
            ResourceReadings.inFlight(s, largest).ifPresent(out::add);
            ResourceReadings.cpuPerRequest(s, largest).ifPresent(out::add);
            ResourceReadings.memory(s, largest).ifPresent(out::add);
            ResourceReadings.spread(s, largest, Metrics::threadsPeak, "Platform threads at peak", Text::count).ifPresent(out::add);
        }
        out.addAll(GapReadings.notMeasured(s));
        GapReadings.noisy(s).ifPresent(out::add);
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
        if (close.size() >= 3 && close.size() == measured.size() - 1) {
            sentence += "; every other model is within the noise of it";
        } else if (!close.isEmpty()) {
            sentence += "; " + Text.and(close) + (close.size() == 1 ? " is" : " are") + " within the noise of it";
        }
        Entry slowest = measured.getLast();
        if (!close.contains(slowest.model())) {
            sentence += "; the slowest, " + slowest.model() + ", takes " + Text.times(slowest.m().timeMs() / best.m().timeMs()) + " as long";
        }
        return sentence + ".";
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

    /**
     * Where a model's own pool set its time ({@link PoolLimit}: the runner notes it on the row),
     * at the largest such size: who, and what its note says.
     */
    static Optional<String> poolBound(ScenarioView s) {
        for (int i = s.sizes.size() - 1; i >= 0; i--) {
            Size size = s.sizes.get(i);
            Map<String, List<String>> byClause = new LinkedHashMap<>();
            for (Entry e : s.entries(size)) {
                if (!e.measured()) continue;
                int at = e.row().note().indexOf(PoolLimit.PREFIX);
                if (at < 0) continue;
                String rest = e.row().note().substring(at + PoolLimit.PREFIX.length());
                int end = rest.indexOf("; ");
                byClause.computeIfAbsent(end < 0 ? rest : rest.substring(0, end), k -> new ArrayList<>()).add(e.model());
            }
            if (byClause.isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            byClause.forEach((clause, models) -> parts.add((byClause.size() == 1 ? "" : Text.and(models) + ", ") + clause));
            List<String> all = byClause.values().stream().flatMap(List::stream).toList();
            return Optional.of("At " + size.label() + ", the pool, not the model, set the time of " + Text.and(all) + ": "
                    + String.join("; ", parts) + ".");
        }
        return Optional.empty();
    }

    /**
     * Who a group of models is, read against all of them: "every model" (three or more, all of
     * them), "every model but sequential" (all but one of four or more), else their names.
     */
    static String who(List<String> group, List<String> all) {
        if (group.size() >= 3 && group.size() == all.size() && all.containsAll(group)) return "every model";
        if (group.size() >= 3 && group.size() == all.size() - 1 && all.containsAll(group)) {
            return "every model but " + all.stream().filter(m -> !group.contains(m)).findFirst().orElseThrow();
        }
        return Text.and(group);
    }

    /** A sentence's first words: "every model" gets its capital, a model's name keeps its case. */
    static String opening(String words) {
        return words.startsWith("every model") ? capital(words) : words;
    }

    /** Whether {@link #who} names the group in the plural (a list of names) rather than the singular ("every model"). */
    static boolean plural(List<String> group, List<String> all) {
        return group.size() > 1 && !who(group, all).startsWith("every model");
    }

    /** The main size as it reads: "N=1,000,000", "L=100ms". */
    static String main(Size size) {
        String first = size.label().split(" ")[0];
        return (first.matches(".*=\\d+") ? size.axis() + "=" + Text.count(size.x()) : first) + (size.hasDist() ? " (" + size.dist() + ")" : "");
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
