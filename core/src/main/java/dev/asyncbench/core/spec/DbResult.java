package dev.asyncbench.core.spec;

/** Scenario 5's answer: queries run, rows read, and the sum of their amounts. */
public record DbResult(int queries, long rows, long amountCents) {
}
