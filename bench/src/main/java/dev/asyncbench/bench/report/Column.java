package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The ranking table's optional columns, the same in both reports: a metric appears when some
 * row of the scenario has it (the first operation in a fresh JVM beside the steady state's time,
 * latency only where tasks can be observed, CPU per request where an operation is many HTTP
 * requests, memory per task only for the mass gather, the server's count only where a server is used).
 *
 * @param head   the column's heading
 * @param sub    what sets it apart from a column like it ("first op, fresh JVM"), under the heading; may be empty
 * @param title  what it means (a tooltip in the HTML)
 * @param value  the metric
 * @param format how a value reads
 */
record Column(String head, String sub, String title, ToDoubleFunction<Metrics> value, DoubleFunction<String> format) {

    Column(String head, String title, ToDoubleFunction<Metrics> value, DoubleFunction<String> format) {
        this(head, "", title, value, format);
    }

    /** The time column's own words, once the table has a cold column beside it. */
    static final String STEADY = "steady state";
    static final String STEADY_TITLE = "steady state: the mean wall time of the measured iterations, ± half-width of the 99.9% interval";
    static final String COLD_TITLE = "the first operation in a fresh JVM: the fork's checked run, before any warm-up "
            + "(class loading, code not yet compiled, pools and connections made on first use); one per fork";

    /** Said once above a scenario's tables when they have the cold column. */
    static final String COLD_LEGEND = "time ms is the steady state: the mean of the measured iterations (± the half-width of its 99.9% interval). "
            + "cold ms is the first operation in a fresh JVM: the fork's checked run of the model, before any warm-up; one per fork "
            + "(with several forks, their mean), so it has no interval.";

    static final String QUIET_TITLE = "time to quiescence: from the operation's start until the HTTP testbed has no request in flight, "
            + "so what the call cancelled (race's losers, a timed-out request) has stopped at the server; the mean over the measured "
            + "operations, polled every millisecond. Equal to the time when the model cancels before returning; later when it cancels "
            + "after returning, or never";

    /** Whether the scenario's tables show the cold column, and so label the time column as the steady state. */
    static boolean cold(ScenarioView s) {
        return s.has(Metrics::coldMs);
    }

    static List<Column> of(ScenarioView s, Size size) {
        List<Column> cols = new ArrayList<>();
        if (cold(s)) cols.add(new Column("cold ms", "first op, fresh JVM", COLD_TITLE, Metrics::coldMs, Text::num));
        if (s.has(Metrics::quietMs)) cols.add(new Column("quiet ms", "time to quiescence", QUIET_TITLE, Metrics::quietMs, Text::num));
        boolean load = s.known == dev.asyncbench.bench.results.BenchScenario.LOAD;
        if (s.has(Metrics::p50Ms)) cols.add(new Column("p50 ms", load ? "latency from each request's intended start, median"
                : "per-task latency from the operation's start, median", Metrics::p50Ms, Text::num));
        if (s.has(Metrics::p99Ms)) cols.add(new Column("p99 ms", "per-task latency, 99th percentile", Metrics::p99Ms, Text::num));
        if (s.has(Metrics::maxMs)) cols.add(new Column("max ms", "per-task latency, maximum", Metrics::maxMs, Text::num));
        if (s.has(Metrics::serviceP99Ms)) cols.add(new Column("service p99 ms", "service time (from a slot to the end), 99th percentile: "
                + "what a closed benchmark would report", Metrics::serviceP99Ms, Text::num));
        cols.add(new Column("CPU ms/op", "CPU time of the whole measured JVM per operation", Metrics::cpuMsPerOp, Text::num));
        double requests = s.known == null ? Double.NaN : s.known.httpRequests(size);
        if (requests > 0) {
            cols.add(new Column("CPU µs/req", "client side", "CPU time of the whole measured JVM (model, HTTP client, harness; not the server's) "
                    + "per HTTP request: CPU per operation over its " + Text.count(requests) + " requests", m -> m.cpuMsPerOp() * 1000 / requests, Text::num));
        }
        cols.add(new Column("alloc/op", "bytes allocated per operation, decimal units", Metrics::allocBytesPerOp, Text::bytes));
        if (s.has(Metrics::rssPeakMb)) cols.add(new Column("peak RSS", "peak resident set of the measured JVM", Metrics::rssPeakMb, Text::mib));
        if (s.has(Metrics::rssPerTaskBytes)) cols.add(new Column("RSS/task", "resident set growth while the N tasks wait, per task", Metrics::rssPerTaskBytes, Text::bytes));
        if (s.has(Metrics::heapPerTaskBytes)) cols.add(new Column("heap/task", "live heap after a full GC while the N tasks wait, per task", Metrics::heapPerTaskBytes, Text::bytes));
        cols.add(new Column("threads", "peak live platform threads of the measured JVM", Metrics::threadsPeak, Text::count));
        if (s.hasPositive(Metrics::serverPeakInFlight)) {
            cols.add(new Column("server in flight", "the HTTP testbed's peak of requests in flight", Metrics::serverPeakInFlight, Text::count));
        }
        if (s.has(Metrics::pinnedEvents)) cols.add(new Column("pinned/op", "JFR jdk.VirtualThreadPinned events per operation", Metrics::pinnedEvents, Text::num));
        return cols;
    }
}
