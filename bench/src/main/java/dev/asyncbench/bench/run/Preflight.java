package dev.asyncbench.bench.run;

import dev.asyncbench.core.testbed.TestbedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code run} checks about the machine before it starts anything, so that a run does not
 * measure for minutes and then fail: the output folder can be written, and a port is free for
 * the testbed's servers. {@code run --plan} makes the same checks, and says the same.
 */
public final class Preflight {

    private Preflight() {
    }

    /** Every check; a {@link BadInput} for an output folder that cannot be written, a {@link RunProblem} for no free port. */
    public static void check(RunSettings settings) {
        writable(settings.out());
        if (settings.needsServer() || (settings.needsDatabase() && !settings.db().startsWith("jdbc:"))) {
            try {
                // the very function the testbed's servers pick their ports with
                TestbedDatabase.freeLoopbackPort();
            } catch (UncheckedIOException e) {
                throw new RunProblem("the testbed cannot start: " + e.getCause().getMessage()
                        + "; every port there is taken (free some, or close what holds them)", e);
            }
        }
    }

    /**
     * Whether files can be made in {@code dir}, or in the nearest folder above it that exists
     * (where it would be made): a probe file is made there and removed, nothing else is left.
     */
    static void writable(Path dir) {
        Path at = dir.toAbsolutePath().normalize();
        while (at != null && !Files.exists(at)) at = at.getParent();
        if (at == null) throw new BadInput("--out " + dir + ": no folder above it exists");
        if (!Files.isDirectory(at)) throw new BadInput("--out " + dir + ": " + at + " is a file, not a folder");
        try {
            Files.delete(Files.createTempFile(at, ".asyncbench-probe-", ".tmp"));
        } catch (IOException e) {
            throw new BadInput("--out " + dir + " cannot be written: " + at + ": " + reason(e));
        }
    }

    /** The cause as the OS says it: "Read-only file system", "Permission denied", "No space left on device". */
    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
