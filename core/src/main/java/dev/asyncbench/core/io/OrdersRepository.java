package dev.asyncbench.core.io;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncbench.core.spec.Check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The database client every model shares: blocking JDBC through a HikariCP pool of
 * {@link #poolSize()} connections, the only way the JDK talks to a database. Each model decides
 * where these blocking calls run (and must not run more of them at once than the pool holds,
 * or they only queue inside Hikari).
 */
public final class OrdersRepository implements AutoCloseable {

    /**
     * Waits server-side ({@code testbed_wait} is pg_sleep on PostgreSQL, a Java sleep on H2), then
     * reads one customer's orders. The wait runs once per query, whatever the number of rows:
     * PostgreSQL runs an uncorrelated scalar subquery once (an InitPlan), and H2 keeps the left
     * side of a LEFT JOIN outermost; the WHERE drops the row of NULLs a customer without orders
     * would get. (A plain join lets H2 put orders outermost and wait once per row.)
     */
    public static final String ORDERS_SQL =
            "SELECT o.id, o.customer_id, o.amount_cents "
                    + "FROM (SELECT (SELECT testbed_wait(?)) AS w) t LEFT JOIN orders o ON o.customer_id = ? "
                    + "WHERE o.id IS NOT NULL ORDER BY o.id";

    private final HikariDataSource pool;
    private final String database;
    private final int customers;

    public OrdersRepository(HikariDataSource pool, String database, int customers) {
        this.pool = Check.notNull(pool, "pool");
        this.database = Check.name(database, "database");
        this.customers = Check.range(customers, "customers", 1, Integer.MAX_VALUE);
    }

    /** The orders of one customer, after the server waited {@code latency}. Blocks. */
    public List<Order> ordersOf(int customerId, Duration latency) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(ORDERS_SQL)) {
            s.setDouble(1, latency.toNanos() / 1e9);
            s.setInt(2, customerId);
            try (ResultSet rs = s.executeQuery()) {
                List<Order> orders = new ArrayList<>();
                while (rs.next()) orders.add(new Order(rs.getLong(1), rs.getInt(2), rs.getLong(3)));
                Completions.mark(Completions.Kind.DB);
                return orders;
            }
        }
    }

    /** Where the pool connects, for the testbed's own watch ({@link DbWaitWatch}); not for models. */
    String jdbcUrl() {
        return pool.getJdbcUrl();
    }

    String user() {
        return pool.getUsername();
    }

    String password() {
        return pool.getPassword();
    }

    /** P: connections in the pool, hence queries the database serves at once. */
    public int poolSize() {
        return pool.getMaximumPoolSize();
    }

    /** Customers 1..customers() have orders. */
    public int customers() {
        return customers;
    }

    /** Which database serves, e.g. "PostgreSQL 15.18 (local, fsync off)"; part of every result. */
    public String database() {
        return database;
    }

    public String describe() {
        return database + ", HikariCP pool of " + poolSize();
    }

    @Override
    public void close() {
        pool.close();
    }
}
