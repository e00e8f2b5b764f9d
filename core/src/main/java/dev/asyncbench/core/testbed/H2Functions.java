package dev.asyncbench.core.testbed;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * {@code testbed_wait} on H2 ({@code CREATE ALIAS testbed_wait FOR
 * 'dev.asyncbench.core.testbed.H2Functions.testbedWait'}): H2's server-side wait. Public only
 * because H2 calls it by name through reflection; not an API.
 */
public final class H2Functions {

    /** How often the wait checks whether its statement was cancelled (Statement.cancel or query timeout). */
    private static final long SLICE_NANOS = Duration.ofMillis(10).toNanos();

    private H2Functions() {
    }

    /**
     * Sleeps {@code seconds} in the H2 server's thread for this session (like pg_sleep: zero or
     * less does not wait), then returns 1. H2 passes the session's connection itself; SQL
     * callers give only the seconds.
     */
    public static int testbedWait(Connection connection, double seconds) throws SQLException {
        SessionLocal session = connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                ? local : null;
        long deadline = System.nanoTime() + (seconds > 0 ? (long) (seconds * 1e9) : 0);
        try {
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                Thread.sleep(Duration.ofNanos(Math.min(left, SLICE_NANOS)));
                if (session != null) session.checkCanceled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("testbed_wait was interrupted", "57014", e);
        }
        return 1;
    }
}
