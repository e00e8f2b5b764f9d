package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The ranking table's optional columns, the same in both reports: a metric appears when some
 * row of the scenario has it (latency only where tasks can be observed, memory per task only
 * for the mass gather, the server's count only where a server is used).
 *
 * @param head   the column's heading
 * @param title  what it means (a tooltip in the HTML)
 * @param value  the metric
 * @param format how a value reads
 */
record Column(String head, String title, ToDoubleFunction<Metrics> value, DoubleFunction<String> format) {

    static List<Column> of(ScenarioView s) {
        List<Column> cols = new ArrayList<>();
        if (s.has(Metrics::p50Ms)) cols.add(new Column("p50 ms", "per-task latency from the operation's start, median", Metrics::p50Ms, Text::num));
        if (s.has(Metrics::p99Ms)) cols.add(new Column("p99 ms", "per-task latency, 99th percentile", Metrics::p99Ms, Text::num));
        if (s.has(Metrics::maxMs)) cols.add(new Column("max ms", "per-task latency, maximum", Metrics::maxMs, Text::num));
        cols.add(new Column("CPU ms/op", "CPU time of the whole measured JVM per operation", Metrics::cpuMsPerOp, Text::num));
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
