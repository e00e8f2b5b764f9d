package dev.asyncbench.bench;

import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny real {@code run}: two models, the hello scenario and a small HTTP fan-out against the
 * testbed server in its own process, two JMH iterations each. Checks that every row is
 * measured, no faster than SPEC's lower bound, and that the files a report needs are there.
 */
class RunSmokeTest {

    @Test
    void runMeasuresEveryCombinationAndWritesItsResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results");
        Run run = Run.of("run", "--models", "sequential,rx", "--scenarios", "hello,http-fan-out",
                "--sizes", "L=10ms;K=10 L=10ms B=1KiB C=5", "--warmups", "0", "--measurements", "2", "--heap", "256m", "--out", out.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        // progress on stderr; on stdout only what the run produced
        assertEquals(2, run.outLines().size(), run.out());
        assertEquals("Results: " + out, run.outLines().getFirst(), run.out());
        assertTrue(run.outLines().getLast().startsWith("Report: " + out + "/"), run.out());
        assertTrue(run.err().contains("[4/4] "), run.err());

        ResultSet results = ResultSet.load(out);
        List<ResultRow> rows = results.rows();
        assertEquals(4, rows.size(), rows.toString());
        for (ResultRow row : rows) {
            assertEquals(ResultRow.Status.OK, row.status(), row.toString());
            assertEquals(2, row.metrics().samples(), row.toString());
            assertTrue(row.metrics().timeMs() >= row.metrics().idealMs() * 0.95, "never faster than the lower bound: " + row);
            assertTrue(row.metrics().cpuMsPerOp() >= 0 && row.metrics().threadsPeak() >= 1, row.toString());
            // the setup's checked run, the fork's first operation, waits as long as any other
            assertTrue(row.metrics().coldMs() >= row.metrics().idealMs() * 0.95, "the first operation in the fresh fork: " + row);
        }
        ResultRow fanOut = rows.stream().filter(r -> r.scenario().equals("http-fan-out") && r.model().equals("rx")).findFirst().orElseThrow();
        assertTrue(fanOut.metrics().serverPeakInFlight() >= 2 && fanOut.metrics().serverPeakInFlight() <= 5,
                "the server saw the concurrency, within C: " + fanOut);
        assertTrue(fanOut.metrics().p99Ms() > 0, "per-request latency from the completion marks: " + fanOut);
        assertEquals(List.of("sequential", "rx"), List.copyOf(results.environment().models().keySet()));
        assertEquals("./suite run --models sequential,rx --scenarios hello,http-fan-out --sizes 'L=10ms;K=10 L=10ms B=1KiB C=5'"
                + " --warmups 0 --measurements 2 --heap 256m --out " + out, results.environment().command(), "the command, to paste back");
        assertTrue(results.environment().forkFlags().contains("--enable-preview"), results.environment().toString());
        // run from the build's class folders, which the JVM does not archive (ClassArchiveTest covers the jar case): said, not hidden
        String archive = results.environment().notes().get("class archive");
        assertTrue(archive.startsWith("not used: the class path holds the class folder"), archive);
        assertTrue(results.environment().forkFlags().stream().noneMatch(f -> f.startsWith("-XX:SharedArchiveFile=")), results.environment().toString());
        assertTrue(Files.exists(out.resolve(ResultSet.JMH_JSON)));
        assertTrue(Files.exists(out.resolve("report.md")));
    }

    /**
     * A database that cannot be reached is the run's problem, not a model's: the run stops before
     * it measures anything, with one line naming the database, exit 1, and no results (--fail-on
     * or not).
     */
    @Test
    void anUnreachableDatabaseEndsTheRunWithExit1(@TempDir Path dir) {
        Run run = Run.of("run", "--models", "sequential", "--scenarios", "db", "--sizes", "Q=1 L=1ms P=1",
                "--db", "jdbc:postgresql://127.0.0.1:1/none", "--no-class-archive", "--out", dir.resolve("a").toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        String last = run.errLines().getLast();
        assertTrue(last.startsWith("error: the testbed database did not start: ") && last.contains("127.0.0.1:1"), run.err());
        assertEquals("", run.out(), "nothing produced");
        assertTrue(!Files.exists(dir.resolve("a").resolve(ResultSet.CSV)), "no results");
    }
}
