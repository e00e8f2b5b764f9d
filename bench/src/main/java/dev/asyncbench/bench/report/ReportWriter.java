package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.ResultSet;

import java.nio.file.Path;

/**
 * Renders a result set into its folder. {@code run} calls it at the end and {@code report}
 * calls it again on a saved folder; it returns the file to point the reader at.
 */
public interface ReportWriter {

    /**
     * Writes the report files into {@code dir} (next to results.csv); returns the main one. An
     * {@link dev.asyncbench.bench.results.OutputFailure} when a file cannot be written: each file
     * is the new one or the old one, whole.
     */
    Path write(ResultSet results, Path dir);

    /** The renderer the command line uses: index.html, report.md and charts/ (see {@link StandardReport}); returns index.html. */
    static ReportWriter standard() {
        return new StandardReport();
    }
}
