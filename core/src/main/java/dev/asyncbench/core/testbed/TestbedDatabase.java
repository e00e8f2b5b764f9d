package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.OrdersRepository;

import java.nio.file.Path;

/** STUB: replaced by the PostgreSQL / H2 / URL implementation (see the testbed-db work). */
public final class TestbedDatabase implements AutoCloseable {
    /** Customers 1..CUSTOMERS have orders. */
    public static final int CUSTOMERS = 1000;

    /** Starts (or, for a URL, attaches to) the chosen database, seeded; {@code workDir} holds any data files. */
    public static TestbedDatabase start(DatabaseChoice choice, Path workDir) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A fresh HikariCP pool of {@code poolSize} over a real JDBC connection. */
    public OrdersRepository orders(int poolSize) {
        throw new UnsupportedOperationException("not yet");
    }

    /** E.g. "PostgreSQL 15.18 (local, fsync off)". */
    public String description() {
        throw new UnsupportedOperationException("not yet");
    }

    /** How another JVM attaches: DatabaseChoice.parse(jdbcUrl(), user(), password()). */
    public String jdbcUrl() {
        throw new UnsupportedOperationException("not yet");
    }

    public String user() {
        throw new UnsupportedOperationException("not yet");
    }

    public String password() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
