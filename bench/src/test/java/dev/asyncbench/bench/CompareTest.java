package dev.asyncbench.bench;

import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.asyncbench.bench.results.ResultRow.Status.FAILED;
import static dev.asyncbench.bench.results.ResultRow.Status.OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code compare}: a change counts only beyond the two error margins together. */
class CompareTest {

    static ResultRow row(String model, ResultRow.Status status, double ms, double error) {
        return new ResultRow("http-fan-out", model, ResultRow.SUITE, Size.parse("K=1000 L=20ms B=4KiB C=100"), status, "",
                Metrics.builder().samples(8).time(ms, error).idealMs(200).build());
    }

    @Test
    void verdicts() {
        assertEquals(CompareCommand.Verdict.SAME, CompareCommand.verdict(row("rx", OK, 210, 5), row("rx", OK, 218, 4)), "8 <= 5 + 4");
        assertEquals(CompareCommand.Verdict.SLOWER, CompareCommand.verdict(row("rx", OK, 210, 5), row("rx", OK, 220, 4)), "10 > 5 + 4");
        assertEquals(CompareCommand.Verdict.FASTER, CompareCommand.verdict(row("rx", OK, 210, 5), row("rx", OK, 200, 4)));
        assertEquals(CompareCommand.Verdict.UNKNOWN, CompareCommand.verdict(row("rx", OK, 210, Double.NaN), row("rx", OK, 300, 4)));
        assertEquals(CompareCommand.Verdict.STATUS, CompareCommand.verdict(row("rx", OK, 210, 5), row("rx", FAILED, Double.NaN, Double.NaN)));
        assertEquals(CompareCommand.Verdict.ONLY_NEW, CompareCommand.verdict(null, row("rx", OK, 210, 5)));
    }

    @Test
    void printsBothSetsSideBySideAndCountsTheChanges(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        Path current = dir.resolve("new");
        var env = dev.asyncbench.bench.results.ResultsFilesTestAccess.environment();
        new ResultSet(env, List.of(row("rx", OK, 210, 5), row("futures", OK, 220, 5), row("threads", OK, 300, 5))).save(base);
        new ResultSet(env, List.of(row("rx", OK, 212, 5), row("futures", OK, 250, 5), row("coroutines", OK, 205, 5))).save(current);

        Run run = Run.of("compare", base.toString(), current.toString());
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("210 ± 5.00") && out.contains("212 ± 5.00") && out.contains("within noise"), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("futures") && l.contains("+13.6%") && l.endsWith("slower")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("threads") && l.endsWith("only in base")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("coroutines") && l.endsWith("only in new")), out);
        assertTrue(out.contains("3 of 4 rows changed beyond the noise or in status"), out);

        Run changes = Run.of("compare", "--changes-only", base.toString(), current.toString());
        assertTrue(changes.out().lines().noneMatch(l -> l.contains(" rx ")), changes.out());
    }

    @Test
    void saysWhenASideWasInterrupted(@TempDir Path dir) {
        Path base = dir.resolve("base");
        Path current = dir.resolve("new");
        var env = dev.asyncbench.bench.results.ResultsFilesTestAccess.environment();
        new ResultSet(env, List.of(row("rx", OK, 210, 5), row("futures", OK, 220, 5))).save(base);
        new ResultSet(env.withInterrupted("interrupted by SIGTERM after 1 of 2 combinations; 1 not measured"),
                List.of(row("rx", OK, 212, 5))).save(current);

        Run run = Run.of("compare", base.toString(), current.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("note: the new run (" + current + ") is incomplete: interrupted by SIGTERM after 1 of 2 combinations; 1 not measured;"
                + " rows it did not reach show as 'only in base'", run.outLines().getFirst());
        assertTrue(run.outLines().stream().anyMatch(l -> l.contains("futures") && l.endsWith("only in base")), run.out());

        Run swapped = Run.of("compare", current.toString(), base.toString());
        assertTrue(swapped.outLines().getFirst().startsWith("note: the base run (" + current + ") is incomplete: "), swapped.out());
        assertTrue(swapped.outLines().getFirst().endsWith("show as 'only in new'"), swapped.out());
        assertTrue(Run.of("compare", base.toString(), base.toString()).out().lines().noneMatch(l -> l.contains("incomplete")));
    }

    @Test
    void failOnRegressionExits1ForRowsSlowerBeyondTheNoiseAndThePercentage(@TempDir Path dir) throws Exception {
        Path base = dir.resolve("base");
        Path current = dir.resolve("new");
        var env = dev.asyncbench.bench.results.ResultsFilesTestAccess.environment();
        new ResultSet(env, List.of(row("rx", OK, 210, 5), row("futures", OK, 220, 5), row("threads", OK, 100, 30),
                row("coroutines", OK, 200, 5))).save(base);
        new ResultSet(env, List.of(row("rx", OK, 212, 5), row("futures", OK, 250, 5), row("threads", OK, 140, 30),
                row("coroutines", OK, 150, 5))).save(current);

        Run run = Run.of("compare", "--fail-on-regression", "10", base.toString(), current.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        // futures: +13.6% beyond the noise; threads: +40% but within it; coroutines: faster
        assertEquals(List.of("regression: http-fan-out futures K=1000 L=20ms B=4KiB C=100: 220 ± 5.00 -> 250 ± 5.00 ms (+13.6%),"
                + " beyond the noise and the 10% allowed"), run.errLines());
        assertTrue(run.out().contains("2 of 4 rows changed beyond the noise or in status"), run.out());

        Run tolerant = Run.of("compare", "--fail-on-regression", "15", base.toString(), current.toString());
        assertEquals(0, tolerant.exit(), tolerant.err());
        assertEquals("", tolerant.err());
        assertEquals(0, Run.of("compare", base.toString(), current.toString()).exit(), "without the option: never");
    }
}
