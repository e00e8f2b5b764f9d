package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Time to quiescence against time to result, where a call cancels work the server can see
 * (race's losers, a timed-out request): which models had stopped everything they cancelled by
 * the time they returned, and which left it running after, by how long. One sentence, at the
 * largest size where the scenario has the figure.
 */
final class QuietReadings {
    private QuietReadings() {
    }

    /** Quiet "after returning": more than this many ms past it (the server's figure is good to a fraction of a ms). */
    static final double AFTER_MS = 2;

    static Optional<String> of(ScenarioView s) {
        for (int i = s.sizes.size() - 1; i >= 0; i--) {
            Size size = s.sizes.get(i);
            List<Entry> after = new ArrayList<>();
            List<String> inside = new ArrayList<>();
            for (Entry e : s.entries(size)) {
                if (!e.measured() || Double.isNaN(e.m().quietMs())) continue;
                if (after(e)) after.add(e);
                else inside.add(e.model());
            }
            if (after.isEmpty() && inside.isEmpty()) continue;
            after.sort(Comparator.comparingDouble(QuietReadings::gap).reversed());
            List<String> late = after.stream().map(e -> e.model() + " " + Text.ms(gap(e)) + " after returning in " + Text.ms(e.m().timeMs())).toList();
            StringBuilder out = new StringBuilder("At ").append(size.label()).append(", ");
            if (!inside.isEmpty()) {
                out.append(Text.and(inside)).append(inside.size() == 1 ? " was" : " were")
                        .append(" quiet when the call returned (within ").append(Text.num(AFTER_MS)).append(" ms: what it cancelled had stopped at the server)");
                if (!after.isEmpty()) out.append("; ");
            }
            if (!after.isEmpty()) out.append("the server still had requests of ").append(Text.and(late));
            return Optional.of(out.append('.').toString());
        }
        return Optional.empty();
    }

    private static double gap(Entry e) {
        return e.m().quietMs() - e.m().timeMs();
    }

    private static boolean after(Entry e) {
        return gap(e) > AFTER_MS;
    }
}
