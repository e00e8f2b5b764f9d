package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.asyncbench.bench.report.ReportContentTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where an operation is many HTTP requests, the client's CPU per request: a column, a chart that
 * says what it counts, and a reading.
 */
class CpuPerRequestReportTest {

    @Test
    void cpuPerRequestIsAColumnAndAChartOfTheHttpScenarios(@TempDir Path dir) throws Exception {
        ReportWriter.standard().write(Fixtures.fullRun(), dir);
        String html = ColdReportTest.section(read(dir.resolve("index.html")), "<section id=\"http-fan-out\"", "<section ");
        assertTrue(html.contains(">CPU µs/req<span class=\"sub\">client\u00a0side</span></th>"), html);
        // rx at K=10,000: 5,000 ms of CPU per operation, 500 us per request
        String md = ColdReportTest.section(read(dir.resolve("report.md")), "## http-fan-out", "\n## ");
        assertTrue(md.contains("|CPU ms/op|CPU µs/req (client side)|alloc/op|"), md);
        assertTrue(md.contains("|5,000|500|250 MB|"), md);

        // the chart replaces CPU per operation there, and says what it counts
        List<Charts.Chart> charts = Charts.of(ReadingsTest.scenario(Fixtures.fullRun(), "http-fan-out"));
        List<String> keys = charts.stream().map(Charts.Chart::key).toList();
        assertTrue(keys.contains("http-fan-out-cpu-per-request") && !keys.contains("http-fan-out-cpu"), keys.toString());
        Charts.Chart cpu = charts.stream().filter(c -> c.key().equals("http-fan-out-cpu-per-request")).findFirst().orElseThrow();
        assertEquals("cpu", cpu.kind());
        assertTrue(cpu.title().startsWith("CPU per HTTP request"), cpu.title());
        assertTrue(cpu.svg().contains("client CPU per request (µs)"), "its axis names the side and the unit");
        assertTrue(cpu.svg().contains("<title>rx at K=10000 L=20ms B=1KiB C=100: 500 µs (5,000 ms of CPU per operation of 10,000 requests)</title>"), cpu.svg());
        String caption = "CPU per request is the whole fork process's CPU time per operation (the model, the HTTP client, the JMH harness, "
                + "JIT and GC; not the server's, which runs in its own JVM) over its K HTTP requests.";
        assertTrue(cpu.footnote().contains(caption), cpu.footnote());
        assertTrue(html.contains("<figcaption>" + Text.html(caption)), "under the chart in index.html");
        assertTrue(md.contains("![CPU per HTTP request, L=20ms B=1KiB C=100](charts/http-fan-out-cpu-per-request.svg)\n<sub>" + caption + "</sub>"), md);
        assertTrue(Files.exists(dir.resolve("charts/http-fan-out-cpu-per-request.svg")));

        String r = ReadingsTest.text(Readings.of(ReadingsTest.scenario(Fixtures.fullRun(), "http-fan-out")));
        assertTrue(r.contains("Client CPU per HTTP request at K=10000 L=20ms B=1KiB C=100 (the whole fork's CPU over its 10,000 requests): "
                + "from 350 µs (threads) to 600 µs (coroutines)."), r);

        // not where an operation is not a volume of requests
        String gatherMass = ColdReportTest.section(read(dir.resolve("index.html")), "<section id=\"gather-mass\"", "<section ");
        assertFalse(gatherMass.contains("µs/req"), "no column in gather-mass");
        assertTrue(Charts.of(ReadingsTest.scenario(Fixtures.fullRun(), "gather-mass")).stream().anyMatch(c -> c.key().equals("gather-mass-cpu")),
                "CPU per operation stays there");
    }

    @Test
    void anAggregateOperationIsTwoRequestsPerIdAndOneSizeIsABarChart() {
        Size size = Size.parse("N=200 L=10ms C=50 P=20");
        List<ResultRow> rows = List.of(
                Fixtures.ok("aggregate", "futures", size, 45, 1, 40, Metrics.builder().cpuMsPerOp(40)),
                Fixtures.ok("aggregate", "threads", size, 48, 1, 40, Metrics.builder().cpuMsPerOp(60)));
        RunView.ScenarioView s = ReadingsTest.scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), "aggregate");
        Column perRequest = Column.of(s, size).stream().filter(c -> c.head().equals("CPU µs/req")).findFirst().orElseThrow();
        // 40 ms over 2 x 200 requests (each id's profile and store)
        assertEquals(100, perRequest.value().applyAsDouble(rows.getFirst().metrics()), 1e-9);
        Charts.Chart cpu = Charts.of(s).stream().filter(c -> c.key().equals("aggregate-cpu-per-request")).findFirst().orElseThrow();
        assertTrue(cpu.svg().contains("data-kind=\"bars\""), "one size: a bar per model");
        assertTrue(cpu.svg().contains("<title>threads at N=200 L=10ms C=50 P=20: 150 µs (60 ms of CPU per operation of 400 requests)</title>"), cpu.svg());
        assertTrue(cpu.footnote().contains("over its 2N HTTP requests (each id's profile and store; the client side of its database queries is in the CPU too)."),
                cpu.footnote());
        assertTrue(ReadingsTest.text(Readings.of(s)).contains("from 100 µs (futures) to 150 µs (threads)"));
    }
}
