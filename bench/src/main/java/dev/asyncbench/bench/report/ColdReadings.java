package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The first operation in a fresh JVM (cold) against the steady state, where readers set the
 * two side by side: the mass gather, whose "a million tasks" figures are often a fresh JVM's
 * single run. One sentence, at the largest size where some model's cold time is more than
 * {@link #FAR} times its steady state's (or less than 1 / FAR of it), with both numbers.
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
            List<String> far = new ArrayList<>(), near = new ArrayList<>();
            for (Entry e : s.entries(size)) {
                double cold = e.m().coldMs(), steady = e.m().timeMs();
                if (!e.measured() || Double.isNaN(cold)) continue;
                double ratio = cold / steady;
                if (ratio > FAR || ratio < 1 / FAR) far.add(e.model() + " (" + Text.ms(cold) + " cold against " + Text.ms(steady) + " steady)");
                else near.add(e.model());
            }
            if (far.isEmpty()) continue;
            return Optional.of("At " + size.label() + ", the first operation in a fresh JVM (cold) is far from the steady state for "
                    + Text.and(far) + (near.isEmpty() ? "" : "; for " + Text.and(near) + " the two are within a factor of " + Text.num(FAR))
                    + ". A program that gathers once, in a new JVM, sees the cold time.");
        }
        return Optional.empty();
    }
}
