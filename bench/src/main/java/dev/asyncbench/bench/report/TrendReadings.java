package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.asyncbench.bench.report.Readings.main;

/**
 * How each model's time compares with the ideal across a scenario's sizes: who stays near it,
 * who falls away from it as the size grows (and, where the work is a number of equal waits,
 * how many waits at once their time corresponds to, or that the fork was busy on the CPU),
 * and how far the others are.
 */
final class TrendReadings {
    private TrendReadings() {
    }

    /** "Near the ideal": at most 25% slower than it at every size. */
    static final double NEAR = 1.25;
    /** A fork whose CPU time per operation is this share of (cores x wall time) or more was CPU-bound. */
    static final double CPU_BOUND = 0.6;

    /** One model's measured sizes with their ideal. */
    private record Point(Size size, double time, double ideal) {
        double ratio() {
            return time / ideal;
        }

        double eff() {
            return ideal / time;
        }
    }

    static List<String> of(ScenarioView s) {
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
        if (s.known == null || !ScenarioTerms.equalWaits(s.known)) return "";
        Size size = p.size();
        double atOnce = size.x() * (double) size.get("L") / p.time();
        // only when far below x: then a limit on waiting is the likely story, not overhead
        if (atOnce >= size.x() / 4.0 || atOnce < 1) return "";
        // ... unless the fork kept the cores busy: then the work around the waits is the story
        double cpu = s.entry(model, size).m().cpuMsPerOp();
        if (s.cores > 0 && cpu >= CPU_BOUND * s.cores * p.time()) {
            return ": the fork was busy on the CPU for most of that time (" + Text.ms(cpu) + " of CPU per operation of "
                    + Text.ms(p.time()) + " on " + s.cores + " cores), so the work around the waits ("
                    + ScenarioTerms.workAroundWaits(s.known) + "), not a limit on waiting, is what it shows";
        }
        String letter = ScenarioTerms.limitLetter(s.known);
        String limit = letter.equals("C") ? " (C allows " + Text.count(size.get("C")) + ")"
                : letter.equals("P") ? " (the pool allows P=" + Text.count(size.get("P")) + ")" : "";
        return ": its time is what about " + Text.count(Math.round(atOnce)) + " of the " + Text.count(size.x()) + " "
                + ScenarioTerms.counts(s.known) + " waiting at once would take" + limit + "; its limits are in its configuration (Environment)";
    }
}
