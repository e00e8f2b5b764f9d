package dev.asyncbench.core.spec;

/** Scenario 3's answer: how many bodies, their total size, and their checksum in request order. */
public record FanOutResult(int responses, long bytes, long checksum) {
}
