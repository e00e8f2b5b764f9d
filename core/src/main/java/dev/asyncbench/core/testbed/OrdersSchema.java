package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.Order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The testbed's table and its deterministic rows (see {@link TestbedDatabase} for the formula),
 * plus {@code testbed_wait} in each database's own dialect. Idempotent: a database that already
 * holds the seed is checked, not seeded again.
 */
final class OrdersSchema {

    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS orders ("
            + "id bigint PRIMARY KEY, customer_id int NOT NULL, amount_cents bigint NOT NULL)";
    static final String CREATE_INDEX = "CREATE INDEX IF NOT EXISTS orders_customer_id ON orders (customer_id)";

    /** pg_sleep in plpgsql: interruptible by a statement cancel or statement_timeout. */
    static final String POSTGRES_WAIT = """
            CREATE FUNCTION testbed_wait(seconds double precision) RETURNS int
            LANGUAGE plpgsql VOLATILE AS $$
            BEGIN
                PERFORM pg_sleep(seconds);
                RETURN 1;
            END
            $$""";

    /** A Java method that sleeps in the H2 server's thread for the session. */
    static final String H2_WAIT = "CREATE ALIAS IF NOT EXISTS testbed_wait FOR '"
            + H2Functions.class.getName() + ".testbedWait'";

    private OrdersSchema() {
    }

    /** The orders of one customer, as seeded: (c % 5) + 1 of them for c in 1..CUSTOMERS, none otherwise. */
    static List<Order> ordersOf(int customerId) {
        if (customerId < 1 || customerId > TestbedDatabase.CUSTOMERS) return List.of();
        List<Order> orders = new ArrayList<>();
        for (int j = 0; j <= customerId % 5; j++) {
            orders.add(new Order(10L * customerId + j, customerId, (37L * customerId + 11L * j) % 10_000 + 100));
        }
        return List.copyOf(orders);
    }

    /** Creates what is missing and seeds an empty table; fails if the table holds other rows. */
    static void ensure(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (!product.equals("PostgreSQL") && !product.equals("H2")) {
            throw new IllegalStateException("the testbed runs on PostgreSQL or H2, not " + product);
        }
        try (Statement s = connection.createStatement()) {
            s.execute(CREATE_TABLE);
            s.execute(CREATE_INDEX);
            if (product.equals("H2")) {
                s.execute(H2_WAIT);
            } else if (!postgresHasWait(s)) { // not CREATE OR REPLACE: processes attaching at once would race
                s.execute(POSTGRES_WAIT);
            }
        }
        long[] expected = countAndSum();
        long[] found = countAndSum(connection);
        if (found[0] == 0) {
            seed(connection);
            if (product.equals("PostgreSQL")) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ANALYZE orders");
                }
            }
        } else if (found[0] != expected[0] || found[1] != expected[1]) {
            throw new IllegalStateException("table orders holds " + found[0] + " rows summing to " + found[1]
                    + " cents, not the testbed's " + expected[0] + " rows summing to " + expected[1]
                    + "; drop it or use another database");
        }
    }

    private static boolean postgresHasWait(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT to_regprocedure('testbed_wait(double precision)') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void seed(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO orders (id, customer_id, amount_cents) VALUES (?, ?, ?)")) {
            for (int c = 1; c <= TestbedDatabase.CUSTOMERS; c++) {
                for (Order o : ordersOf(c)) {
                    insert.setLong(1, o.id());
                    insert.setInt(2, o.customerId());
                    insert.setLong(3, o.amountCents());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long[] countAndSum() {
        long rows = 0;
        long cents = 0;
        for (int c = 1; c <= TestbedDatabase.CUSTOMERS; c++) {
            for (Order o : ordersOf(c)) {
                rows++;
                cents += o.amountCents();
            }
        }
        return new long[] {rows, cents};
    }

    private static long[] countAndSum(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(amount_cents), 0) FROM orders")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
