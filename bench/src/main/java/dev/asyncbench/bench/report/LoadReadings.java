package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Load's readings: each model's knee, the highest offered rate R of the sweep whose p99 latency
 * (from intended start) stays within the objective, {@value BenchScenario#LOAD_OBJECTIVE_TIMES_L}
 * x L, at that rate and every lower one; and, past the knees, how far latency from intended start
 * is from the service time a closed benchmark would report.
 */
final class LoadReadings {
    private LoadReadings() {
    }

    /** The objective at a size: {@value BenchScenario#LOAD_OBJECTIVE_TIMES_L} x L, in ms. */
    static double objectiveMs(Size size) {
        return BenchScenario.LOAD_OBJECTIVE_TIMES_L * size.get("L");
    }

    /** The model's knee over {@code sizes} (ascending R), or -1 when even the lowest rate misses the objective; NaN-free. */
    static long knee(ScenarioView s, String model, List<Size> sizes) {
        long knee = -1;
        for (Size size : sizes) {
            Entry e = s.entry(model, size);
            if (!e.measured() || Double.isNaN(e.m().p99Ms()) || e.m().p99Ms() > objectiveMs(size)) break;
            knee = size.get("R");
        }
        return knee;
    }

    static List<String> of(ScenarioView s) {
        if (s.known != BenchScenario.LOAD || s.sizes.isEmpty()) return List.of();
        List<Size> sizes = s.sizes.stream().sorted(Comparator.comparingLong(z -> z.get("R"))).toList();
        Size top = sizes.getLast();
        List<String> out = new ArrayList<>();
        List<String> knees = new ArrayList<>();
        List<String> none = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String model : s.models) {
            if (sizes.stream().noneMatch(z -> s.entry(model, z).measured())) continue;
            long knee = knee(s, model, sizes);
            if (knee < 0) none.add(model);
            else if (knee == top.get("R")) all.add(model);
            else knees.add(model + " " + Text.count(knee) + "/s");
        }
        String objective = "p99 latency from intended start within " + Text.ms(objectiveMs(top)) + " (" + BenchScenario.LOAD_OBJECTIVE_TIMES_L + " x L)";
        StringBuilder knee = new StringBuilder("Knee, the highest offered rate with ").append(objective).append(": ");
        List<String> parts = new ArrayList<>(knees);
        if (!all.isEmpty()) parts.add(Text.and(all) + " at every rate up to " + Text.count(top.get("R")) + "/s (beyond the sweep)");
        if (!none.isEmpty()) parts.add(Text.and(none) + " at none");
        if (parts.isEmpty()) return out;
        out.add(knee.append(String.join("; ", parts)).append('.').toString());
        // past the knees: latency from intended start against service time at the top rate
        List<Entry> measured = s.entries(top).stream().filter(e -> e.measured() && !Double.isNaN(e.m().p99Ms()) && !Double.isNaN(e.m().serviceP99Ms())).toList();
        Optional<Entry> widest = measured.stream().max(Comparator.comparingDouble(e -> e.m().p99Ms() / e.m().serviceP99Ms()));
        widest.filter(e -> e.m().p99Ms() > 2 * e.m().serviceP99Ms()).ifPresent(e -> out.add("At " + Text.count(top.get("R"))
                + "/s, " + e.model() + "'s p99 latency from intended start is " + Text.ms(e.m().p99Ms()) + " while its service time's p99 is "
                + Text.ms(e.m().serviceP99Ms()) + ": the difference is the queue, which a benchmark timing only the service would not show."));
        return out;
    }
}
