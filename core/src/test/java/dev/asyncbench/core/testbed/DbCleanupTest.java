package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.OrdersRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Closing, or failing to start, leaves no server process, no listening port and no folder behind. */
class DbCleanupTest {

    @TempDir
    Path tmp;

    @Test
    void closingPostgresStopsEveryProcessAndRemovesItsFolder() throws SQLException {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL not installed");
        Path workDir = tmp.resolve("db");
        TestbedDatabase db = TestbedDatabase.start(DatabaseChoice.parse("postgres", null, null), workDir);
        PostgresServer server = (PostgresServer) db.server();
        ProcessHandle postmaster = server.postmaster().orElseThrow();
        Path home = server.home();
        assertTrue(Files.isDirectory(home.resolve("data")));
        assertTrue(postmaster.isAlive());
        OrdersRepository orders = db.orders(4); // left open on purpose: a fast shutdown ends its sessions
        orders.ordersOf(1, Duration.ZERO);
        List<ProcessHandle> family = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        assertTrue(family.size() >= 1 + 4 + 3, "postmaster, 4 sessions, helpers: " + family.size());

        long t0 = System.nanoTime();
        db.close();
        long ms = DbContractTest.millisSince(t0);
        System.out.printf("PostgreSQL closed (fast shutdown, 4 open sessions) in %d ms%n", ms);

        assertEquals(List.of(), family.stream().filter(ProcessHandle::isAlive).toList());
        assertEquals(List.of(), processesMentioning(home));
        assertFalse(Files.exists(home), home + " removed");
        assertFalse(Files.exists(workDir), "the work folder it created is removed too");
        assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()));
        orders.close();
        db.close(); // idempotent
    }

    @Test
    void aPostgresThatRunsButNeverAcceptsConnectionsIsKilledAndRemoved() {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL not installed");
        Path workDir = tmp.resolve("db");
        // listening on another loopback address, it runs but never answers on ours: the failure path meets a live server
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresServer.start(
                PostgresServer.binaries().orElseThrow(), workDir, Duration.ofSeconds(2), List.of("listen_addresses=127.0.0.2")));
        assertTrue(e.getMessage().contains("did not accept connections on jdbc:postgresql://127.0.0.1:")
                && e.getMessage().contains("within 2 s")
                && e.getMessage().contains("server.log ends with"), e.getMessage());
        assertEquals(List.of(), processesMentioning(workDir));
        assertFalse(Files.exists(workDir), "folder removed after the failed start");
    }

    @Test
    void aPostgresThatExitsWhileStartingIsReportedWithItsLog() {
        assumeTrue(PostgresServer.binaries().isPresent(), "PostgreSQL not installed");
        Path workDir = tmp.resolve("db");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresServer.start(
                PostgresServer.binaries().orElseThrow(), workDir, Duration.ofSeconds(60), List.of("shared_buffers=bogus")));
        assertTrue(e.getMessage().contains("PostgreSQL exited with code") && e.getMessage().contains("shared_buffers"),
                e.getMessage());
        assertFalse(Files.exists(workDir), "folder removed after the failed start");
    }

    @Test
    void closingH2StopsListening() throws IOException {
        TestbedDatabase db = TestbedDatabase.start(DatabaseChoice.parse("h2", null, null), tmp.resolve("db"));
        int port = ((H2Server) db.server()).port();
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // listening
        }
        db.close();
        assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        assertFalse(Files.exists(tmp.resolve("db")), "H2 keeps nothing on disk");
    }

    @Test
    void aBadUrlFailsClearly() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestbedDatabase.start(
                DatabaseChoice.parse("jdbc:postgresql://127.0.0.1:1/none?password=secret", "u", "p"), tmp));
        assertTrue(e.getMessage().startsWith("cannot prepare the testbed database at jdbc:postgresql://127.0.0.1:1/none"
                + "?password=***: "), e.getMessage());
    }

    /** Live processes whose command line names {@code path}: the postmaster and its children name the data folder. */
    static List<ProcessHandle> processesMentioning(Path path) {
        String needle = path.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                .toList();
    }
}
