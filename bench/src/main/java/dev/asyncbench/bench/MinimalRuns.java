package dev.asyncbench.bench;

import dev.asyncbench.bench.results.ResultRow;

import java.nio.file.Path;
import java.util.List;

/** The no-harness-tax check: minimal stand-alone programs per model, timed like the suite's mass gather. */
final class MinimalRuns {
    private final RunSettings settings;
    private final Path logs;

    MinimalRuns(RunSettings settings, Path logs) {
        this.settings = settings;
        this.logs = logs;
    }

    List<ResultRow> run(Progress progress) {
        return List.of();
    }
}
