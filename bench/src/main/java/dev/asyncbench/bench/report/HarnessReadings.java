package dev.asyncbench.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The no-harness-tax check in a few sentences: per measure, how many comparisons differ by more than the threshold. */
final class HarnessReadings {
    private HarnessReadings() {
    }

    /** The no-harness-tax check in a few sentences. */
    static List<String> of(List<HarnessTax.Pair> pairs) {
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
                    flagged.add(p.model() + " at " + Readings.main(p.size()) + " " + Text.pct(d.relative())
                            + (d.withinNoise() ? " (within the noise)" : ""));
                }
            }
            int compared = differences.size();
            if (compared == 0) continue;
            String sentence;
            if (flagged.isEmpty()) {
                sentence = Readings.capital(m.label.replaceFirst(",.*", "")) + ": the suite is within " + Math.round(HarnessTax.THRESHOLD * 100) + "% of the minimal programs in all "
                        + compared + " comparisons.";
            } else {
                sentence = Readings.capital(m.label.replaceFirst(",.*", "")) + ": the suite differs from the minimal program by more than " + Math.round(HarnessTax.THRESHOLD * 100)
                        + "% in " + flagged.size() + " of " + compared + " comparisons: " + String.join(", ", flagged) + ".";
            }
            if (m == HarnessTax.Measure.COLD) {
                sentence += " Cold is each JVM's first operation: one each, so no error margin says what is noise.";
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
}
