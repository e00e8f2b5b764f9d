package dev.asyncbench.bench.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code results.csv}: one row per scenario, model, harness and size; the columns are
 * {@link #COLUMNS}, documented in {@code bench/RESULTS.md}. RFC 4180 quoting; numbers with six
 * significant digits; a value that was not measured is an empty cell. Read by column name, so
 * that results written before a column was added still read.
 */
public final class ResultsCsv {

    /** Column names, in file order. */
    public static final List<String> COLUMNS = List.of(
            "scenario", "model", "harness", "size", "axis", "x", "status", "note",
            "samples", "time_ms", "time_error_ms", "ideal_ms", "efficiency",
            "p50_ms", "p99_ms", "max_ms", "cpu_ms_per_op", "alloc_bytes_per_op",
            "rss_peak_mb", "rss_per_task_bytes", "heap_per_task_bytes",
            "threads_peak", "server_peak_in_flight", "pinned_events", "cold_ms", "quiet_ms", "service_p99_ms");

    private static final List<Function<Metrics, Double>> METRICS = List.of(
            Metrics::samples, Metrics::timeMs, Metrics::timeErrorMs, Metrics::idealMs, Metrics::efficiency,
            Metrics::p50Ms, Metrics::p99Ms, Metrics::maxMs, Metrics::cpuMsPerOp, Metrics::allocBytesPerOp,
            Metrics::rssPeakMb, Metrics::rssPerTaskBytes, Metrics::heapPerTaskBytes,
            Metrics::threadsPeak, Metrics::serverPeakInFlight, Metrics::pinnedEvents, Metrics::coldMs, Metrics::quietMs, Metrics::serviceP99Ms);

    /** Six significant digits: finer than any measurement here, short enough to read. */
    private static final MathContext SIGNIFICANT = new MathContext(6);

    private ResultsCsv() {
    }

    public static String write(List<ResultRow> rows) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (ResultRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.scenario(), r.model(), r.harness(), r.size().label(),
                    r.size().axis(), Long.toString(r.size().x()), r.status().id(), r.note()));
            for (var metric : METRICS) cells.add(number(metric.apply(r.metrics())));
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) out.append(',');
                out.append(quote(cells.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The columns a row cannot be read without; any other may be missing (a file written before it was added): empty then. */
    private static final List<String> REQUIRED = List.of("scenario", "model", "harness", "size", "status");

    /**
     * Parses what {@link #write} wrote, or an older or newer version of it: columns are found by
     * their header name, in any order; a metric or note column missing from the header reads as
     * not measured (or empty), and a column this version does not know is ignored.
     * {@link IllegalArgumentException} naming the line when it cannot.
     */
    public static List<ResultRow> read(String text) {
        List<List<String>> records = parse(text);
        if (records.isEmpty()) throw new IllegalArgumentException("empty file: expected the header " + String.join(",", COLUMNS));
        List<String> header = records.getFirst();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) at.putIfAbsent(header.get(i).strip(), i);
        for (String column : REQUIRED) {
            if (!at.containsKey(column)) {
                throw new IllegalArgumentException("unexpected header (line 1): no column '" + column + "'; expected " + String.join(",", COLUMNS));
            }
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> c = records.get(i);
            if (c.size() == 1 && c.getFirst().isEmpty()) continue;
            if (c.size() != header.size()) {
                throw new IllegalArgumentException("record " + (i + 1) + " has " + c.size() + " cells, expected " + header.size());
            }
            Function<String, String> cell = column -> at.containsKey(column) ? c.get(at.get(column)) : "";
            try {
                double[] m = new double[METRICS.size()];
                for (int k = 0; k < m.length; k++) m[k] = parseNumber(cell.apply(COLUMNS.get(8 + k)), COLUMNS.get(8 + k));
                Metrics metrics = new Metrics(m[0], m[1], m[2], m[3], m[5], m[6], m[7], m[8], m[9], m[10], m[11], m[12], m[13], m[14], m[15], m[16], m[17], m[18]);
                Size size = Size.parse(cell.apply("size"));
                rows.add(new ResultRow(cell.apply("scenario"), cell.apply("model"), cell.apply("harness"), size,
                        ResultRow.Status.byId(cell.apply("status")), cell.apply("note"), metrics));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("record " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return BigDecimal.valueOf(v).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    private static double parseNumber(String s, String column) {
        if (s.isEmpty()) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + s + "'");
        }
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; } else quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(ch);
            }
        }
        if (quoted) throw new IllegalArgumentException("unterminated quoted cell at the end of the file");
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }
}
