package dev.asyncbench.bench.run;

import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real {@code run} in a JVM of its own, sent SIGINT or SIGTERM while the database runs and a
 * JMH fork holds a file scenario's trees: it exits 128 + the signal, keeps the combination
 * that finished (results.csv and a report), and leaves nothing behind: no run folder (cluster,
 * trees, JMH's files), no process started from it, no new shared memory segment, and the
 * testbed's ports closed.
 */
class InterruptedRunTest {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalledRunKeepsWhatFinishedAndLeavesNothing(String signal, int exit) throws Exception {
        Path folder = Files.createDirectory(tmp.resolve(RunFolder.PREFIX + "test"));
        Path out = tmp.resolve("results");
        List<String> command = new ArrayList<>(List.of("/usr/bin/env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-preview", "--sun-misc-unsafe-memory-access=allow",
                "-Djava.io.tmpdir=" + folder, "-cp", System.getProperty("java.class.path"), "dev.asyncbench.bench.Cli",
                "run", "--models", "futures", "--scenarios", "db,files", "--sizes", "Q=20 L=5ms P=4;F=1000 S=16KiB C=4",
                "--warmups", "30", "--measurements", "60", "--heap", "256m", "--out", out.toString()));
        Set<Long> started;
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("run.log").toFile()).start();
        try {
            // the db combination finished, and the files fork has written its input tree
            awaitOrFail(run, () -> log().contains("[1/2] ") && filesTree(folder));
            started = startedFrom(folder);
            new ProcessBuilder("kill", "-s", signal, String.valueOf(run.pid())).inheritIO().start().waitFor();
            assertTrue(run.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "the run ended: " + log());
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }

        assertEquals(exit, run.exitValue(), log());
        assertTrue(log().contains("run: interrupted by SIG" + signal + " after 1 of 2 combinations; 1 not measured; results and report written"), log());
        ResultSet results = ResultSet.load(out);
        assertEquals("interrupted by SIG" + signal + " after 1 of 2 combinations; 1 not measured", results.environment().interrupted());
        assertTrue(Files.readString(out.resolve("index.html"), StandardCharsets.UTF_8).contains(results.environment().interrupted()),
                "the report says so");
        List<ResultRow> rows = results.rows();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("db", rows.getFirst().scenario());
        assertEquals(ResultRow.Status.OK, rows.getFirst().status(), rows.toString());

        assertFalse(Files.exists(folder), "the run folder (cluster, trees, JMH's files) is removed: " + tree(folder));
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            List<String> left = all.map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains(folder.toString())).toList();
            assertEquals(List.of(), left, "no process started by the run is left");
        }
        assertFalse(started.isEmpty(), "the run had started processes: the database at least");
        assertEquals(Set.of(), segmentsMadeBy(started), "no shared memory segment made by the run's processes (PostgreSQL) is left");
        for (int port : testbedPorts(out.resolve("logs"))) {
            assertFalse(listening(port), "port " + port + " of the testbed is closed");
        }
    }

    private interface Check {
        boolean ok() throws IOException;
    }

    private void awaitOrFail(Process run, Check check) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!check.ok()) {
            if (!run.isAlive()) fail("the run ended before the moment to signal it: " + log());
            if (System.nanoTime() > deadline) fail("no moment to signal within " + LIMIT + ": " + log());
            Thread.sleep(50);
        }
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("run.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether a fork has made a file tree under the run folder (its tmpdir is the folder's forks/). */
    private static boolean filesTree(Path folder) throws IOException {
        Path forks = folder.resolve(JmhFork.FORKS);
        if (!Files.isDirectory(forks)) return false;
        try (Stream<Path> entries = Files.list(forks)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("asyncbench-files-out-"));
        }
    }

    private static String tree(Path folder) {
        if (!Files.exists(folder)) return "";
        try (Stream<Path> all = Files.walk(folder, 3)) {
            return all.map(Path::toString).toList().toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The processes running now whose command line names the run folder (the testbed's JVMs, PostgreSQL, a fork). */
    private static Set<Long> startedFrom(Path folder) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            Set<Long> pids = new HashSet<>();
            all.filter(p -> p.info().commandLine().map(c -> c.contains(folder.toString())).orElse(false)).forEach(p -> pids.add(p.pid()));
            return pids;
        }
    }

    /** The ids of the System V shared memory segments that one of {@code pids} created and that are still there. */
    private static Set<String> segmentsMadeBy(Set<Long> pids) throws IOException {
        Path table = Path.of("/proc/sysvipc/shm");
        Set<String> ids = new HashSet<>();
        if (!Files.exists(table)) return ids;
        List<String> lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
        List<String> header = List.of(lines.getFirst().trim().split("\\s+"));
        int id = header.indexOf("shmid"), creator = header.indexOf("cpid");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (pids.contains(Long.parseLong(f[creator]))) ids.add(f[id]);
        }
        return ids;
    }

    /** The ports the testbed listened on, from its logs: the HTTP server's address and the database's URL. */
    private static List<Integer> testbedPorts(Path logs) throws IOException {
        List<Integer> ports = new ArrayList<>();
        Path http = logs.resolve("testbed-http.log");
        if (Files.exists(http)) {
            Matcher m = Pattern.compile("listening on (http://\\S+)").matcher(Files.readString(http, StandardCharsets.UTF_8));
            if (m.find()) ports.add(URI.create(m.group(1)).getPort());
        }
        Path db = logs.resolve("testbed-db.log");
        if (Files.exists(db)) {
            Matcher m = Pattern.compile("url=jdbc:\\w+:(?:tcp:)?//127\\.0\\.0\\.1:(\\d+)").matcher(Files.readString(db, StandardCharsets.UTF_8));
            if (m.find()) ports.add(Integer.parseInt(m.group(1)));
        }
        assertFalse(ports.isEmpty(), "the database's port is in its log");
        return ports;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
