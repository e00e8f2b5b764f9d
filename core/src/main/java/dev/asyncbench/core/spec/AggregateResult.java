package dev.asyncbench.core.spec;

/** Scenario 6's answer: ids processed and the checksum of their summaries in id order. */
public record AggregateResult(int ids, long checksum) {
}
