package dev.asyncbench.bench.run;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one {@code run} measures and how, checked.
 *
 * @param command the command line that asked for it, as typed (the command line's {@code Cli.typed}): recorded with the results
 */
public record RunSettings(Preset preset, String label, List<String> models, Map<BenchScenario, List<Size>> sizes, Path out,
                   Integer fixedWarmups, Integer fixedMeasurements, Duration budget, String heap,
                   String db, String dbUser, String dbPassword, boolean minimal, boolean shareClasses, Path classArchive,
                   String command) {

    /** Settings no command line asked for (tests): no command recorded. */
    public RunSettings(Preset preset, String label, List<String> models, Map<BenchScenario, List<Size>> sizes, Path out,
                Integer fixedWarmups, Integer fixedMeasurements, Duration budget, String heap,
                String db, String dbUser, String dbPassword, boolean minimal, boolean shareClasses, Path classArchive) {
        this(preset, label, models, sizes, out, fixedWarmups, fixedMeasurements, budget, heap, db, dbUser, dbPassword, minimal, shareClasses,
                classArchive, "");
    }

    /** Warm-up iterations for an operation expected to take {@code opMs}: --warmups, or the preset's for that length. */
    int warmups(double opMs) {
        return fixedWarmups != null ? fixedWarmups : preset.warmups(opMs);
    }

    /** Measured iterations for an operation expected to take {@code opMs}. */
    int measurements(double opMs) {
        return fixedMeasurements != null ? fixedMeasurements : preset.measurements(opMs);
    }

    /** The flags of every measured JVM: the same for every model, recorded with the results. */
    List<String> forkFlags() {
        if (classArchive == null) return baseForkFlags();
        List<String> flags = new ArrayList<>(baseForkFlags());
        flags.add("-XX:SharedArchiveFile=" + classArchive);
        return List.copyOf(flags);
    }

    /** {@link #forkFlags()} without the class archive: what the archive is made with. */
    List<String> baseForkFlags() {
        return List.of("--enable-preview", "--sun-misc-unsafe-memory-access=allow", "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC");
    }

    /** These settings with every measured JVM mapping {@code archive} ({@link ClassArchive}). */
    RunSettings withClassArchive(Path archive) {
        return new RunSettings(preset, label, models, sizes, out, fixedWarmups, fixedMeasurements, budget, heap, db, dbUser, dbPassword,
                minimal, shareClasses, archive, command);
    }

    boolean needsServer() {
        return sizes.keySet().stream().anyMatch(BenchScenario::needsServer);
    }

    boolean needsDatabase() {
        return sizes.keySet().stream().anyMatch(BenchScenario::needsDatabase);
    }
}
