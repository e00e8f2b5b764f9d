package dev.asyncbench.core.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario 4: for each file (relative to {@code inputDir}) read it, digest it (SHA-256) and
 * write {@code <file>.sha256} into {@code outputDir}, forced to disk; at most C at once.
 */
public record FilesSpec(Path inputDir, List<String> files, Path outputDir, int maxConcurrency) {
    public static final int MAX_CONCURRENCY = 100_000;

    public FilesSpec {
        Check.notNull(inputDir, "inputDir");
        if (!Files.isDirectory(inputDir)) throw new IllegalArgumentException("inputDir must be an existing folder, was " + inputDir);
        files = List.copyOf(Check.notEmpty(files, "files"));
        Check.notNull(outputDir, "outputDir");
        if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) throw new IllegalArgumentException("outputDir must be a folder, was " + outputDir);
        checkConcurrency(maxConcurrency);
    }

    /** The constructor's check on C, for a size read before any file exists. */
    public static void checkConcurrency(long maxConcurrency) {
        Check.range(maxConcurrency, "C (max concurrency)", 1, MAX_CONCURRENCY);
    }

    public Path input(String file) {
        return inputDir.resolve(file);
    }

    public Path output(String file) {
        return outputDir.resolve(file.replace('/', '_') + ".sha256");
    }
}
