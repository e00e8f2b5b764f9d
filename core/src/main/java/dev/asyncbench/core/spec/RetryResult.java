package dev.asyncbench.core.spec;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Scenario 10's answer: how many requests, how many succeeded, their bodies' total size, the
 * checksum in request order (a success folds its body's CRC-32C, a failure its fault), and each
 * failed request's last fault by request index.
 */
public record RetryResult(int requests, int succeeded, long bytes, long checksum, SortedMap<Integer, Fault> failures) {

    public RetryResult {
        Check.notNull(failures, "failures");
        failures = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(failures));
    }

    /** Just the failures, for a message. */
    public static String describe(Map<Integer, Fault> failures) {
        StringBuilder s = new StringBuilder();
        failures.forEach((i, f) -> s.append(s.isEmpty() ? "" : ", ").append(i).append(": ").append(f.text()));
        return s.isEmpty() ? "none" : s.toString();
    }
}
