package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.asyncbench.bench.report.ReportContentTest.read;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first operation in a fresh JVM (cold) next to the steady state: labelled as such in both
 * reports, read aloud for the mass gather, compared in the no-harness-tax check, and absent
 * from results written before it was recorded.
 */
class ColdReportTest {

    /** The part of {@code text} from a scenario's section to the next one's. */
    static String section(String text, String start, String end) {
        String from = text.substring(text.indexOf(start));
        int stop = from.indexOf(end, start.length());
        return stop < 0 ? from : from.substring(0, stop);
    }

    @Test
    void theColdTimeSitsBesideTheSteadyStateAndEachSaysWhichItIs(@TempDir Path dir) throws Exception {
        ReportWriter.standard().write(Fixtures.fullRun(), dir);
        String html = section(read(dir.resolve("index.html")), "<section id=\"gather-mass\"", "<section ");
        assertTrue(html.contains("<p class=\"muted legend\">time ms is the steady state: the mean of the measured iterations"), "said once above the tables");
        assertTrue(html.contains("<th title=\"steady state: the mean wall time of the measured iterations, ± half-width of the 99.9% interval\">"
                + "time ms<span class=\"sub\">steady\u00a0state</span></th><th title=\"the first operation in a fresh JVM: "), html);
        assertTrue(html.contains(">cold ms<span class=\"sub\">first\u00a0op, fresh\u00a0JVM</span></th>"), "right after the time");
        // virtual-threads at a million: 1,040 ms ± 20.8 steady, 10,500 ms in the fork's first operation
        assertTrue(html.contains("<td class=\"time\">1,040<span class=\"err\"> ± 20.8</span></td><td>10,500</td>"), html);

        String md = section(read(dir.resolve("report.md")), "## gather-mass", "\n## ");
        assertTrue(md.contains("*time ms is the steady state: the mean of the measured iterations (± the half-width of its 99.9% interval). "
                + "cold ms is the first operation in a fresh JVM: the fork's checked run of the model, before any warm-up; "
                + "one per fork (with several forks, their mean), so it has no interval.*"), md);
        assertTrue(md.contains("|#|model|efficiency|time ms (steady state)|±|cold ms (first op, fresh JVM)|"), md);
        assertTrue(md.contains("|1|virtual-threads|0.96|1,040|20.8|10,500|"), md);

        // the post's gather has no cold time (rows written before it was recorded): no column, no legend, the time as it was
        String gather = section(read(dir.resolve("index.html")), "<section id=\"gather\"", "<section ");
        assertFalse(gather.contains("cold ms") || gather.contains("class=\"muted legend\"") || gather.contains("steady state"), gather);
        assertTrue(gather.contains(">time ms</th>"), gather);
        assertTrue(section(read(dir.resolve("report.md")), "## gather\n", "\n## ").contains("|#|model|efficiency|time ms|±|p50 ms|"));
    }

    @Test
    void resultsWrittenBeforeTheColdTimeShowNoColdColumn(@TempDir Path dir) throws Exception {
        ReportWriter.standard().write(Fixtures.quickRun(dir), dir);
        for (String f : List.of("index.html", "report.md")) {
            String text = read(dir.resolve(f));
            assertFalse(text.contains("cold ms") || text.contains("fresh JVM") || text.contains("Cold (first op)"), f);
        }
    }

    @Test
    void theMassGatherReadingGivesBothNumbersWhenColdIsFarFromSteady() {
        String r = ReadingsTest.text(Readings.of(ReadingsTest.scenario(Fixtures.fullRun(), "gather-mass")));
        assertTrue(r.contains("At N=1000000 L=1000ms, a fresh JVM's first operation (cold) took over twice as long as the steady state for "
                + "virtual-threads: 10,500 ms cold against 1,040 ms steady; threads, futures, rx and coroutines stayed within a factor of 2. "
                + "A program that gathers once, in a new JVM, sees the cold time."), r);

        // several far from it, the furthest first; and within a factor of two everywhere: nothing to say
        List<ResultRow> far = new ArrayList<>();
        for (ResultRow row : Fixtures.fullRun().rows()) {
            if (row.scenario().equals("gather-mass") && row.harness().equals(ResultRow.SUITE) && row.size().x() == 1_000_000
                    && (row.model().equals("rx") || row.model().equals("futures"))) {
                row = new ResultRow(row.scenario(), row.model(), row.harness(), row.size(), row.status(), row.note(),
                        row.metrics().toBuilder().coldMs(row.metrics().timeMs() * (row.model().equals("rx") ? 3 : 0.25)).build());
            }
            far.add(row);
        }
        String several = ReadingsTest.text(Readings.of(ReadingsTest.scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), far), "gather-mass")));
        assertTrue(several.contains("At N=1000000 L=1000ms, a fresh JVM's first operation (cold) was more than a factor of 2 from the steady state for "
                + "futures, rx and virtual-threads: virtual-threads 10,500 ms cold against 1,040 ms steady, rx 6,600 ms against 2,200 ms, "
                + "futures 475 ms against 1,900 ms; threads and coroutines stayed within a factor of 2."), several);

        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow row : Fixtures.fullRun().rows()) {
            if (row.model().equals("virtual-threads") && row.scenario().equals("gather-mass")) {
                row = new ResultRow(row.scenario(), row.model(), row.harness(), row.size(), row.status(), row.note(),
                        row.metrics().toBuilder().coldMs(row.metrics().timeMs() * 1.9).build());
            }
            rows.add(row);
        }
        String close = ReadingsTest.text(Readings.of(ReadingsTest.scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), "gather-mass")));
        assertFalse(close.contains("(cold)"), close);
        // the HTTP fan-out's cold operations are 2.5 times its steady ones, but readers compare cold and warm for the mass gather
        assertFalse(ReadingsTest.text(Readings.of(ReadingsTest.scenario(Fixtures.fullRun(), "http-fan-out"))).contains("(cold)"));
    }

    @Test
    void theNoHarnessTaxCheckComparesColdToo() {
        List<HarnessTax.Pair> pairs = HarnessTax.pairs(RunView.of(Fixtures.fullRun()));
        assertTrue(HarnessTax.measures(pairs).contains(HarnessTax.Measure.COLD));
        String readings = String.join("\n", HarnessReadings.of(pairs));
        assertTrue(readings.contains("Cold (first op): the suite is within 15% of the minimal programs in all 17 comparisons. "
                + "Cold is each JVM's first operation: one each, so no error margin says what is noise."), readings);
    }
}
