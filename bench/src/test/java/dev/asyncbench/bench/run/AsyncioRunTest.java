package dev.asyncbench.bench.run;

import dev.asyncbench.bench.jmh.Benchmarks;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The asyncio row in a real {@code run}: its harness measures against the same testbed, checked
 * first against the sequential reference's file, which a JVM fork writes when no JVM model
 * measured the size; a wrong reference makes the row {@code incorrect}, not a figure.
 */
class AsyncioRunTest {

    @TempDir
    Path tmp;

    @Test
    void theReferenceKeyIsTheFileNameTheJvmForksWrite() {
        // as a run's logs/references held them (HttpFanOutBenchmark has a dist @Param, "fixed" unless the size names one)
        assertEquals("HttpFanOutBenchmark-bodyBytes=4096-dist=fixed-latencyMs=10-maxInFlight=100-requests=500",
                Benchmarks.referenceKey(BenchScenario.HTTP_FAN_OUT, Size.of("K", 500, "L", 10, "B", 4096, "C", 100)));
        assertEquals("HttpFanOutBenchmark-bodyBytes=4096-dist=lognormal_p99=10-latencyMs=10-maxInFlight=100-requests=1000",
                Benchmarks.referenceKey(BenchScenario.HTTP_FAN_OUT, Size.of("K", 1000, "L", 10, "B", 4096, "C", 100).withDist("lognormal:p99=10")));
        assertEquals("DbBenchmark-latencyMs=10-poolSize=20-queries=200", Benchmarks.referenceKey(BenchScenario.DB, Size.of("Q", 200, "L", 10, "P", 20)));
    }

    @Test
    void theRowIsMeasuredAfterItsCheckAndAWrongReferenceMakesItIncorrect() throws Exception {
        String missing = AsyncioRow.model().describe();
        if (!AsyncioRow.runnable(AsyncioRow.model())) {
            if ("true".equals(System.getenv("CI"))) throw new AssertionError(missing);
            Assumptions.abort(missing);
        }
        // PostgreSQL runs as its own user (asyncpg reaches nothing else): it must be able to enter the folders above its cluster
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path out = tmp.resolve("results");
        String log = run(out, false);
        List<ResultRow> rows = ResultSet.load(out).rows();
        assertEquals(2, rows.size(), rows.toString());
        rows.forEach(r -> assertEquals(ResultRow.Status.OK, r.status(), r + "\n" + log));
        assertTrue(rows.stream().allMatch(r -> r.model().equals("asyncio") && r.metrics().timeMs() > 0), rows.toString());
        Path reference = out.resolve("logs/references/DbBenchmark-latencyMs=5-poolSize=4-queries=20.txt");
        assertTrue(Files.readString(reference).startsWith("DbResult[queries=20, "), "a JVM fork wrote the sequential reference's answer");
        assertTrue(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8).contains("CPython 3."), "the row's runtime is in the report");

        Files.writeString(reference, "DbResult[queries=20, rows=0, amountCents=0]");
        run(out, true);
        ResultRow db = ResultSet.load(out).rows().stream().filter(r -> r.scenario().equals("db")).findFirst().orElseThrow();
        assertEquals(ResultRow.Status.INCORRECT, db.status(), db.toString());
        assertTrue(db.note().contains("expected DbResult[queries=20, rows=0, amountCents=0]"), db.note());
    }

    /** Runs the two combinations into {@code out}; what the run printed. */
    private String run(Path out, boolean force) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-preview",
                "--sun-misc-unsafe-memory-access=allow", "-Djava.io.tmpdir=" + Files.createTempDirectory(tmp, RunFolder.PREFIX),
                "-cp", System.getProperty("java.class.path"), "dev.asyncbench.bench.Cli",
                "run", "--models", "asyncio", "--scenarios", "hello,db", "--sizes", "L=10ms;Q=20 L=5ms P=4",
                "--warmups", "0", "--measurements", "2", "--no-class-archive", "--out", out.toString()));
        if (force) command.add("--force");
        Path log = tmp.resolve("run.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the run ended");
        assertEquals(0, p.exitValue(), Files.readString(log));
        return Files.readString(log);
    }
}
