package dev.asyncbench.bench.run;

import dev.asyncbench.bench.results.OutputFailure;
import dev.asyncbench.bench.results.OutputFolder;
import dev.asyncbench.core.testbed.TestbedDatabase;

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
        if (settings.startsServer() || (settings.needsDatabase() && !settings.db().startsWith("jdbc:"))) {
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
     * Whether the results can be written into {@code dir}, by the check the run's writer makes
     * ({@link OutputFolder#checkWritable}: a probe file written and removed, enough free space),
     * made in {@code dir} or, while it does not exist yet, in the nearest folder above it, so
     * that nothing is left behind ({@code --plan} makes no folder).
     */
    static void writable(Path dir) {
        Path at = dir.toAbsolutePath().normalize();
        while (at != null && !Files.exists(at)) at = at.getParent();
        if (at == null) throw new BadInput("--out " + dir + ": no folder above it exists");
        try {
            OutputFolder.checkWritable(at);
        } catch (OutputFailure e) {
            throw new BadInput("--out " + dir + ": " + e.getMessage(), e);
        }
    }
}
