package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.TestbedClient;

/**
 * The real IO every scenario runs against: the HTTP server, the database and a scratch folder
 * for file trees, started together and stopped together (also on failure and on Ctrl-C, by a
 * shutdown hook). Tests share one per JVM through {@link #shared()}; the bench starts the
 * server and the database as processes of their own and hands their addresses to its forks.
 *
 * <p>The database is chosen by {@link DatabaseChoice#fromEnvironment()}: PostgreSQL when its
 * binaries are installed, else H2 in TCP server mode, or the database named by a JDBC URL.
 */
public interface Testbed extends AutoCloseable {

    /** A client for the HTTP server, with the settings every model shares. */
    TestbedClient http();

    /** The server's counters, read in-process when it runs here. */
    ServerStats serverStats();

    /** Resets the server's peak and totals before a measurement. */
    void resetServerStats();

    /** A fresh pool of {@code poolSize} connections to the database; the caller closes it. */
    OrdersRepository orders(int poolSize);

    /** Which database serves, e.g. "PostgreSQL 15.18 (local, fsync off)". */
    String database();

    /** A fresh scratch folder inside the testbed's temporary folder, removed on close. */
    java.nio.file.Path scratch(String prefix);

    @Override
    void close();

    /** The one testbed of this JVM, started on first use and stopped at exit. */
    static Testbed shared() {
        return LocalTestbed.shared();
    }
}
