package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every database of the testbed must do, run against one started database per subclass.
 * Timings are generous ranges: the machine is shared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DbContractTest {

    Path workDir;

    TestbedDatabase db;

    /** Which database; the subclass may skip itself when it is not installed. */
    abstract DatabaseChoice choice();

    abstract boolean available();

    /** What description() must look like. */
    abstract String descriptionPattern();

    /** The URL of a new, empty database of the same kind, reachable with db's user and password. */
    abstract String emptyDatabaseUrl() throws SQLException;

    @BeforeAll
    void start(@TempDir Path dir) {
        assumeTrue(available(), "database not installed");
        workDir = dir;
        long t0 = System.nanoTime();
        db = TestbedDatabase.start(choice(), workDir.resolve("db"));
        System.out.printf("%s started in %d ms%n", db.description(), millisSince(t0));
    }

    @AfterAll
    void stop() {
        if (db != null) db.close();
    }

    @Test
    void describesTheRealServer() {
        assertTrue(db.description().matches(descriptionPattern()), db.description());
    }

    @Test
    void queriesReturnTheSeededOrders() throws SQLException {
        try (OrdersRepository orders = db.orders(2)) {
            assertEquals(TestbedDatabase.CUSTOMERS, orders.customers());
            assertEquals(db.description(), orders.database());
            for (int customer : new int[] {1, 2, 4, 5, 500, 999, 1000}) {
                List<Order> expected = TestbedDatabase.seededOrders(customer);
                assertEquals(customer % 5 + 1, expected.size());
                assertEquals(expected, orders.ordersOf(customer, Duration.ZERO), "customer " + customer);
            }
            assertEquals(List.of(), orders.ordersOf(0, Duration.ZERO), "no such customer");
        }
    }

    @Test
    void seedIsTheDocumentedFormula() throws SQLException {
        assertEquals(List.of(new Order(40, 4, 248), new Order(41, 4, 259), new Order(42, 4, 270),
                new Order(43, 4, 281), new Order(44, 4, 292)), TestbedDatabase.seededOrders(4));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT customer_id), SUM(amount_cents) FROM orders")) {
            rs.next();
            assertEquals(3000, rs.getLong(1));
            assertEquals(TestbedDatabase.CUSTOMERS, rs.getLong(2));
            long sum = 0;
            for (int c2 = 1; c2 <= TestbedDatabase.CUSTOMERS; c2++) {
                for (Order o : TestbedDatabase.seededOrders(c2)) sum += o.amountCents();
            }
            assertEquals(sum, rs.getLong(3));
        }
    }

    @Test
    void waitsOncePerQueryNotOncePerRow() throws SQLException {
        try (OrdersRepository orders = db.orders(1)) {
            orders.ordersOf(3, Duration.ofMillis(10)); // warm: parse and plan outside the measurement
            // 5 rows, again until PostgreSQL's driver prepares server-side (5th use), then no rows
            for (int customer : new int[] {4, 4, 4, 4, 4, 4, 0}) {
                long t0 = System.nanoTime();
                List<Order> rows = orders.ordersOf(customer, Duration.ofMillis(150));
                long ms = millisSince(t0);
                System.out.printf("%s: customer %d, %d rows, L = 150 ms: %d ms%n", db.description(), customer, rows.size(), ms);
                assertEquals(TestbedDatabase.seededOrders(customer), rows);
                // once per row would be 750 ms for customer 4; no wait at all would be ~0 ms
                assertTrue(ms >= 145 && ms < 500, "one 150 ms wait took " + ms + " ms");
            }
        }
    }

    @Test
    void aPoolOfPServesPQueriesAtOnce() throws Exception {
        int p = 8;
        try (OrdersRepository orders = db.orders(p); ExecutorService threads = Executors.newFixedThreadPool(p)) {
            assertEquals(p, orders.poolSize());
            orders.ordersOf(1, Duration.ZERO);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Order>>> results = new ArrayList<>();
            for (int i = 0; i < p; i++) {
                int customer = i + 1;
                results.add(threads.submit(() -> {
                    go.await();
                    return orders.ordersOf(customer, Duration.ofMillis(300));
                }));
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (int i = 0; i < p; i++) assertEquals(TestbedDatabase.seededOrders(i + 1), results.get(i).get());
            long ms = millisSince(t0);
            System.out.printf("%s: %d queries of 300 ms on a pool of %d: %d ms%n", db.description(), p, p, ms);
            // one after another would be 2400 ms
            assertTrue(ms >= 295 && ms < 1200, p + " concurrent 300 ms queries took " + ms + " ms");
        }
    }

    @Test
    void poolSizeIsValidated() {
        for (int bad : new int[] {0, -1, TestbedDatabase.MAX_POOL_SIZE + 1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.orders(bad));
            assertTrue(e.getMessage().contains("pool size P") && e.getMessage().contains("256"), e.getMessage());
        }
    }

    @Test
    void cancellingTheStatementStopsTheWait() throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement(OrdersRepository.ORDERS_SQL)) {
            s.setQueryTimeout(1);
            s.setDouble(1, 30);
            s.setInt(2, 4);
            long t0 = System.nanoTime();
            assertThrows(SQLException.class, s::executeQuery);
            long ms = millisSince(t0);
            assertTrue(ms >= 900 && ms < 10_000, "a 1 s query timeout ended a 30 s wait after " + ms + " ms");
        }
    }

    @Test
    void anotherProcessAttachesByUrl() throws SQLException {
        try (TestbedDatabase attached = TestbedDatabase.start(
                DatabaseChoice.parse(db.jdbcUrl(), db.user(), db.password()), workDir.resolve("attached"))) {
            assertEquals(db.jdbcUrl(), attached.jdbcUrl());
            String product = db.description().substring(0, db.description().indexOf(" ("));
            assertEquals(product + " (external, " + db.jdbcUrl() + ")", attached.description());
            try (OrdersRepository orders = attached.orders(1)) {
                assertEquals(TestbedDatabase.seededOrders(7), orders.ordersOf(7, Duration.ZERO));
            }
        }
        try (OrdersRepository orders = db.orders(1)) { // detaching left the server alone
            assertEquals(TestbedDatabase.seededOrders(8), orders.ordersOf(8, Duration.ZERO));
        }
    }

    @Test
    void attachingToAnEmptyDatabaseSeedsItAndForeignRowsAreRefused() throws SQLException {
        String url = emptyDatabaseUrl();
        DatabaseChoice choice = DatabaseChoice.parse(url, db.user(), db.password());
        try (TestbedDatabase fresh = TestbedDatabase.start(choice, workDir.resolve("fresh"));
             OrdersRepository orders = fresh.orders(1)) {
            assertEquals(TestbedDatabase.seededOrders(9), orders.ordersOf(9, Duration.ofMillis(20)));
        }
        TestbedDatabase.start(choice, workDir.resolve("fresh")).close(); // seeded already: checked, not seeded again
        try (Connection c = DriverManager.getConnection(url, db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO orders (id, customer_id, amount_cents) VALUES (1, 1, 1)");
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestbedDatabase.start(choice, workDir.resolve("fresh")));
        assertTrue(e.getMessage().contains("holds 3001 rows"), e.getMessage());
    }

    @Test
    void listensOnLoopbackOnlyBelowTheEphemeralPorts() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "Linux only");
        int number = Integer.parseInt(db.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
        assertTrue(number > 0 && number < 32768, "not an ephemeral port: " + db.jdbcUrl());
        String port = ":%04X".formatted(number);
        List<String> addresses = new ArrayList<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            if (!Files.isReadable(Path.of(table))) continue;
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(port) && f[3].equals("0A")) addresses.add(f[1].substring(0, f[1].indexOf(':')));
            }
        }
        assertFalse(addresses.isEmpty(), "a listening socket on" + port);
        // 127.0.0.1 as IPv4, or IPv4-mapped in IPv6 (words in host byte order)
        Set<String> loopback = Set.of("0100007F", "0000000000000000FFFF00000100007F");
        assertTrue(loopback.containsAll(addresses), "listening on " + addresses);
    }

    static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
