package dev.asyncbench.bench.run;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.Size;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the HTTP testbed server sustains, measured in every run by a load generator that is not
 * the suite's client: wrk (Debian's package {@code wrk}). Once at its raw ceiling (64
 * connections, 64-byte answers, no delay), then at each http-fan-out size of the run twice:
 * with the size's own C connections, B bytes and latency L (what the server gives anyone at
 * the same C, L and B: the figure to set the models beside), and with C connections and B
 * bytes but no delay (the server's ceiling there). A fan-out's ideal is then
 * max(ceil(K / C) x L, K / that ceiling): when the server cannot answer K requests in
 * ceil(K / C) x L, no model can, and the row says which bound applied.
 */
final class ServerCeiling {

    static final int RAW_CONNECTIONS = 64;
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    /** The raw ceiling, and per fan-out size wrk's rate at the size and the ceiling at its C and B (requests/s; negative: failed). */
    record Measured(double raw, Map<Size, Rates> bySize) {
    }

    /** At one fan-out size: wrk with the size's C, L and B; and with its C and B, no delay. */
    record Rates(double atSize, double ceiling) {
    }

    private ServerCeiling() {
    }

    /** Where wrk is, or null when it is not installed. */
    static Path wrk() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "wrk");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** The line that says how to get wrk, for a run that measures without it. */
    static final String MISSING = "wrk is not installed, so the server's ceiling is measured with the suite's own JDK client, which caps"
            + " it well below the server's (install it: apt-get install wrk)";

    /**
     * Measures with {@code wrk}: the raw ceiling, then each fan-out size (a warm-up run of
     * {@code warm}, then {@code measure}); its output goes to {@code log}. Negative rates: a wrk run failed.
     */
    static Measured measure(Path wrk, String server, List<Size> fanOuts, Duration warm, Duration measure, Path log,
                            java.util.function.BooleanSupplier stopped) {
        StringBuilder out = new StringBuilder();
        String rawUrl = server + "/bytes?seed=1&size=64&delayMs=0";
        run(wrk, RAW_CONNECTIONS, rawUrl, warm, out);
        double raw = run(wrk, RAW_CONNECTIONS, rawUrl, measure, out);
        Map<Size, Rates> bySize = new LinkedHashMap<>();
        for (Size s : fanOuts) {
            if (stopped.getAsBoolean()) break;
            int c = (int) s.get("C");
            String delayed = server + "/bytes?seed=1&size=" + s.get("B") + "&delayMs=" + s.get("L");
            String undelayed = server + "/bytes?seed=1&size=" + s.get("B") + "&delayMs=0";
            run(wrk, c, undelayed, warm, out);
            double ceiling = run(wrk, c, undelayed, measure, out);
            // wrk sends one URL: one request's draw, not a distribution's, so a size with one is not run delayed
            double atSize = s.hasDist() ? -1 : run(wrk, c, delayed, measure, out);
            bySize.put(s, new Rates(atSize, ceiling));
        }
        try {
            Files.writeString(log, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the figures are in the results; the log is a convenience
        }
        return new Measured(raw, bySize);
    }

    /** One wrk run of {@code connections} on 2 threads for {@code d}; requests/s, or -1. */
    private static double run(Path wrk, int connections, String url, Duration d, StringBuilder out) {
        List<String> command = List.of(wrk.toString(), "-t", String.valueOf(Math.min(2, connections)), "-c", String.valueOf(connections),
                "-d", Math.max(1, d.toSeconds()) + "s", "--timeout", "10s", url);
        out.append("$ ").append(String.join(" ", command)).append('\n');
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            out.append(text).append('\n');
            if (!p.waitFor(d.toSeconds() + 30, TimeUnit.SECONDS) || p.exitValue() != 0) return -1;
            Matcher m = RATE.matcher(text);
            return m.find() && !text.contains("Non-2xx") ? Double.parseDouble(m.group(1)) : -1;
        } catch (IOException e) {
            out.append(e).append('\n');
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The server note's words for the raw ceiling. */
    static String describe(Measured m, Duration measure) {
        if (m.raw() < 0) return "ceiling not measured (a wrk run failed; see logs/server-ceiling.log)";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "ceiling measured by wrk: about %,d requests/s (%d connections,"
                + " 64-byte answers, no delay, %s after as long a warm-up)", round(m.raw()), RAW_CONNECTIONS, Durations.format(measure)));
        m.bySize().forEach((s, r) -> {
            b.append("; at ").append(s.label()).append(": ");
            b.append(r.atSize() < 0 ? "not measured" : String.format(Locale.ROOT, "%,d requests/s with the same C, L and B (%,d requests in %.0f ms)",
                    round(r.atSize()), s.get("K"), 1000.0 * s.get("K") / r.atSize()));
            b.append(r.ceiling() < 0 ? ", ceiling not measured" : String.format(Locale.ROOT, ", ceiling %,d requests/s with C connections, B bytes,"
                    + " no delay", round(r.ceiling())));
        });
        return b.toString();
    }

    private static long round(double rate) {
        return Math.round(rate / 100) * 100;
    }

    /**
     * {@code rows} with each http-fan-out row's ideal raised to K / the server's ceiling at its
     * size when that is the higher bound, and its note saying so; other rows as they are.
     */
    static List<ResultRow> bound(List<ResultRow> rows, Measured m) {
        List<ResultRow> out = new ArrayList<>(rows.size());
        for (ResultRow row : rows) {
            Rates rates = row.scenario().equals(BenchScenario.HTTP_FAN_OUT.id()) ? m.bySize().get(row.size()) : null;
            double rate = rates == null ? -1 : rates.ceiling();
            boolean measured = row.status() == ResultRow.Status.OK || row.status() == ResultRow.Status.INCORRECT;
            if (rate <= 0 || !measured || row.metrics() == null || Double.isNaN(row.metrics().idealMs())) {
                out.add(row);
                continue;
            }
            double waiting = row.metrics().idealMs();
            double throughput = 1000.0 * row.size().get("K") / rate;
            if (throughput <= waiting) {
                out.add(row);
                continue;
            }
            String why = String.format(Locale.ROOT, "ideal bound by the server's ceiling: %,d requests at the %,d requests/s wrk reached"
                    + " with C connections and B bytes take %.0f ms, more than " + (row.size().hasDist()
                    ? "the greedy makespan of the drawn latencies" : "ceil(K / C) x L") + " = %.0f ms", row.size().get("K"), round(rate),
                    throughput, waiting);
            out.add(new ResultRow(row.scenario(), row.model(), row.harness(), row.size(), row.status(),
                    row.note().isEmpty() ? why : row.note() + "; " + why, row.metrics().toBuilder().idealMs(throughput).build()));
        }
        return out;
    }
}
