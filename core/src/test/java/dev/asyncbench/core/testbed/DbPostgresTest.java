package dev.asyncbench.core.testbed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract on a PostgreSQL server of our own (skipped when PostgreSQL is not installed). */
class DbPostgresTest extends DbContractTest {

    @Override
    DatabaseChoice choice() {
        return DatabaseChoice.parse("postgres", null, null);
    }

    @Override
    boolean available() {
        return PostgresServer.binaries().isPresent();
    }

    @Override
    String descriptionPattern() {
        return "PostgreSQL \\d+\\.\\d+ \\(local, fsync off\\)";
    }

    @Override
    String emptyDatabaseUrl() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE empty");
        }
        return db.jdbcUrl().replace("/postgres", "/empty");
    }

    @Test
    void runsWithTheDocumentedSettings() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            assertEquals("off", show(s, "fsync"));
            assertEquals("off", show(s, "synchronous_commit"));
            assertEquals("off", show(s, "full_page_writes"));
            assertEquals("127.0.0.1", show(s, "listen_addresses"));
            assertEquals("", show(s, "unix_socket_directories"));
            assertTrue(Integer.parseInt(show(s, "max_connections")) >= 2 * TestbedDatabase.MAX_POOL_SIZE);
            String version = show(s, "server_version").split(" ")[0];
            assertEquals("PostgreSQL " + version + " (local, fsync off)", db.description());
        }
    }

    /** Opt-in beyond loopback ({@code ./suite testbed --bind 0.0.0.0}): it listens everywhere, names this machine's address, and lets in a client there. */
    @Test
    void boundBeyondLoopbackItListensEverywhereAndLetsInAClientWithThePassword(@TempDir Path dir) throws SQLException {
        if (!available()) return;
        try (TestbedDatabase open = TestbedDatabase.start(choice(), dir, Addresses.parse("0.0.0.0"));
             Connection c = DriverManager.getConnection(open.jdbcUrl(), open.user(), open.password());
             Statement s = c.createStatement()) {
            assertEquals("*", show(s, "listen_addresses"));
            String host = open.jdbcUrl().replaceFirst("jdbc:postgresql://([^:/]+):.*", "$1");
            assertEquals(Addresses.reachable(Addresses.parse("0.0.0.0")), host, "the address other machines reach it by");
            assertEquals(1000, count(s));
        }
    }

    private static int count(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT customer_id) FROM orders")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
