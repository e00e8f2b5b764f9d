package dev.asyncbench.bench.run;

import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fan-out's ideal is the higher of its two bounds, and its note says when the server's ceiling is the one. */
class ServerCeilingTest {

    private static final Size BIG = Size.of("K", 10_000, "L", 20, "B", 1024, "C", 1000);
    private static final Size SMALL = Size.of("K", 200, "L", 20, "B", 1024, "C", 20);

    private static ResultRow row(Size size, double idealMs) {
        return new ResultRow("http-fan-out", "futures", ResultRow.SUITE, size, ResultRow.Status.OK, "",
                Metrics.builder().samples(3).time(1100, 20).idealMs(idealMs).build());
    }

    @Test
    void theThroughputBoundAppliesWhereTheServerCannotAnswerKRequestsInTime() {
        // 10,000 requests at 40,000/s take 250 ms, more than ceil(K/C) x L = 200 ms
        ServerCeiling.Measured m = new ServerCeiling.Measured(80_000,
                Map.of(BIG, new ServerCeiling.Rates(30_000, 40_000), SMALL, new ServerCeiling.Rates(990, 60_000)));
        List<ResultRow> rows = ServerCeiling.bound(List.of(row(BIG, 200), row(SMALL, 200)), m);

        assertEquals(250, rows.get(0).metrics().idealMs(), 1e-9);
        assertEquals("ideal bound by the server's ceiling: 10,000 requests at the 40,000 requests/s wrk reached with C connections"
                + " and B bytes take 250 ms, more than ceil(K / C) x L = 200 ms", rows.get(0).note());
        assertEquals(200, rows.get(1).metrics().idealMs(), 1e-9, "200 requests at 60,000/s: the waiting bound stays");
        assertEquals("", rows.get(1).note());
    }

    @Test
    void unmeasuredCeilingsAndOtherRowsAreLeftAlone() {
        ResultRow skipped = new ResultRow("http-fan-out", "rx", ResultRow.SUITE, BIG, ResultRow.Status.SKIPPED, "over budget",
                Metrics.builder().idealMs(200).build());
        ResultRow failedWrk = row(SMALL, 200);
        ServerCeiling.Measured m = new ServerCeiling.Measured(-1, Map.of(BIG, new ServerCeiling.Rates(1, 1), SMALL,
                new ServerCeiling.Rates(-1, -1)));
        List<ResultRow> rows = ServerCeiling.bound(List.of(skipped, failedWrk), m);
        assertSame(skipped, rows.get(0));
        assertSame(failedWrk, rows.get(1));
        assertTrue(ServerCeiling.describe(m, java.time.Duration.ofSeconds(2)).startsWith("ceiling not measured"));
    }
}
