package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report as a browser shows it: headless Chromium parses index.html (--dump-dom) and draws
 * it and a chart file (--screenshot). The DOM must hold every chart with its series, every
 * ranking table with a row per model, and every model's code; the pictures must not be blank,
 * and a chart must show each model's colour. The rendered reports and their screenshots stay in
 * target/report-samples/ for a person to look at.
 */
class ReportInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium not found at /usr/bin/chromium; install Debian's chromium package (.ci/run does)");
    }

    /** A fresh folder under target/report-samples/ (the module's build folder: surefire runs in bench/). */
    static Path sample(String name) throws IOException {
        Path dir = Path.of("target", "report-samples", name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        return Files.createDirectories(dir);
    }

    @Test
    void aRealQuickRunRendersWithItsChartsTablesAndCode() throws Exception {
        Path dir = sample("quick");
        ResultSet set = Fixtures.quickRun(dir);
        check(set, dir, "quick");
    }

    @Test
    void aFullRunWithFailuresGapsAndTheHarnessCheckRenders() throws Exception {
        Path dir = sample("full");
        ResultSet set = Fixtures.fullRun();
        check(set, dir, "full");
        String dom = chromium(dir.resolve("index.html"), "--dump-dom");
        assertTrue(dom.contains("<table class=\"tax\">"), "the no-harness-tax table");
        assertEquals(3, count(dom, "<tr data-model=\"virtual-threads\" data-status=\"missing\""), "a model without rows is shown, not dropped");
    }

    @Test
    void aLegendClickHidesASeriesAndAHeadingClickSortsATable() throws Exception {
        Path dir = sample("interactive");
        ReportWriter.standard().write(Fixtures.fullRun(), dir);
        // what a reader's clicks do, read back from the page by a probe added to a copy of it
        String probe = """
                <script>(function () {
                  var chart = 'svg[data-chart="gather-mass-time"] ';
                  document.querySelector(chart + 'g.legend[data-series="rx"]').dispatchEvent(new MouseEvent('click', {bubbles: true}));
                  var hidden = document.querySelector(chart + 'g.series[data-series="rx"]').classList.contains('hidden');
                  var table = document.querySelector('#gather-mass table.ranking');
                  var time = table.querySelectorAll('thead th')[3];
                  time.click();
                  time.click();
                  var order = [].map.call(table.tBodies[0].rows, function (r) {
                    return r.getAttribute('data-model') || 'note:' + r.getAttribute('data-note-for');
                  }).join(',');
                  document.body.setAttribute('data-probe', hidden + '|' + order + '|' + getComputedStyle(document.body).backgroundColor);
                })();</script>
                """;
        Path page = dir.resolve("probe.html");
        Files.writeString(page, Files.readString(dir.resolve("index.html")).replace("</body>", probe + "</body>"));
        String light = probed(chromium(page, "--dump-dom"));
        assertEquals("true|threads,rx,futures,coroutines,virtual-threads,threads-per-task,note:threads-per-task,sequential,note:sequential"
                + "|rgb(245, 246, 248)", light, "rx hidden; slowest first, the rows without a time last, each note under its row");
        String dark = probed(chromium(page, "--dump-dom", "--blink-settings=preferredColorScheme=0"));
        assertTrue(dark.endsWith("|rgb(13, 17, 23)"), "dark when the reader's system is: " + dark);
    }

    private static String probed(String dom) {
        Matcher m = Pattern.compile("data-probe=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "the probe ran: " + dom.substring(Math.max(0, dom.length() - 300)));
        return m.group(1);
    }

    private void check(ResultSet set, Path dir, String name) throws Exception {
        Path index = ReportWriter.standard().write(set, dir);
        RunView view = RunView.of(set);
        String dom = chromium(index, "--dump-dom");
        assertTrue(dom.contains("<h1>asyncbench <span>results</span></h1>"), "the page was parsed: " + dom.substring(0, Math.min(500, dom.length())));

        // every chart file is in the page, as an svg element with at least one model's points
        List<Path> chartFiles;
        try (var files = Files.list(dir.resolve("charts"))) {
            chartFiles = files.sorted().toList();
        }
        assertTrue(chartFiles.size() >= view.scenarios.size() / 2, "charts: " + chartFiles);
        List<String> svgs = elements(dom, "<svg ", "</svg>");
        List<String> charts = svgs.stream().filter(s -> s.contains("class=\"chart\"")).toList();
        assertEquals(chartFiles.size(), charts.size(), "one svg element per chart file");
        for (String svg : charts) {
            assertTrue(Pattern.compile("<g class=\"series\" data-series=\"[^\"]+\" data-points=\"[1-9]").matcher(svg).find(),
                    "a chart with a plotted series: " + svg.substring(0, Math.min(300, svg.length())));
            assertTrue(svg.contains("<text"), "labelled axes");
        }

        // every scenario, a ranking table per size, a row per model in each
        int sizes = view.scenarios.stream().mapToInt(s -> s.sizes.size()).sum();
        assertEquals(view.scenarios.size(), count(dom, "<section id=\"[^\"]+\" class=\"card scenario\""));
        List<String> tables = elements(dom, "<table class=\"ranking\"", "</table>");
        assertEquals(sizes, tables.size());
        for (String t : tables) assertEquals(view.models.size(), count(t, "<tr data-model="), "a row per model: " + t.substring(0, 120));

        // each model's code, side by side, highlighted
        long withCode = view.scenarios.stream().filter(s -> SourceFiles.fileFor(s.id).isPresent()).count();
        assertEquals(withCode * view.models.size(), count(dom, "<details class=\"code-col\""));
        // each method once per report: a model's column shows code where its scenario brings a method of its own
        long methods = view.scenarios.stream().filter(s -> s.known != null && SourceFiles.fileFor(s.id).isPresent())
                .map(s -> ScenarioTerms.methods(s.known)).distinct().count();
        assertTrue(count(dom, "<pre class=\"code\">") >= methods * (view.models.size() - 1), "sources found for the models");
        assertTrue(dom.contains("<span class=\"k\">"), "highlighted keywords");

        // what a person sees: not blank, and a chart shows every plotted model's colour
        Path page = dir.resolve("screenshot-page.png");
        chromium(index, "--screenshot=" + page, "--window-size=1280,2400", "--hide-scrollbars");
        BufferedImage img = ImageIO.read(page.toFile());
        assertTrue(colours(img) > 200, "the page screenshot has " + colours(img) + " colours");

        Path chartFile = dir.resolve("charts/gather-mass-time.svg");
        Path chartShot = dir.resolve("screenshot-gather-mass-time.png");
        chromium(chartFile, "--screenshot=" + chartShot, "--window-size=800,520", "--hide-scrollbars");
        BufferedImage chart = ImageIO.read(chartShot.toFile());
        String svg = Files.readString(chartFile, StandardCharsets.UTF_8);
        for (String model : view.models) {
            if (!Pattern.compile("data-series=\"" + Pattern.quote(model) + "\" data-points=\"[1-9]").matcher(svg).find()) continue;
            String colour = ModelStyle.of(model).colour();
            int n = pixels(chart, Integer.parseInt(colour.substring(1), 16));
            assertTrue(n >= 15, model + "'s colour " + colour + " shows in " + n + " pixels of the drawn chart");
        }
    }

    /** Runs headless Chromium on a file with a fresh profile; returns what it printed. */
    private String chromium(Path file, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        cmd.add(file.toUri().toString());
        Path out = tmp.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = tmp.resolve("chromium-" + System.nanoTime() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 120 s: " + cmd);
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) fail("chromium exited " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        return printed;
    }

    static List<String> elements(String dom, String open, String close) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while ((i = dom.indexOf(open, i)) >= 0) {
            int end = dom.indexOf(close, i);
            found.add(dom.substring(i, end < 0 ? dom.length() : end + close.length()));
            i = end < 0 ? dom.length() : end;
        }
        return found;
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2) seen.add(img.getRGB(x, y) & 0xffffff);
        return seen.size();
    }

    /** Pixels within a small distance of an RGB colour. */
    private static int pixels(BufferedImage img, int rgb) {
        int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff, n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xff) - r) <= 14 && Math.abs((p >> 8 & 0xff) - g) <= 14 && Math.abs((p & 0xff) - b) <= 14) n++;
            }
        }
        return n;
    }
}
