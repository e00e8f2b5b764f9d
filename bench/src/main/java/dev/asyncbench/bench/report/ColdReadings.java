package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.asyncbench.bench.report.Readings.who;

/**
 * The first operation in a fresh JVM (cold) against the steady state, where readers set the
 * two side by side: the mass gather, whose "a million tasks" figures are often a fresh JVM's
 * single run. One sentence, at the largest size where some model's cold time is more than
 * {@link #FAR} times its steady state's (or less than 1 / FAR of it), with both numbers, the
 * furthest first.
 */
final class ColdReadings {
    private ColdReadings() {
    }

    /** Cold "far from" the steady state: more than twice it, or less than half. */
    static final double FAR = 2;

    static Optional<String> of(ScenarioView s) {
        if (s.known != BenchScenario.GATHER_MASS) return Optional.empty();
        for (int i = s.sizes.size() - 1; i >= 0; i--) {
            Size size = s.sizes.get(i);
            List<Entry> far = new ArrayList<>();
            List<String> all = new ArrayList<>(), near = new ArrayList<>();
            for (Entry e : s.entries(size)) {
                if (!e.measured() || Double.isNaN(e.m().coldMs())) continue;
                all.add(e.model());
                double ratio = ratio(e);
                if (ratio > FAR || ratio < 1 / FAR) far.add(e);
                else near.add(e.model());
            }
            if (far.isEmpty()) continue;
            List<String> names = far.stream().map(Entry::model).toList();
            boolean over = far.stream().allMatch(e -> ratio(e) > FAR);
            far.sort(Comparator.comparingDouble(ColdReadings::ratio).reversed());
            List<String> figures = new ArrayList<>();
            for (Entry e : far) {
                String both = Text.ms(e.m().coldMs()) + (figures.isEmpty() ? " cold against " : " against ") + Text.ms(e.m().timeMs())
                        + (figures.isEmpty() ? " steady" : "");
                figures.add(far.size() == 1 ? both : e.model() + " " + both);
            }
            String group = who(names, all);
            return Optional.of("At " + size.label() + ", a fresh JVM's first operation (cold) "
                    + (over ? "took over twice as long as the steady state" : "was more than a factor of " + Text.num(FAR) + " from the steady state")
                    + " for " + group + ": " + String.join(", ", figures)
                    + (near.isEmpty() || group.startsWith("every model") ? "" : "; " + Text.and(near) + " stayed within a factor of " + Text.num(FAR))
                    + ". A program that gathers once, in a new JVM, sees the cold time.");
        }
        return Optional.empty();
    }

    private static double ratio(Entry e) {
        return e.m().coldMs() / e.m().timeMs();
    }
}
