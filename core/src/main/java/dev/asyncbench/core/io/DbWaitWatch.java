package dev.asyncbench.core.io;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The database's view of scenario 5: how many statements calling {@code testbed_wait} the server
 * runs at once, read from a connection of its own (outside the repository's pool) every few
 * milliseconds while the watch is on. PostgreSQL tells from {@code pg_stat_activity} (active
 * backends whose query calls it), H2 from {@code INFORMATION_SCHEMA.SESSIONS} (sessions
 * executing such a statement); the watching connection never counts itself.
 *
 * <p>A sample, not a counter: a wait shorter than a few sampling periods may be missed, so the
 * kit holds each query long enough (hundreds of ms) that every overlap is seen many times.
 */
public final class DbWaitWatch implements AutoCloseable {

    static final String POSTGRES = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
            + " AND pid <> pg_backend_pid() AND query LIKE '%testbed_wait(%'";
    static final String H2 = "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS"
            + " WHERE EXECUTING_STATEMENT LIKE '%testbed_wait(%' AND SESSION_ID <> SESSION_ID()";

    private final Connection connection;
    private final String query;
    private final Duration every;
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread sampler;
    private volatile boolean closing;

    private DbWaitWatch(Connection connection, String query, Duration every) {
        this.connection = connection;
        this.query = query;
        this.every = every;
        this.sampler = Thread.ofPlatform().daemon().name("db-wait-watch").start(this::sample);
    }

    /**
     * Starts sampling the database behind {@code orders} every {@code every}; returns once the
     * first sample is taken, so the caller's queries all fall inside the watch.
     */
    public static DbWaitWatch start(OrdersRepository orders, Duration every) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(every, "every");
        Connection c = null;
        try {
            c = DriverManager.getConnection(orders.jdbcUrl(), orders.user(), orders.password());
            c.setAutoCommit(true);
            String product = c.getMetaData().getDatabaseProductName();
            String query = switch (product) {
                case "PostgreSQL" -> POSTGRES;
                case "H2" -> H2;
                default -> throw new IllegalStateException("cannot watch waits on " + product);
            };
            DbWaitWatch watch = new DbWaitWatch(c, query, every);
            while (watch.samples.get() == 0 && watch.failure.get() == null) Thread.onSpinWait();
            if (watch.failure.get() != null) {
                watch.close();
                throw new IllegalStateException("cannot sample the waits: " + watch.failure.get(), watch.failure.get());
            }
            return watch;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot open a connection to watch the waits: " + e.getMessage(), e);
        }
    }

    private void sample() {
        try (Statement s = connection.createStatement()) {
            while (!closing) {
                try (ResultSet rs = s.executeQuery(query)) {
                    rs.next();
                    peak.accumulateAndGet(rs.getInt(1), Math::max);
                }
                samples.incrementAndGet();
                Thread.sleep(every);
            }
        } catch (SQLException | RuntimeException e) {
            if (!closing) failure.set(e);
        } catch (InterruptedException e) {
            // closing
        } finally {
            closeQuietly(connection);
            stopped.countDown();
        }
    }

    /** The most waits the server ran at once in any sample so far. */
    public int peak() {
        return peak.get();
    }

    /** How many samples were taken. */
    public int samples() {
        return samples.get();
    }

    /** Stops sampling and closes the connection; fails if a sample failed. Idempotent. */
    @Override
    public void close() {
        closing = true;
        sampler.interrupt();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Exception e = failure.get();
        if (e != null) throw new IllegalStateException("sampling the waits failed: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "{\"peakWaits\":" + peak() + ",\"samples\":" + samples() + "}";
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // watching only
        }
    }
}
