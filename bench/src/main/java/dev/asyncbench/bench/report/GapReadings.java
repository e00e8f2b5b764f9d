package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Readings about what a scenario does not show: combinations without a number, and intervals too wide to read. */
final class GapReadings {
    private GapReadings() {
    }

    /** An interval wider than half the mean is called out as noisy. */
    static final double NOISY = 0.5;

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
                // figures and their units differ with the size ("about 40 s", "about 2.8 h"): the same reason
                String key = status + ": " + e.reason().replaceAll("\\d[\\d.,]*( (s|min|h|days)\\b)?", "#");
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

    static Optional<String> noisy(ScenarioView s) {
        List<String> wide = new ArrayList<>();
        for (Size size : s.sizes) {
            for (Entry e : s.entries(size)) {
                if (!e.measured()) continue;
                double rel = e.m().timeErrorMs() / e.m().timeMs();
                if (rel > NOISY) wide.add(e.model() + " at " + Readings.main(size) + " (±" + Math.round(rel * 100) + "%)");
            }
        }
        if (wide.isEmpty()) return Optional.empty();
        int shown = Math.min(6, wide.size());
        String list = String.join(", ", wide.subList(0, shown)) + (wide.size() > shown ? " and " + (wide.size() - shown) + " more" : "");
        return Optional.of("Wide intervals (the 99.9% error is over half the mean): " + list
                + "; small differences there are noise, rerun with more iterations to read them.");
    }
}
