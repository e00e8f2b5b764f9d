package dev.asyncbench.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A chart axis: its domain, the ticks that carry labels and the lighter grid lines between.
 *
 * <p>Log axes put their labels at powers of ten, and at 2 and 5 times them when the data spans
 * two decades or less (a 10-52 ms range gets 10, 20, 50, 100, never a lone label); over eight
 * decades every other power. Linear axes (the bar charts) start at zero and step by 1, 2 or 5
 * times a power of ten.
 *
 * @param log   whether positions are logarithmic
 * @param min   the domain's low end (a tick)
 * @param max   the domain's high end (a tick)
 * @param ticks labelled values, ascending, inside the domain
 * @param minor grid-only values, ascending, inside the domain
 */
record Axis(boolean log, double min, double max, List<Double> ticks, List<Double> minor) {

    /** How tick labels read. */
    enum Labels {
        /** 1, 10, 100, 1k, 10k, 1M: sizes, and times whose unit the axis title names. */
        SHORT(Axis::countLabel),
        /** 0.5, 20, 1,000, 10,000: values whose unit the axis title names (ms, MiB). */
        PLAIN(Text::num),
        /** 100 B, 1 kB, 10 MB. */
        BYTES(Text::bytes);

        private final DoubleFunction<String> format;

        Labels(DoubleFunction<String> format) {
            this.format = format;
        }

        String format(double v) {
            return format.apply(v);
        }
    }

    /** The log axis covering {@code lo..hi} (both positive; equal is fine). */
    static Axis log(double lo, double hi) {
        if (!(lo > 0) || !(hi > 0) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("a log axis needs positive finite bounds, got " + lo + ".." + hi);
        }
        if (lo > hi) { double t = lo; lo = hi; hi = t; }
        if (hi / lo < 3) return narrow(lo, hi);
        int eLo = (int) Math.floor(Math.log10(lo) + 1e-9);
        int eHi = (int) Math.ceil(Math.log10(hi) - 1e-9);
        if (eHi == eLo) eHi++;
        int decades = eHi - eLo;
        if (decades <= 2) {
            // few decades: 1-2-5 labels, the domain snapped to them
            List<Double> nice = new ArrayList<>();
            for (int e = eLo; e <= eHi; e++) for (double m : new double[] {1, 2, 5}) nice.add(m * Math.pow(10, e));
            double min = nice.getFirst();
            for (double v : nice) if (v <= lo * (1 + 1e-9)) min = v;
            double max = nice.getLast();
            for (int i = nice.size() - 1; i >= 0; i--) if (nice.get(i) >= hi * (1 - 1e-9)) max = nice.get(i);
            if (max <= min) max = nice.get(Math.min(nice.indexOf(min) + 1, nice.size() - 1));
            List<Double> ticks = new ArrayList<>();
            for (double v : nice) if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) ticks.add(v);
            List<Double> minor = new ArrayList<>();
            for (int e = eLo; e <= eHi; e++) {
                for (int m = 1; m <= 9; m++) {
                    double v = m * Math.pow(10, e);
                    if (v > min && v < max && !containsClose(ticks, v)) minor.add(v);
                }
            }
            return new Axis(true, min, max, ticks, minor);
        }
        int step = decades > 8 ? 2 : 1;
        List<Double> ticks = new ArrayList<>();
        List<Double> minor = new ArrayList<>();
        for (int e = eLo; e <= eHi; e++) {
            double p = Math.pow(10, e);
            if ((e - eLo) % step == 0) ticks.add(p); else minor.add(p);
            if (e < eHi && decades <= 5) for (int m = 2; m <= 9; m++) minor.add(m * p);
        }
        double max = Math.pow(10, eHi);
        if (!containsClose(ticks, max)) ticks.add(max);
        minor.removeIf(v -> containsClose(ticks, v));
        return new Axis(true, Math.pow(10, eLo), max, ticks, minor);
    }

    /**
     * Less than half a decade (peak RSS from 100 to 106 MiB): log and linear positions are
     * nearly the same, so labels go at round linear steps around the data.
     */
    private static Axis narrow(double lo, double hi) {
        double step = niceStep(hi > lo ? (hi - lo) / 4 : lo / 10);
        double min = Math.floor(lo / step + 1e-9) * step;
        double max = Math.ceil(hi / step - 1e-9) * step;
        if (max <= min) max = min + step;
        if (min <= 0) min = step;
        List<Double> ticks = new ArrayList<>();
        for (long i = Math.round(min / step); i * step <= max * (1 + 1e-9); i++) ticks.add(i * step);
        return new Axis(true, min, max, ticks, List.of());
    }

    /** The smallest of 1, 2, 5 x 10^k at least {@code raw}. */
    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        return raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
    }

    /** The linear axis from 0 to at least {@code hi}, in 1, 2 or 5 x 10^k steps (four to eight of them). */
    static Axis linear(double hi) {
        if (!(hi > 0) || Double.isInfinite(hi)) hi = 1;
        double step = niceStep(hi / 7);
        List<Double> ticks = new ArrayList<>();
        double max = Math.ceil(hi / step - 1e-9) * step;
        for (int i = 0; i * step <= max * (1 + 1e-9); i++) ticks.add(i * step);
        return new Axis(false, 0, max, ticks, List.of());
    }

    /** Where {@code v} falls: 0 at {@link #min}, 1 at {@link #max}; outside the domain, beyond 0..1. */
    double fraction(double v) {
        if (log) return (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        return (v - min) / (max - min);
    }

    private static boolean containsClose(List<Double> values, double v) {
        for (double x : values) if (Math.abs(x - v) <= Math.abs(v) * 1e-9) return true;
        return false;
    }

    static String countLabel(double v) {
        if (v >= 1e6 && v % 1e5 == 0) return Text.num(v / 1e6) + "M";
        if (v >= 1e3 && v % 100 == 0) return Text.num(v / 1e3) + "k";
        return Text.num(v);
    }
}
