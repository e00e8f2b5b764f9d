package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the report files hold: every combination, escaped text, the harness check, charts that match the data. */
class ReportContentTest {

    static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void writesIndexMarkdownAndChartsAndPointsAtTheHtml(@TempDir Path dir) throws Exception {
        Path main = ReportWriter.standard().write(Fixtures.fullRun(), dir);
        assertEquals(dir.resolve("index.html"), main);
        assertTrue(Files.exists(dir.resolve("report.md")));
        try (var charts = Files.list(dir.resolve("charts"))) {
            List<String> names = charts.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.containsAll(List.of("gather-mass-time.svg", "gather-mass-rss-peak.svg", "gather-mass-rss-per-task.svg",
                    "gather-mass-heap-per-task.svg", "gather-time.svg", "http-fan-out-time.svg")), names.toString());
            String md = read(dir.resolve("report.md"));
            for (String n : names) assertTrue(md.contains("](charts/" + n + ")"), "report.md shows " + n);
        }
        String html = read(main);
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import") || html.contains("url("),
                "self-contained: no scripts, stylesheets, imports or fetched resources");
        assertFalse(html.contains(" src=") || html.contains("href=\"http"), "nothing loaded from elsewhere, no links out");
    }

    @Test
    void renderingAgainReplacesChartsItNoLongerHas(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("charts"));
        Files.writeString(dir.resolve("charts/old-time.svg"), "<svg/>");
        ReportWriter.standard().write(Fixtures.fullRun(), dir);
        assertFalse(Files.exists(dir.resolve("charts/old-time.svg")));
    }

    @Test
    void everyModelAtEverySizeHasARowWithAReasonWhenThereIsNoNumber(@TempDir Path dir) throws Exception {
        ResultSet set = Fixtures.fullRun();
        ReportWriter.standard().write(set, dir);
        String html = read(dir.resolve("index.html"));
        String md = read(dir.resolve("report.md"));
        RunView view = RunView.of(set);
        int tables = 0;
        for (RunView.ScenarioView s : view.scenarios) {
            for (Size size : s.sizes) {
                tables++;
                String table = html.substring(html.indexOf("<section id=\"" + Text.slug(s.id) + "\""));
                table = table.substring(table.indexOf("data-size=\"" + Text.html(size.label()) + "\""));
                table = table.substring(0, table.indexOf("</table>"));
                for (String model : view.models) {
                    assertTrue(table.contains("<tr data-model=\"" + model + "\""), s.id + " " + size.label() + " has a row for " + model);
                }
            }
        }
        assertEquals(tables, count(html, "<table class=\"ranking\""));
        // virtual-threads has no http-fan-out rows at all: shown as missing, with why
        assertEquals(3, count(html, "<tr data-model=\"virtual-threads\" data-status=\"missing\""));
        assertTrue(html.contains("no row in results.csv for this model at this size"));
        assertTrue(md.contains("**missing**: no row in results.csv for this model at this size"), md);
        // the failure says what failed, where and why, in both files
        assertTrue(html.contains("<span class=\"badge failed\">failed</span> OutOfMemoryError: unable to create native thread"), "html failure row");
        assertTrue(md.contains("**failed**: OutOfMemoryError: unable to create native thread"), "md failure row");
        // the overview has a cell for every scenario x model
        String overview = html.substring(html.indexOf("<table class=\"overview\">"), html.indexOf("</table>", html.indexOf("<table class=\"overview\">")));
        assertEquals(view.scenarios.size() * view.models.size(), count(overview, "<td class=\"cell"));
        assertTrue(overview.contains("status-missing"), "virtual-threads' http-fan-out cell says missing");
    }

    @Test
    void everythingFromTheFilesIsEscaped(@TempDir Path dir) throws Exception {
        String evil = "<script>alert('x')</script> & \"q\" | `tick` <img src=x onerror=alert(1)>";
        Size size = Size.of("N", 10, "L", 20);
        Map<String, String> models = new LinkedHashMap<>();
        models.put("rx", evil);
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("command", "./suite run --sizes 'N=10 L=20ms' " + evil);
        notes.put("<b>topic</b>", evil);
        ResultSet set = new ResultSet(Fixtures.environment(models, notes), List.of(
                new ResultRow("gather-mass", "rx", ResultRow.SUITE, size, ResultRow.Status.OK, evil,
                        Metrics.builder().samples(3).time(21, 1).idealMs(20).build()),
                new ResultRow("gather-mass", "evil<i>model</i>", ResultRow.SUITE, size, ResultRow.Status.FAILED, evil, Metrics.NONE),
                new ResultRow("gather-mass", "rx", ResultRow.MINIMAL, size, ResultRow.Status.OK, evil,
                        Metrics.builder().samples(3).time(20, 1).build())));
        ReportWriter.standard().write(set, dir);
        String html = read(dir.resolve("index.html"));
        assertFalse(html.contains("<script") || html.contains("<img") || html.contains("<b>topic") || html.contains("<i>model"), "nothing unescaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        // code spans show their text as it is (Markdown renders them as text), so look outside them
        String md = read(dir.resolve("report.md")).replaceAll("(`+)(?!`).+?(?<!`)\\1(?!`)", "");
        assertFalse(md.contains("<script") || md.contains("<img") || md.contains("<i>model"), "nothing unescaped in report.md: " + md);
        try (var charts = Files.list(dir.resolve("charts"))) {
            for (Path chart : charts.toList()) {
                String svg = read(chart);
                assertFalse(svg.contains("<script") || svg.contains("<img") || svg.contains("<i>"), chart + " escapes its text");
            }
        }
    }

    @Test
    void theHarnessCheckComparesEachMinimalProgramWithTheSuite() {
        List<HarnessTax.Pair> pairs = HarnessTax.pairs(RunView.of(Fixtures.fullRun()));
        assertEquals(3 * Fixtures.MODELS.size(), pairs.size(), "three sizes, every model");
        HarnessTax.Pair rx = pairs.stream().filter(p -> p.model().equals("rx") && p.size().x() == 100_000).findFirst().orElseThrow();
        HarnessTax.Diff time = HarnessTax.diff(rx, HarnessTax.Measure.TIME);
        assertEquals(0.25, time.relative(), 1e-9, "the suite's rx takes 1 / 0.8 of its minimal program");
        assertTrue(time.flagged());
        HarnessTax.Pair futures = pairs.stream().filter(p -> p.model().equals("futures") && p.size().x() == 100_000).findFirst().orElseThrow();
        assertFalse(HarnessTax.diff(futures, HarnessTax.Measure.TIME).flagged(), "3% is not flagged");
        assertTrue(HarnessTax.diff(futures, HarnessTax.Measure.RSS_PEAK).comparable());
        HarnessTax.Pair failed = pairs.stream().filter(p -> p.model().equals("threads-per-task") && p.size().x() == 1_000_000).findFirst().orElseThrow();
        assertFalse(HarnessTax.diff(failed, HarnessTax.Measure.TIME).comparable(), "no number on either side");
        String readings = String.join("\n", HarnessReadings.of(pairs));
        assertTrue(readings.contains("Time: the suite differs from the minimal program by more than 15% in 3 of 17 comparisons: "
                + "rx at N=10,000 +25.0%, rx at N=100,000 +25.0%, rx at N=1,000,000 +25.0%."), readings);
        assertTrue(readings.matches("(?s).*Peak RSS: .*the suite's peak is a median of [-+][0-9.,]+ MiB above the minimal program's here "
                + "\\([-+][0-9.,]+ MiB to [-+][0-9.,]+ MiB\\); the memory per task columns leave that fixed part out\\..*"), readings);
    }

    @Test
    void theHarnessSectionSaysWhenTheCheckDidNotRun(@TempDir Path dir) throws Exception {
        Size size = Size.of("N", 10, "L", 20);
        ResultSet set = new ResultSet(Fixtures.environment(Fixtures.describe(), Map.of()), List.of(
                Fixtures.ok("gather-mass", "rx", size, 21, 1, 20, Metrics.builder())));
        ReportWriter.standard().write(set, dir);
        assertTrue(read(dir.resolve("index.html")).contains("The check did not run: results.csv has no rows with harness=minimal"));
        assertTrue(read(dir.resolve("report.md")).contains("The check did not run: results.csv has no rows with harness=minimal"));
    }

    @Test
    void theCommandComesFromEnvironmentJson() {
        assertEquals("./suite run --preset full", RunFacts.command(Fixtures.environment(Map.of(), Map.of())).command());
        assertEquals("./suite run --models rx", RunFacts.command(Fixtures.environment(Map.of(), Map.of("command", "./suite run --models rx"))).command());
        var custom = new dev.asyncbench.bench.results.Environment("custom", "x", 1, "jdk", List.of(), "G1", "", "", 2, 0, "", "", "", "",
                Map.of(), List.of(), "", Map.of());
        assertEquals(null, RunFacts.command(custom).command());
        assertTrue(RunFacts.command(custom).remark().contains("see environment.json"));
    }

    @Test
    void oddSizesDoNotBreakTheCharts(@TempDir Path dir) throws Exception {
        List<ResultRow> rows = List.of(
                Fixtures.ok("hello", "rx", Size.of("L", 0), 0.05, 0.01, 0, Metrics.builder()),
                Fixtures.ok("hello", "rx", Size.of("L", 10), 10.2, 0.1, 10, Metrics.builder()),
                Fixtures.ok("hello", "rx", Size.of("L", 100), 100.3, 0.1, 100, Metrics.builder()));
        ReportWriter.standard().write(new ResultSet(Fixtures.environment(Map.of("rx", "r"), Map.of()), rows), dir);
        String html = read(dir.resolve("index.html"));
        assertTrue(html.contains("L=0ms cannot be placed on a log axis: see the table."), "said, not dropped");
        assertTrue(html.contains("data-size=\"L=0ms\""), "its table is there");
    }

    @Test
    void sizesSharingTheirOtherInputsShareALineChart() {
        List<RunView.Sweep> sweeps = RunView.sweeps(List.of(Size.parse("N=3 U=10ms"), Size.parse("N=3 U=1000ms"), Size.parse("N=300 U=10ms"),
                Size.parse("N=30000 U=10ms")));
        assertEquals(2, sweeps.size());
        assertEquals("U=10ms", sweeps.get(0).shared());
        assertEquals(List.of(3.0, 300.0, 30000.0), sweeps.get(0).xs());
        assertTrue(sweeps.get(1).single(), "the post's example at U=1000ms is a bar chart of its own");
        List<RunView.Sweep> loose = RunView.sweeps(List.of(Size.parse("K=20 L=20ms B=1KiB C=10"), Size.parse("K=1000 L=20ms B=4KiB C=100")));
        assertEquals(1, loose.size());
        assertEquals(null, loose.getFirst().shared(), "points with their own inputs, said in the footnote");
    }

    @Test
    void chartsDrawOneSeriesPerModelAndTheIdeal() {
        RunView.ScenarioView s = ReadingsTest.scenario(Fixtures.fullRun(), "gather-mass");
        Charts.Chart time = Charts.of(s).getFirst();
        assertEquals("gather-mass-time", time.key());
        for (String m : Fixtures.MODELS) assertTrue(time.svg().contains("data-series=\"" + m + "\""), m);
        assertTrue(time.svg().contains("data-series=\"ideal\""));
        assertTrue(time.svg().contains("data-series=\"sequential\" data-points=\"1\""), "sequential only at N=10");
        assertEquals("Not plotted: sequential at N=10,000, N=100,000 and N=1,000,000 (skipped); threads-per-task at N=1,000,000 (failed).",
                time.footnote());
        Charts.Chart post = Charts.of(ReadingsTest.scenario(Fixtures.fullRun(), "gather")).getFirst();
        assertTrue(post.svg().contains("data-kind=\"bars\""), "one size: bars");
        assertTrue(post.title().contains("N=3 U=1000ms"), post.title());
    }
}
