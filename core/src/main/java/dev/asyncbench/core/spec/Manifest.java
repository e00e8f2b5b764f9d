package dev.asyncbench.core.spec;

import java.util.List;

/** Scenario 4's answer: one entry per input file, in input order. */
public record Manifest(List<Entry> entries) {
    public Manifest {
        entries = List.copyOf(entries);
    }

    public record Entry(String file, long bytes, String sha256) {
        /** The line written durably to the file's {@code .sha256} output. */
        public String line() {
            return sha256 + "  " + file + "\n";
        }
    }
}
