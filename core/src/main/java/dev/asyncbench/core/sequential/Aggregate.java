package dev.asyncbench.core.sequential;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.Summaries;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Scenario 6: per id, the profile, then the orders, then the summary and its store; id after
 * id. Profile and orders do not overlap here, so each id costs 2 x L and the whole N x 2 x L.
 *
 * <ul>
 *   <li>Threads: the caller's.
 *   <li>Blocking: {@link TestbedClient#send} for the profile and the store, JDBC for the orders.
 *   <li>Cancellation: interrupting the caller abandons the HTTP request in flight; JDBC does not
 *       answer interrupts. Later ids never start.
 *   <li>Errors: the first failure ends the loop: {@link UncheckedIOException} for HTTP (its cause
 *       a {@code ServerUnreachableException} or {@code HttpStatusException}),
 *       {@link IllegalStateException} over the {@link SQLException} for the database.
 * </ul>
 */
final class Aggregate {
    private Aggregate() {
    }

    static AggregateResult aggregate(AggregateSpec spec) {
        Objects.requireNonNull(spec, "spec");
        long[] summaries = new long[spec.ids()];
        for (int id = 1; id <= spec.ids(); id++) {
            summaries[id - 1] = summarize(id, spec);
        }
        return new AggregateResult(spec.ids(), Checksums.foldAll(summaries));
    }

    /** One id: profile (HTTP) and orders (database), combined, stored; returns the summary. */
    static long summarize(int id, AggregateSpec spec) {
        TestbedClient http = spec.http();
        OrdersRepository orders = spec.orders();
        try {
            byte[] profile = http.send(http.profile(id, spec.latency(), spec.dist()));
            List<Order> placed = orders.ordersOf(id, spec.latency());
            long summary = Summaries.combine(id, profile, placed);
            http.send(http.store(id, summary));
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("orders of customer " + id + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("aggregate interrupted at id " + id);
        }
    }
}
