package dev.asyncbench.bench;

import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./suite testbed} in a JVM of its own, and a run from "another shell" that measures
 * against it with the flags it printed, with two forks and another GC; SIGTERM then stops the
 * testbed (exit 143) and leaves nothing of it.
 */
class TestbedCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aRunMeasuresAgainstATestbedStartedElsewhere() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("asyncbench-run-testbed"));
        Process testbed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-preview",
                "-Djava.io.tmpdir=" + folder, "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
                "testbed", "--db", "h2", "--logs", tmp.resolve("testbed-logs").toString())
                .redirectError(tmp.resolve("testbed.err").toFile()).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(testbed.getInputStream(), StandardCharsets.UTF_8));
            String server = lines.readLine();
            String database = lines.readLine();
            String use = lines.readLine();
            assertTrue(server != null && server.startsWith("HTTP testbed server: http://127.0.0.1:"), server + Files.readString(tmp.resolve("testbed.err")));
            assertTrue(database.startsWith("database: H2 "), database);
            assertTrue(use.startsWith("to measure against them, from another shell: ./suite run --http "), use);

            List<String> args = new ArrayList<>(List.of("run", "--models", "futures", "--scenarios", "http-fan-out,db",
                    "--sizes", "K=20 L=5ms B=1KiB C=5;Q=10 L=5ms P=2", "--warmups", "0", "--measurements", "2", "--forks", "2",
                    "--jvm-args", "-XX:+UseSerialGC", "--heap", "256m", "--no-class-archive", "--out", tmp.resolve("results").toString()));
            String flags = use.substring(use.indexOf("--http "), use.length() - " ...".length());
            for (String word : flags.split(" ")) args.add(word.replace("'", ""));
            Run run = Run.of(args.toArray(String[]::new));
            assertEquals(0, run.exit(), run.err());

            ResultSet results = ResultSet.load(tmp.resolve("results"));
            assertEquals(2, results.rows().size(), results.rows().toString());
            for (ResultRow row : results.rows()) {
                assertEquals(ResultRow.Status.OK, row.status(), row.toString());
                assertEquals(4, row.metrics().samples(), "two forks of two iterations: " + row);
                assertTrue(row.note().contains("2 forks, mean time per fork "), row.note());
            }
            assertTrue(results.environment().server().startsWith("HTTP testbed server given with --http at http://127.0.0.1:"),
                    results.environment().server());
            assertTrue(results.environment().database().contains("external"), results.environment().database());
            assertEquals("Serial", results.environment().gc());
            assertTrue(results.environment().forkFlags().contains("-XX:+UseSerialGC"), results.environment().forkFlags().toString());
            assertFalse(results.environment().forkFlags().contains("-XX:+UseG1GC"), results.environment().forkFlags().toString());
            assertTrue(results.environment().jmh().contains("2 forks per combination"), results.environment().jmh());
        } finally {
            new ProcessBuilder("kill", "-s", "TERM", String.valueOf(testbed.pid())).start().waitFor();
            assertTrue(testbed.waitFor(60, TimeUnit.SECONDS));
            testbed.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        assertEquals(143, testbed.exitValue());
        assertFalse(Files.exists(folder), "the testbed's folder is removed");
    }
}
