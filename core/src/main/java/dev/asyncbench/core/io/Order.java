package dev.asyncbench.core.io;

/** One row of the testbed's {@code orders} table. */
public record Order(long id, int customerId, long amountCents) {
}
