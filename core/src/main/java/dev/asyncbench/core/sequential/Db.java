package dev.asyncbench.core.sequential;

import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Scenario 5: Q queries, one after another, so one connection of the pool's P is ever busy and
 * the wall time is Q x L.
 *
 * <ul>
 *   <li>Threads: the caller's.
 *   <li>Blocking: {@link OrdersRepository#ordersOf} (JDBC) holds the caller while the server waits.
 *   <li>Cancellation: none; JDBC does not answer interrupts. The loop ends at the first error.
 *   <li>Errors: the first failing query, as {@link IllegalStateException} with the
 *       {@link SQLException} as its cause.
 * </ul>
 */
final class Db {
    private Db() {
    }

    static DbResult db(DbSpec spec) {
        Objects.requireNonNull(spec, "spec");
        OrdersRepository orders = spec.orders();
        long rows = 0;
        long amountCents = 0;
        for (int i = 0; i < spec.queries(); i++) {
            List<Order> found = query(orders, i, spec);
            rows += found.size();
            for (Order order : found) amountCents += order.amountCents();
        }
        return new DbResult(spec.queries(), rows, amountCents);
    }

    /** Query i: the orders of customer {@code i mod customers + 1}, after L server-side. */
    static List<Order> query(OrdersRepository orders, int i, DbSpec spec) {
        try {
            return orders.ordersOf(spec.customerFor(i), spec.latency());
        } catch (SQLException e) {
            throw new IllegalStateException("query " + i + " failed: " + e.getMessage(), e);
        }
    }
}
