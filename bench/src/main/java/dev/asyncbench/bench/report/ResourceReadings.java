package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Readings about what a scenario held at its largest sizes: requests in flight as the HTTP
 * server counted them, client CPU per HTTP request, memory per waiting task or peak resident
 * memory, and platform threads.
 */
final class ResourceReadings {
    private ResourceReadings() {
    }

    /**
     * Whether the models reached the concurrency the spec asks for, as the HTTP server counted
     * it: who went over C (a fairness breach), who stayed well under it (80%), or that all kept
     * to it.
     */
    static Optional<String> inFlight(ScenarioView s, Size size) {
        if (s.known == null || !s.known.needsServer() || !ScenarioTerms.limitLetter(s.known).equals("C")) return Optional.empty();
        long c = size.get("C");
        List<String> over = new ArrayList<>(), under = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Entry e : s.entries(size)) {
            double peak = e.m().serverPeakInFlight();
            if (!e.measured() || Double.isNaN(peak) || e.model().equals("sequential")) continue;
            lo = Math.min(lo, peak);
            hi = Math.max(hi, peak);
            if (peak > c) over.add(e.model() + " (" + Text.count(peak) + ")");
            else if (peak < 0.8 * c && peak < size.x()) under.add(e.model() + " (" + Text.count(peak) + ")");
        }
        if (hi == 0) return Optional.empty();
        List<String> parts = new ArrayList<>();
        if (!over.isEmpty()) parts.add(Text.and(over) + " go over C=" + c);
        if (!under.isEmpty()) parts.add(Text.and(under) + " stay under 80% of C=" + c);
        if (parts.isEmpty()) {
            return Optional.of("At " + size.label() + ", the server saw every concurrent model come near C=" + c
                    + " requests in flight and never exceed it (peak" + (lo == hi ? " " + Text.count(hi) : "s " + Text.count(lo) + " to " + Text.count(hi)) + ").");
        }
        return Optional.of("At " + size.label() + ", the server saw " + String.join(", and ", parts) + " requests in flight.");
    }

    /**
     * Where an operation is many HTTP requests, the client-side CPU each request cost, lowest and
     * highest: once the HTTP client is cheap, what sets the models apart.
     */
    static Optional<String> cpuPerRequest(ScenarioView s, Size size) {
        double requests = s.known == null ? Double.NaN : s.known.httpRequests(size);
        if (!(requests > 0)) return Optional.empty();
        return extremes(s, size, m -> m.cpuMsPerOp() * 1000 / requests, false).filter(x -> !x.minModel().equals(x.maxModel()))
                .map(x -> "Client CPU per HTTP request at " + size.label() + " (the whole fork's CPU over its " + Text.count(requests)
                        + " requests): " + range(x, v -> Text.num(v) + " µs") + ".");
    }

    static Optional<String> memory(ScenarioView s, Size largest) {
        if (s.has(Metrics::heapPerTaskBytes) || s.has(Metrics::rssPerTaskBytes)) {
            for (int i = s.sizes.size() - 1; i >= 0; i--) {
                Size size = s.sizes.get(i);
                var heap = extremes(s, size, Metrics::heapPerTaskBytes, true);
                var rss = extremes(s, size, Metrics::rssPerTaskBytes, true);
                if (heap.isEmpty() && rss.isEmpty()) continue;
                List<String> parts = new ArrayList<>();
                heap.ifPresent(x -> parts.add(range(x, Text::bytes) + " of live heap"));
                rss.ifPresent(x -> parts.add(range(x, Text::bytes) + " of resident memory"));
                return Optional.of("While " + Text.count(size.x()) + " tasks wait (" + size.label() + "), each costs "
                        + String.join(", and ", parts) + ".");
            }
        }
        return spread(s, largest, Metrics::rssPeakMb, "Peak resident memory", Text::mib);
    }

    /** The lowest and highest value at a size, and their models (marked when their row carries a note). */
    private record Extremes(String minModel, double min, String maxModel, double max) {
    }

    private static Optional<Extremes> extremes(ScenarioView s, Size size, ToDoubleFunction<Metrics> metric, boolean caveats) {
        Extremes x = null;
        for (Entry e : s.entries(size)) {
            if (e.row() == null || !e.row().ok()) continue;
            double v = metric.applyAsDouble(e.m());
            if (Double.isNaN(v)) continue;
            String who = !caveats || e.note().isEmpty() ? e.model() : e.model() + ", see its note";
            if (x == null) x = new Extremes(who, v, who, v);
            else x = new Extremes(v < x.min() ? who : x.minModel(), Math.min(v, x.min()), v > x.max() ? who : x.maxModel(), Math.max(v, x.max()));
        }
        return Optional.ofNullable(x);
    }

    private static String range(Extremes x, DoubleFunction<String> format) {
        if (x.minModel().equals(x.maxModel())) return format.apply(x.min()) + " (" + x.minModel() + ")";
        return "from " + format.apply(x.min()) + " (" + x.minModel() + ") to " + format.apply(x.max()) + " (" + x.maxModel() + ")";
    }

    static Optional<String> spread(ScenarioView s, Size size, ToDoubleFunction<Metrics> metric, String what,
                                                     DoubleFunction<String> format) {
        return extremes(s, size, metric, false).filter(x -> !x.minModel().equals(x.maxModel()))
                .map(x -> what + " at " + size.label() + ": " + range(x, format) + ".");
    }
}
