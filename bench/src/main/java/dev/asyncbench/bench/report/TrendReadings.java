package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import static dev.asyncbench.bench.report.Readings.opening;
import static dev.asyncbench.bench.report.Readings.main;
import static dev.asyncbench.bench.report.Readings.plural;
import static dev.asyncbench.bench.report.Readings.who;

/**
 * How each model's time compares with the ideal across a scenario's sizes: who stays near it,
 * who falls away from it as the size grows (and, where the work is a number of equal waits,
 * how many waits at once their time corresponds to, or that the fork was busy on the CPU),
 * and how far the others are. What several models share is said once, for all of them.
 */
final class TrendReadings {
    private TrendReadings() {
    }

    /** "Near the ideal": at most 25% slower than it at every size. */
    static final double NEAR = 1.25;
    /** A fork whose CPU time per operation is this share of (cores x wall time) or more was CPU-bound. */
    static final double CPU_BOUND = 0.6;
    /** A model "falls" when its efficiency at its largest size is below its first divided by this. */
    static final double FALL = 1.8;
    /** From this many models on, their distances from the ideal are summed up in one range. */
    static final int SUMMED = 3;

    /** One model's measured size with its ideal. */
    private record Point(Size size, double time, double ideal) {
        double ratio() {
            return time / ideal;
        }

        double eff() {
            return ideal / time;
        }
    }

    /** A model that falls away from the ideal between its first and last measured size. */
    private record Fall(String model, Point first, Point last) {
    }

    /** A model's range of distances from the ideal over two sizes or more. */
    private record Span(String model, double lo, double hi) {
    }

    static List<String> of(ScenarioView s) {
        Map<String, List<Point>> byModel = points(s);
        if (byModel.isEmpty()) return List.of();
        Map<Integer, List<String>> near = new TreeMap<>();
        List<Fall> falls = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        List<String> once = new ArrayList<>();
        byModel.forEach((model, p) -> {
            double worst = p.stream().mapToDouble(Point::ratio).max().orElseThrow();
            Point first = p.getFirst(), last = p.getLast();
            if (worst <= NEAR) {
                int pct = Math.max(5, (int) Math.ceil(Math.max(0, worst - 1) * 100 / 5 - 1e-9) * 5);
                near.computeIfAbsent(pct, k -> new ArrayList<>()).add(model);
            } else if (p.size() >= 2 && first.eff() >= FALL * last.eff()) {
                falls.add(new Fall(model, first, last));
            } else if (p.size() == 1) {
                once.add(model + " takes " + Text.times(first.ratio()) + " the ideal at " + first.size().label());
            } else {
                spans.add(new Span(model, p.stream().mapToDouble(Point::ratio).min().orElseThrow(), worst));
            }
        });
        List<String> out = new ArrayList<>();
        nearSentence(s, byModel, near).ifPresent(out::add);
        out.addAll(fallSentences(s, falls));
        out.addAll(cpuSentences(s, falls));
        if (spans.size() >= SUMMED) {
            Span furthest = spans.stream().max(Comparator.comparingDouble(Span::hi)).orElseThrow();
            double lo = spans.stream().mapToDouble(Span::lo).min().orElseThrow();
            List<String> models = spans.stream().map(Span::model).toList();
            once.addFirst(opening(who(models, s.models)) + (plural(models, s.models) ? " take " : " takes ") + Text.times(lo)
                    + " to " + Text.times(furthest.hi()) + " the ideal (the furthest, " + furthest.model() + ", " + Text.times(furthest.hi()) + ")");
        } else {
            for (Span x : spans.reversed()) {
                once.addFirst(x.model() + " takes " + (Text.times(x.lo()).equals(Text.times(x.hi())) ? "" : Text.times(x.lo()) + " to ")
                        + Text.times(x.hi()) + " the ideal");
            }
        }
        if (!once.isEmpty()) out.add(String.join("; ", once) + ".");
        return out;
    }

    private static Map<String, List<Point>> points(ScenarioView s) {
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
        return byModel;
    }

    private static Optional<String> nearSentence(ScenarioView s, Map<String, List<Point>> byModel, Map<Integer, List<String>> near) {
        boolean oneSize = s.sizes.size() == 1;
        List<String> parts = new ArrayList<>();
        near.forEach((pct, models) -> {
            boolean allSizes = models.stream().allMatch(m -> byModel.get(m).size() == s.sizes.size());
            String where = oneSize ? "" : allSizes ? " at every size up to " + main(s.sizes.getLast()) : " wherever measured";
            parts.add(who(models, s.models) + (plural(models, s.models) ? " stay" : " stays")
                    + " within " + pct + "% of the ideal" + where);
        });
        if (parts.isEmpty()) return Optional.empty();
        return Optional.of(opening(String.join("; ", parts)) + ".");
    }

    /**
     * One sentence per group of models that fall between the same two sizes; a model whose
     * fall reads as a limit on waiting gets its own, with how many waits at once its time is.
     */
    private static List<String> fallSentences(ScenarioView s, List<Fall> falls) {
        List<String> out = new ArrayList<>();
        Map<String, List<Fall>> bySizes = new LinkedHashMap<>();
        for (Fall f : falls) {
            String waits = waitsAtOnce(s, f.model(), f.last());
            if (!waits.isEmpty() || falls.size() == 1) {
                out.add(f.model() + " falls from " + Text.eff(f.first().eff()) + " of the ideal at " + main(f.first().size())
                        + " to " + Text.eff(f.last().eff()) + " at " + main(f.last().size()) + waits + ".");
            } else {
                bySizes.computeIfAbsent(f.first().size().label() + " " + f.last().size().label(), k -> new ArrayList<>()).add(f);
            }
        }
        bySizes.values().forEach(group -> {
            Fall f = group.getFirst();
            if (group.size() == 1) {
                out.add(f.model() + " falls from " + Text.eff(f.first().eff()) + " of the ideal at " + main(f.first().size())
                        + " to " + Text.eff(f.last().eff()) + " at " + main(f.last().size()) + ".");
                return;
            }
            List<String> models = group.stream().map(Fall::model).toList();
            out.add(opening(who(models, s.models)) + (plural(models, s.models) ? " fall" : " falls") + " from "
                    + effRange(group, x -> x.first(), false) + " of the ideal at " + main(f.first().size())
                    + " to " + effRange(group, x -> x.last(), true) + " at " + main(f.last().size()) + ".");
        });
        return out;
    }

    /** "0.94", "0.94 to 0.96", or with their models "between 0.0045 (threads-per-task) and 0.43 (coroutines)". */
    private static String effRange(List<Fall> group, Function<Fall, Point> at, boolean named) {
        Fall lo = group.stream().min(Comparator.comparingDouble(f -> at.apply(f).eff())).orElseThrow();
        Fall hi = group.stream().max(Comparator.comparingDouble(f -> at.apply(f).eff())).orElseThrow();
        String a = Text.eff(at.apply(lo).eff()), b = Text.eff(at.apply(hi).eff());
        if (a.equals(b)) return a;
        return named ? "between " + a + " (" + lo.model() + ") and " + b + " (" + hi.model() + ")" : a + " to " + b;
    }

    /** How busy the fork kept the cores at a point: CPU time per operation over cores x wall time; NaN when unknown. */
    private static double busy(ScenarioView s, String model, Point p) {
        double cpu = s.entry(model, p.size()).m().cpuMsPerOp();
        return s.cores > 0 ? cpu / (s.cores * p.time()) : Double.NaN;
    }

    /** Whether a fall would read as a limit on waiting (far fewer waits at once than x), CPU-bound or not. */
    private static boolean fewAtOnce(ScenarioView s, Point p) {
        // equal waits only: with drawn latencies, K x L / time says nothing about how many waited at once
        if (s.known == null || !ScenarioTerms.equalWaits(s.known) || p.size().hasDist()) return false;
        double atOnce = p.size().x() * (double) p.size().get("L") / p.time();
        return atOnce < p.size().x() / 4.0 && atOnce >= 1;
    }

    /**
     * Where the work is x equal waits of L, the time a model took is what x * L / time waits at
     * once would take: the clause that says so, with the limit the size sets. Empty unless that
     * is far below x and the fork was not busy on the CPU (then the work around the waits is the
     * story: {@link #cpuSentences}).
     */
    private static String waitsAtOnce(ScenarioView s, String model, Point p) {
        if (!fewAtOnce(s, p) || busy(s, model, p) >= CPU_BOUND) return "";
        Size size = p.size();
        double atOnce = size.x() * (double) size.get("L") / p.time();
        String letter = ScenarioTerms.limitLetter(s.known);
        String limit = letter.equals("C") ? " (C allows " + Text.count(size.get("C")) + ")"
                : letter.equals("P") ? " (the pool allows P=" + Text.count(size.get("P")) + ")" : "";
        return ": its time is what about " + Text.count(Math.round(atOnce)) + " of the " + Text.count(size.x()) + " "
                + ScenarioTerms.counts(s.known) + " waiting at once would take" + limit + "; its limits are in its configuration (Environment)";
    }

    /** One sentence per size for the falling models whose forks were busy on the CPU there. */
    private static List<String> cpuSentences(ScenarioView s, List<Fall> falls) {
        Map<Size, List<Fall>> bound = new LinkedHashMap<>();
        for (Fall f : falls) {
            if (fewAtOnce(s, f.last()) && busy(s, f.model(), f.last()) >= CPU_BOUND) bound.computeIfAbsent(f.last().size(), k -> new ArrayList<>()).add(f);
        }
        List<String> out = new ArrayList<>();
        bound.forEach((size, group) -> {
            double lo = group.stream().mapToDouble(f -> busy(s, f.model(), f.last())).min().orElseThrow();
            double hi = group.stream().mapToDouble(f -> busy(s, f.model(), f.last())).max().orElseThrow();
            String share = Math.round(lo * 100) == Math.round(hi * 100) ? Math.round(hi * 100) + "%" : Math.round(lo * 100) + "% to " + Math.round(hi * 100) + "%";
            boolean one = group.size() == 1;
            Fall f = group.getFirst();
            String figures = one ? " (" + Text.ms(s.entry(f.model(), size).m().cpuMsPerOp()) + " of CPU per operation of " + Text.ms(f.last().time()) + ")" : "";
            List<String> models = group.stream().map(Fall::model).toList();
            out.add(opening(who(models, s.models)) + (plural(models, s.models) ? " were" : " was") + " CPU-bound at " + main(size)
                    + ": " + (one ? "its fork" : "their forks") + " kept the " + s.cores + " cores " + share + " busy" + figures
                    + ", so the work around the waits (" + ScenarioTerms.workAroundWaits(s.known) + "), not a limit on waiting, is what "
                    + (one ? "its" : "their") + " fall shows.");
        });
        return out;
    }
}
