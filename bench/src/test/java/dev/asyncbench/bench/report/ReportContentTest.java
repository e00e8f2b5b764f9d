package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        assertEquals(1, count(html, "<script"), "one inline script");
        assertTrue(html.contains("<script>\n"), "inline, not loaded");
        String page = html.replaceAll("(?s)<pre class=\"code\">.*?</pre>", "");     // the models' code may well say fetch(
        assertFalse(page.contains("<link") || page.contains("@import") || page.contains("url(") || page.contains("fetch(") || page.contains("XMLHttpRequest"),
                "self-contained: no stylesheets, imports or fetched resources");
        assertFalse(html.contains(" src=") || html.contains("href=\"http"), "nothing loaded from elsewhere, no links out");
    }

    @Test
    void theFullPresetsReportStaysSmall(@TempDir Path dir) throws Exception {
        ReportWriter.standard().write(Fixtures.fullSample(dir), dir);
        long md = Files.size(dir.resolve("report.md")), html = Files.size(dir.resolve("index.html"));
        assertTrue(md < 150_000, "report.md of the full preset: " + md + " bytes");
        assertTrue(html < 900_000, "index.html of the full preset, opened at once: " + html + " bytes");
    }

    @Test
    void theCodeBesideTheNumbersIsEachScenarioMethodOnce(@TempDir Path dir) throws Exception {
        ReportWriter.standard().write(Fixtures.fullSample(dir), dir);
        String html = read(dir.resolve("index.html"));
        String md = read(dir.resolve("report.md"));
        for (String text : List.of(html.replaceAll("<[^>]+>", ""), md)) {
            assertEquals(1, count(text, "static List(&lt;|<)String(&gt;|>) gather\\(FuturesConfig config"),
                    "futures' gather, once (gather and fail-fast share it)");
            assertEquals(1, count(text, "suspend fun gatherMany"), "coroutines' mass gather, once");
            assertEquals(0, count(text, "(?m)^import |^package "), "no imports, no package lines");
        }
        // each file's header comment, once, with its first excerpt: five Java models' and one Kotlin model's eight files
        assertEquals(5 * 8, count(html, "&lt;li&gt;Threads:"), "Java headers");
        assertEquals(8, count(html, "\\* - Threads:"), "Kotlin headers");
        assertTrue(html.contains("Runs the code shown under gather."), "fail-fast names the code it shares");
        assertTrue(md.contains("- Cancellation: structured: in coroutineScope a failing child cancels its siblings"), "the header's list, as text");
    }

    @Test
    void anInterruptedRunSaysSoAtTheVeryTop(@TempDir Path dir) throws Exception {
        ResultSet full = Fixtures.fullRun();
        String why = "interrupted by SIGINT (Ctrl-C) after 12 of 40 combinations; 28 not measured";
        ReportWriter.standard().write(new ResultSet(full.environment().withInterrupted(why), full.rows()), dir);
        String said = "Interrupted by SIGINT (Ctrl-C) after 12 of 40 combinations; 28 not measured. "
                + "This report shows only the combinations that finished.";
        String html = read(dir.resolve("index.html"));
        assertTrue(html.contains("<body>\n<div class=\"interrupted\" role=\"alert\"><div class=\"wrap\"><b>Incomplete run.</b> " + said + "</div></div>\n"
                + "<header class=\"top\">"), "a banner right after <body>, above the header");
        assertTrue(html.contains("<title>asyncbench results (incomplete): "), "the tab says so too");
        assertTrue(html.contains("<dt>Interrupted</dt><dd>" + why + "</dd>"), "and the environment");
        List<String> md = read(dir.resolve("report.md")).lines().toList();
        assertEquals(List.of("# asyncbench results", "", "> **Incomplete run.** " + said, ""), md.subList(0, 4), "a quote right under the title");

        String css;
        try (var in = HtmlReport.class.getResourceAsStream("report.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int dark = css.indexOf("@media (prefers-color-scheme: dark)");
        assertTrue(css.indexOf(".interrupted {") < dark && css.indexOf(".interrupted {", dark) > dark, "the banner has colours for light and dark mode");

        Path completed = dir.resolve("completed");
        ReportWriter.standard().write(full, completed);
        assertFalse(read(completed.resolve("index.html")).contains("class=\"interrupted\""));
        assertFalse(read(completed.resolve("report.md")).contains("Incomplete run"));
        assertFalse(read(completed.resolve("report.md")).contains("| Interrupted |"));
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
        assertTrue(html.contains("<span class=\"badge failed\">failed</span>"), "html failure row");
        assertTrue(Pattern.compile("<tr class=\"note-row\" data-note-for=\"threads-per-task\"><td></td><td class=\"l note\" colspan=\"\\d+\"><div class=\"fit\">"
                + "OutOfMemoryError: unable to create native thread").matcher(html).find(), "its reason on the row below, as wide as the table");
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
        assertFalse(html.contains("<script>alert") || html.contains("<img") || html.contains("<b>topic") || html.contains("<i>model"), "nothing unescaped");
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
    void theCommandIsShownAsRecordedAndNeverGuessed(@TempDir Path dir) throws Exception {
        assertEquals(Optional.of("./suite run --models rx"), RunFacts.command(Fixtures.environment(Map.of(), Map.of("command", "./suite run --models rx"))));
        assertEquals(Optional.empty(), RunFacts.command(Fixtures.environment(Map.of(), Map.of())), "a full run without a recorded command");
        Size size = Size.of("N", 10, "L", 20);
        List<ResultRow> rows = List.of(Fixtures.ok("gather-mass", "rx", size, 21, 1, 20, Metrics.builder()));
        ReportWriter.standard().write(new ResultSet(Fixtures.environment(Map.of(), Map.of("command", "./suite run --sizes 'N=10 L=20ms'")), rows), dir.resolve("a"));
        assertTrue(read(dir.resolve("a/index.html")).contains("Produced by <code>./suite run --sizes &#39;N=10 L=20ms&#39;</code>"));
        assertTrue(read(dir.resolve("a/report.md")).contains("Produced by `./suite run --sizes 'N=10 L=20ms'`."));
        ReportWriter.standard().write(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), dir.resolve("b"));
        String html = read(dir.resolve("b/index.html"));
        assertFalse(html.contains("Produced by") || html.contains("--preset full"), "not guessed from the preset");
        assertTrue(html.contains("<dt>Command</dt><dd><span class=\"muted\">not recorded</span></dd>"));
        assertTrue(read(dir.resolve("b/report.md")).contains("| Command | *not recorded* |"));
    }

    @Test
    void theReportLinksTheDataFilesNextToIt(@TempDir Path dir) throws Exception {
        ResultSet set = Fixtures.quickRun(dir);
        Files.writeString(dir.resolve(ResultSet.JMH_JSON), "[]");
        ReportWriter.standard().write(set, dir);
        String html = read(dir.resolve("index.html"));
        for (String f : List.of("results.csv", "environment.json", "jmh-result.json")) {
            assertTrue(html.contains("<a href=\"" + f + "\"><code>" + f + "</code></a>"), f);
            assertTrue(read(dir.resolve("report.md")).contains("[" + f + "](" + f + ")"), f);
        }
        Files.delete(dir.resolve(ResultSet.JMH_JSON));
        ReportWriter.standard().write(set, dir);
        assertFalse(read(dir.resolve("index.html")).contains("href=\"jmh-result.json\""), "no link to a file that is not there");
    }

    @Test
    void theEnvironmentBlockHoldsNoMachinePathsAndReadableDurations(@TempDir Path dir) throws Exception {
        ResultSet set = Fixtures.quickRun(dir);
        Environment env = set.environment();
        List<String> flags = new ArrayList<>(env.forkFlags());
        flags.add("-XX:SharedArchiveFile=/tmp/v2/bench/target/fork-classes-jfr.jsa");
        Map<String, String> notes = new LinkedHashMap<>(env.notes());
        notes.put("budget", "a model whose one operation is expected to exceed 15.00 s at a size is skipped there");
        Environment moved = new Environment(env.preset(), env.started(), env.durationSeconds(), env.jdk(), flags, env.gc(), env.heap(), env.jmh(),
                env.cores(), env.memoryBytes(), env.os(), env.database(), env.server(), env.httpClient(), env.models(), env.unavailable(),
                env.gitCommit(), notes);
        ReportWriter.standard().write(new ResultSet(moved, set.rows()), dir);
        for (String f : List.of("index.html", "report.md")) {
            String text = read(dir.resolve(f));
            String block = text.substring(text.indexOf(f.endsWith(".md") ? "## Environment" : "<section id=\"environment\""));
            block = block.substring(0, block.indexOf(f.endsWith(".md") ? "\n## " : "</section>"));
            assertFalse(block.contains("/tmp/"), f + ": " + block);
            assertTrue(block.contains("-XX:SharedArchiveFile=fork-classes-jfr.jsa"), f);
            assertTrue(block.contains("see testbed-db.log"), f + ": the database's log, named without its folder");
            assertTrue(text.contains("expected to exceed 15 s at a size"), f);
        }
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

    @Test
    void pointsWithDifferentInputsAreNotJoined() {
        List<ResultRow> rows = new ArrayList<>();
        for (Size size : List.of(Size.parse("K=20 L=20ms B=1KiB C=10"), Size.parse("K=1000 L=20ms B=4KiB C=100"))) {
            rows.add(Fixtures.ok("http-fan-out", "rx", size, 60, 1, BenchScenario.HTTP_FAN_OUT.idealMs(size), Metrics.builder().cpuMsPerOp(30)));
        }
        RunView.ScenarioView loose = ReadingsTest.scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), "http-fan-out");
        for (Charts.Chart c : Charts.of(loose)) {
            assertFalse(c.svg().contains("stroke-linejoin"), c.key() + ": no line between points whose C, B differ");
            assertTrue(c.svg().contains("data-series=\"rx\" data-points=\"2\""), c.key());
            assertTrue(c.footnote().startsWith("Each point has its own inputs, so no line joins them"), c.footnote());
        }
        Charts.Chart joined = Charts.of(ReadingsTest.scenario(Fixtures.fullRun(), "gather-mass")).getFirst();
        assertTrue(joined.svg().contains("stroke-linejoin"), "a sweep of N at one L is a line");
    }

    @Test
    void efficiencyIsOnALinearAxisAndCpuPerOperationHasItsChart() {
        List<Charts.Chart> charts = Charts.of(ReadingsTest.scenario(Fixtures.fullRun(), "gather-mass"));
        assertEquals(List.of("gather-mass-time", "gather-mass-efficiency", "gather-mass-cpu", "gather-mass-rss-peak", "gather-mass-rss-per-task",
                "gather-mass-heap-per-task"), charts.stream().map(Charts.Chart::key).toList());
        Charts.Chart eff = charts.get(1);
        assertEquals("efficiency", eff.kind());
        for (String tick : List.of(">0<", ">0.2<", ">0.4<", ">0.6<", ">0.8<", ">1<")) assertTrue(eff.svg().contains(tick), "linear ticks: " + tick);
        assertTrue(eff.svg().contains("<title>virtual-threads at N=1000000 L=1000ms: 0.96 (1,040 ms against the ideal 1,000 ms)</title>"), "hover: its value");
        Charts.Chart cpu = charts.get(2);
        assertEquals("CPU time per operation, L=1000ms", cpu.title());
        assertTrue(cpu.svg().contains("<title>futures at N=1000000 L=1000ms: 2,050 ms</title>"), "CPU per operation of futures at a million: 50 + 2,000");
        // a single size: the time chart's bars say it
        assertEquals(List.of("gather-time", "gather-rss-peak"), Charts.of(ReadingsTest.scenario(Fixtures.fullRun(), "gather")).stream().map(Charts.Chart::key).toList());
    }

    @Test
    void legendEntriesNameTheirSeriesForThePageToHideIt(@TempDir Path dir) throws Exception {
        ReportWriter.standard().write(Fixtures.fullRun(), dir);
        String svg = read(dir.resolve("charts/gather-mass-time.svg"));
        for (String m : Fixtures.MODELS) assertTrue(svg.contains("<g class=\"legend\" data-series=\"" + m + "\">"), m);
        String html = read(dir.resolve("index.html"));
        assertTrue(html.contains("svg.chart g.series.hidden { display: none; }") && html.contains("g.legend[data-series]"), "the page hides what a click names");
        assertTrue(html.contains("@media (prefers-color-scheme: dark)"), "a dark scheme");
    }
}
