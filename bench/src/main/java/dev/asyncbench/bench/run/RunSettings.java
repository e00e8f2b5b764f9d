package dev.asyncbench.bench.run;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;
import dev.asyncbench.core.io.TestbedClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one {@code run} measures and how, checked.
 *
 * @param command the command line that asked for it, as typed (the command line's {@code Cli.typed}): recorded with the results
 * @param jvmArgs more flags for every measured JVM alike (--jvm-args), after the suite's own; a GC named here replaces G1
 * @param forks   JMH forks per combination (--forks): each a fresh JVM, so that fork-to-fork variance shows
 * @param server  the address of an HTTP testbed server started elsewhere (--http, e.g. by {@code ./suite testbed}), or null to start one
 * @param httpClient the HTTP transport every measured JVM's shared client uses ({@code TestbedClient.Transport}, --http-client)
 * @param cpuSets the testbed's and the measured side's CPUs, when split (--cpu-sets)
 */
public record RunSettings(Preset preset, String label, List<String> models, Map<BenchScenario, List<Size>> sizes, Path out,
                   Integer fixedWarmups, Integer fixedMeasurements, Duration budget, String heap,
                   String db, String dbUser, String dbPassword, boolean minimal, boolean shareClasses, Path classArchive,
                   String command, List<String> jvmArgs, int forks, String server, TestbedClient.Transport httpClient,
                   CpuSets cpuSets) {

    public RunSettings {
        jvmArgs = List.copyOf(jvmArgs);
        if (forks < 1) throw new IllegalArgumentException("forks must be at least 1, was " + forks);
    }

    /** Settings no command line asked for (tests): no command recorded. */
    public RunSettings(Preset preset, String label, List<String> models, Map<BenchScenario, List<Size>> sizes, Path out,
                Integer fixedWarmups, Integer fixedMeasurements, Duration budget, String heap,
                String db, String dbUser, String dbPassword, boolean minimal, boolean shareClasses, Path classArchive) {
        this(preset, label, models, sizes, out, fixedWarmups, fixedMeasurements, budget, heap, db, dbUser, dbPassword, minimal, shareClasses,
                classArchive, "", List.of(), 1, null, TestbedClient.Transport.DEFAULT, CpuSets.NONE);
    }

    /**
     * The budget of one operation of scenario {@code s} at {@code size} for {@code model}: the
     * run's; twice that for the mass gather up to the N the model declares it reaches, so that a
     * model which starts its tasks slowly but reaches 1,000,000 (asyncio, about 22 s here) is
     * measured there beside the others rather than skipped.
     */
    Duration budget(BenchScenario s, dev.asyncbench.bench.results.Size size, dev.asyncbench.bench.fork.ModelsProbe.Model model) {
        boolean reaches = s == BenchScenario.GATHER_MASS && size.get("N") <= model.traits().maxMassTasks();
        return reaches ? budget.multipliedBy(2) : budget;
    }

    /** Warm-up iterations for an operation expected to take {@code opMs}: --warmups, or the preset's for that length. */
    int warmups(BenchScenario s, double opMs) {
        return fixedWarmups != null ? fixedWarmups : preset.warmups(s, opMs);
    }

    /** Measured iterations for an operation expected to take {@code opMs}. */
    int measurements(BenchScenario s, double opMs) {
        return fixedMeasurements != null ? fixedMeasurements : preset.measurements(s, opMs);
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
        List<String> flags = new ArrayList<>(List.of("--enable-preview", "--sun-misc-unsafe-memory-access=allow", "-Xms" + heap, "-Xmx" + heap));
        if (gcFlag(jvmArgs) == null) flags.add("-XX:+UseG1GC");
        flags.addAll(jvmArgs);
        return List.copyOf(flags);
    }

    /** The measured JVMs' garbage collector: G1 unless --jvm-args names another. */
    public String gc() {
        String flag = gcFlag(jvmArgs);
        return flag == null ? "G1" : flag.substring("-XX:+Use".length(), flag.length() - "GC".length());
    }

    /** The flag among {@code args} that chooses a collector (-XX:+UseSerialGC, ...), or null. */
    static String gcFlag(List<String> args) {
        String found = null;
        for (String a : args) if (a.matches("-XX:\\+Use\\w+GC")) found = a;
        return found;
    }

    /** These settings with every measured JVM mapping {@code archive} ({@link ClassArchive}). */
    RunSettings withClassArchive(Path archive) {
        return new RunSettings(preset, label, models, sizes, out, fixedWarmups, fixedMeasurements, budget, heap, db, dbUser, dbPassword,
                minimal, shareClasses, archive, command, jvmArgs, forks, server, httpClient, cpuSets);
    }

    /** These settings with the CPU sets the run really used. */
    RunSettings withCpuSets(CpuSets sets) {
        return new RunSettings(preset, label, models, sizes, out, fixedWarmups, fixedMeasurements, budget, heap, db, dbUser, dbPassword,
                minimal, shareClasses, classArchive, command, jvmArgs, forks, server, httpClient, sets);
    }

    /** Whether the run starts its own HTTP testbed server (its scenarios use one, and none was given with --http). */
    boolean startsServer() {
        return needsServer() && server == null;
    }

    boolean needsServer() {
        return sizes.keySet().stream().anyMatch(BenchScenario::needsServer);
    }

    boolean needsDatabase() {
        return sizes.keySet().stream().anyMatch(BenchScenario::needsDatabase);
    }
}
