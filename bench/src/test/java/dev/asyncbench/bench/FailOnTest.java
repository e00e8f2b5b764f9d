package dev.asyncbench.bench;

import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.asyncbench.bench.results.ResultRow.Status.FAILED;
import static dev.asyncbench.bench.results.ResultRow.Status.INCORRECT;
import static dev.asyncbench.bench.results.ResultRow.Status.OK;
import static dev.asyncbench.bench.results.ResultRow.Status.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code run --fail-on incorrect,failed}: exit 1 and one line naming the rows, when there are such rows. */
class FailOnTest {

    static ResultRow row(String model, String harness, ResultRow.Status status) {
        return new ResultRow("gather-mass", model, harness, Size.parse("N=10 L=1ms"), status, "", Metrics.NONE);
    }

    static final List<ResultRow> ROWS = List.of(row("rx", ResultRow.SUITE, OK), row("threads", ResultRow.SUITE, FAILED),
            row("sequential", ResultRow.SUITE, SKIPPED), row("futures", ResultRow.SUITE, INCORRECT), row("threads", ResultRow.MINIMAL, FAILED));

    private static String[] failIfAny(List<ResultRow> rows, Set<ResultRow.Status> statuses) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RunCommand.failIfAny(rows, statuses, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void oneLineNamingTheRowsAndExit1() {
        String[] r = failIfAny(ROWS, EnumSet.of(INCORRECT, FAILED));
        assertEquals("1", r[0]);
        assertEquals("run: 3 rows are failed or incorrect (--fail-on): gather-mass threads N=10 L=1ms: failed; "
                + "gather-mass futures N=10 L=1ms: incorrect; gather-mass threads (minimal) N=10 L=1ms: failed\n", r[1]);
        r = failIfAny(ROWS, EnumSet.of(INCORRECT));
        assertEquals("1", r[0]);
        assertEquals("run: 1 row is incorrect (--fail-on): gather-mass futures N=10 L=1ms: incorrect\n", r[1]);
    }

    @Test
    void nothingWhenNoRowHasTheStatus() {
        String[] r = failIfAny(List.of(ROWS.get(0), ROWS.get(2)), EnumSet.of(INCORRECT, FAILED));
        assertEquals("0", r[0]);
        assertEquals("", r[1]);
        assertEquals("0", failIfAny(ROWS, EnumSet.noneOf(ResultRow.Status.class))[0], "no --fail-on: never");
    }
}
