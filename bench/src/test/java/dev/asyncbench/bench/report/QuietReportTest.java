package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.asyncbench.bench.report.ColdReportTest.section;
import static dev.asyncbench.bench.report.ReportContentTest.read;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time to quiescence beside time to result: a column where measured, and a reading naming who cancels after returning. */
class QuietReportTest {

    /** race at R=64: futures and threads return at 24 ms and leave their losers running 6-9 ms more; the others are quiet within 1 ms. */
    static ResultSet race() {
        Size size = Size.parse("R=64 W=20ms");
        List<ResultRow> rows = new ArrayList<>();
        Map<String, double[]> times = Map.of("futures", new double[] {24, 33}, "threads", new double[] {25, 31},
                "virtual-threads", new double[] {28, 28.9}, "coroutines", new double[] {30, 30.5}, "rx", new double[] {29, 29.4});
        times.forEach((model, t) -> rows.add(Fixtures.ok("race", model, size, t[0], 0.5, 20, Metrics.builder().quietMs(t[1]))));
        return new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows);
    }

    @Test
    void theReadingNamesWhoLeftCancelledWorkRunningAndForHowLong() {
        String r = ReadingsTest.text(Readings.of(ReadingsTest.scenario(race(), "race")));
        assertTrue(r.contains("At R=64 W=20ms, rx, virtual-threads and coroutines were quiet when the call returned "
                + "(within 2 ms: what it cancelled had stopped at the server); the server still had requests of "
                + "futures 9 ms after returning in 24 ms and threads 6 ms after returning in 25 ms."), r);
    }

    @Test
    void theColumnAppearsWhereMeasuredAndNowhereElse(@TempDir Path dir) throws Exception {
        ReportWriter.standard().write(race(), dir);
        String md = section(read(dir.resolve("report.md")), "## race", "\n## ");
        assertTrue(md.contains("|quiet ms (time to quiescence)|"), md);
        assertTrue(md.contains("|33|"), md);

        Path other = dir.resolve("full");
        ReportWriter.standard().write(Fixtures.fullRun(), other);
        assertFalse(read(other.resolve("report.md")).contains("quiet ms"), "no scenario there has the figure");
    }
}
