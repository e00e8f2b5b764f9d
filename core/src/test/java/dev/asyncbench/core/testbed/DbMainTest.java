package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.OrdersRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** TestbedDatabase as a process of its own, the way the bench runs it: ready line, attach, stop, clean. */
class DbMainTest {

    @TempDir
    Path tmp;

    @Test
    void readyLineRoundTrips() {
        var line = new TestbedDatabase.ReadyLine("jdbc:h2:tcp://127.0.0.1:20001/mem:x", "u", null, "H2 2.4.240 (TCP server)");
        assertEquals("asyncbench-testbed db url=jdbc:h2:tcp://127.0.0.1:20001/mem:x user=u password= "
                + "description=H2 2.4.240 (TCP server)", line.format());
        assertEquals(line, TestbedDatabase.ReadyLine.parse(line.format()));
        assertEquals(DatabaseChoice.Kind.URL, line.choice().kind());
        assertThrows(IllegalArgumentException.class, () -> TestbedDatabase.ReadyLine.parse("something else"));
        assertThrows(IllegalArgumentException.class, () -> new TestbedDatabase.ReadyLine("jdbc:x", "a b", "p", "d"));
    }

    @Test
    void postgresServesUntilStdinClosesThenCleansUp() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL not installed");
        servesThenCleansUp("postgres", false);
    }

    @Test
    void postgresCleansUpOnSigterm() throws Exception {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL not installed");
        servesThenCleansUp("postgres", true);
    }

    @Test
    void h2ServesUntilStdinClosesThenCleansUp() throws Exception {
        servesThenCleansUp("h2", false);
    }

    @Test
    void badArgumentsExitWithCode2() throws Exception {
        Process p = launch("--db", "oracle").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
    }

    private void servesThenCleansUp(String kind, boolean terminate) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("work"));
        Path stderr = tmp.resolve("stderr.txt");
        Process p = launch("--db", kind, "--dir", dir.toString()).start();
        try {
            var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith(TestbedDatabase.ReadyLine.PREFIX), line + "; stderr: " + read(stderr));
            var ready = TestbedDatabase.ReadyLine.parse(line);
            List<ProcessHandle> family = Stream.concat(Stream.of(p.toHandle()), p.descendants()).toList();

            try (TestbedDatabase attached = TestbedDatabase.start(ready.choice(), tmp.resolve("attached"));
                 OrdersRepository orders = attached.orders(2)) {
                assertTrue(attached.description().startsWith(ready.description().substring(0, ready.description().indexOf(" ("))));
                assertEquals(TestbedDatabase.seededOrders(7), orders.ordersOf(7, Duration.ofMillis(50)));

                if (terminate) { // SIGTERM alone (Process.destroy would close stdin too): the shutdown hook cleans up
                    assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
                } else {
                    p.getOutputStream().close(); // stdin closes: main cleans up
                }
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits");
                assertEquals(terminate ? 143 : 0, p.exitValue(), read(stderr));
                assertThrows(SQLException.class, () -> DriverManager.getConnection(ready.jdbcUrl(), ready.user(),
                        ready.password()).close(), "server gone");
            }
            assertEquals(List.of(), family.stream().filter(ProcessHandle::isAlive).toList(), "no process left");
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(), left.toList(), "its folder in " + dir + " removed; stderr: " + read(stderr));
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private ProcessBuilder launch(String... args) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                TestbedDatabase.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(tmp.resolve("stderr.txt").toFile());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
