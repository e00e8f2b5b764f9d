package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkProtocol;
import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.jmh.ForkTraining;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The class-data-sharing archive that every measured JVM of a run maps
 * ({@code -XX:SharedArchiveFile}, the JDK's dynamic AppCDS archive): the classes the forks load
 * (JMH, the harness, the models and their libraries, the HTTP and JDBC clients), already parsed
 * and verified, so that each of a run's many JVMs starts sooner (bench/RESULTS.md has the figures).
 *
 * <p>Fair to every model: one training JVM ({@link ForkTraining}) runs every scenario of the run
 * for every model of the run, at the scenario's smallest quick size, and the JVM archives what
 * they all loaded as it exits. The archive holds classes only, no compiled code and no
 * profiles, so it changes how fast a fork gets to its setup, not the code being measured; the
 * minimal programs map it too, so that the no-harness-tax check compares like with like.
 *
 * <p>Kept next to the benchmarks jar and reused while the class path, the JDK, the flags and
 * the trained scenarios and models stay the same (the JVM itself also refuses an archive whose
 * class path changed). When it cannot be made, the run goes on without it and says so.
 */
public final class ClassArchive {

    /** An archive ready to map, and where it came from (for the report's notes). */
    record Prepared(Path file, String origin) {
    }

    static final String NAME = "fork-classes.jsa";
    private static final long TRAINING_TIMEOUT_SECONDS = 300;

    private ClassArchive() {
    }

    /**
     * The archive for this run, made now if there is none for the same build and set-up;
     * {@code null} (with the reason appended to {@code problem}) when it could not be made.
     *
     * @param scenarios  the scenarios the forks will run
     * @param properties the forks' system properties (testbed addresses, model providers)
     * @param classPath  the forks' class path: jars only (the JVM archives no class folders)
     * @param cache      the folder the archive is kept in
     */
    static Prepared prepare(RunSettings settings, List<BenchScenario> scenarios, Map<Property, String> properties, String classPath, Path cache,
                            Path logs, StringBuilder problem) throws IOException {
        String folder = classFolder(classPath);
        if (folder != null) {
            problem.append("the class path holds the class folder ").append(folder).append(", and the JVM archives classes from jars only");
            return null;
        }
        // the JVM's models only: the asyncio row runs in CPython, with no class archive
        List<String> jvmModels = settings.models().stream().filter(m -> !m.equals(AsyncioRow.NAME)).toList();
        if (jvmModels.isEmpty()) {
            problem.append("no JVM model in this run");
            return null;
        }
        List<String> flags = settings.baseForkFlags();
        // forks that record pinning load JFR's classes too: the full preset's archive is another file
        boolean pinning = settings.preset().recordPinning;
        // the training JVM's tail: the pinning switch, class path, main and what it runs; part of the key
        List<String> training = new ArrayList<>(trainingProperties(jvmModels, scenarios, pinning));
        // the transport's classes are archived too: another transport is another archive
        training.add("-D" + Property.HTTP_CLIENT.key + "=" + settings.httpClient().id());
        training.addAll(List.of("-cp", classPath, ForkTraining.class.getName()));
        String key = key(flags, classPath, training);
        Path file = cache.resolve(pinning ? NAME.replace(".jsa", "-jfr.jsa") : NAME);
        Path keyFile = cache.resolve(file.getFileName() + ".key");
        if (Files.exists(file) && Files.exists(keyFile) && Files.readString(keyFile, StandardCharsets.UTF_8).equals(key)
                && usable(flags, classPath, file)) {
            return new Prepared(file, "made by an earlier run of the same build, models, scenarios and flags");
        }
        Files.createDirectories(cache);
        Files.deleteIfExists(keyFile);
        Path made = Files.createTempFile(cache, "fork-classes-", ".jsa.tmp");
        Files.delete(made); // the JVM writes it
        Path log = logs.resolve("class-archive-training.log");
        List<String> command = new ArrayList<>(JavaCommand.java(JmhFork.FORKS));
        command.addAll(flags);
        command.add("-XX:ArchiveClassesAtExit=" + made);
        Map<Property, Object> more = new EnumMap<>(Property.class);
        more.putAll(properties);
        more.put(Property.REPORT, logs.resolve("class-archive-training.report").toAbsolutePath());
        more.put(Property.REFERENCES, logs.resolve("class-archive-training-references").toAbsolutePath());
        command.addAll(ForkProtocol.args(more));
        command.addAll(training);
        long start = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = p.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                problem.append("the training JVM did not finish within ").append(TRAINING_TIMEOUT_SECONDS).append(" s");
            } else if (p.exitValue() != 0 || !Files.exists(made)) {
                problem.append("the training JVM exited with ").append(p.exitValue()).append(" and no archive");
            } else if (!usable(flags, classPath, made)) {
                problem.append("the JVM refuses the archive it made");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem.append("interrupted while training");
        }
        if (!problem.isEmpty()) {
            problem.append("; see logs/").append(log.getFileName());
            Files.deleteIfExists(made);
            return null;
        }
        Files.move(made, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        long seconds = Math.round((System.nanoTime() - start) / 1e9);
        return new Prepared(file, "made at the start of this run, in " + seconds + " s");
    }

    /** Where a run keeps the archive: beside the benchmarks jar, or (another class path) in its own logs. */
    static Path cacheFolder(String classPath, Path logs) {
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            Path parent = Path.of(classPath).toAbsolutePath().getParent();
            if (parent != null && Files.isWritable(parent)) return parent;
        }
        return logs;
    }

    /** The first class path entry that is a folder with something in it (as when run from a build's class folders), or null. */
    static String classFolder(String classPath) {
        for (String entry : classPath.split(File.pathSeparator)) {
            File f = new File(entry);
            String[] children = f.isDirectory() ? f.list() : null;
            if (children != null && children.length > 0) return entry;
        }
        return null;
    }

    /**
     * What the training JVM ({@link ForkTraining}) runs: the models, and each scenario at its
     * smallest size ({@link #trainingSize}); whether it records pinning (forks that do load
     * JFR's classes too).
     */
    static List<String> trainingProperties(List<String> models, List<BenchScenario> scenarios, boolean pinning) {
        Map<Property, Object> p = new EnumMap<>(Property.class);
        p.put(Property.MODEL, String.join(",", models));
        p.put(Property.TRAINING, scenarios.stream().map(s -> s.id() + ":" + trainingSize(s).label())
                .collect(Collectors.joining(";")));
        p.put(Property.PINNING, pinning);
        return ForkProtocol.args(p);
    }

    /**
     * The size a scenario is trained at: its smallest ({@link Preset#smallest}), a few requests
     * or tasks, so that the sequential model (every model is trained) takes no more than a
     * fraction of a second; for retry and load one with the same code paths as every measured
     * size: every fault kind and a backoff, a queue.
     */
    static Size trainingSize(BenchScenario s) {
        return Preset.smallest(s);
    }

    /** Whether a JVM with these flags and this class path maps the archive (-Xshare:on fails otherwise). */
    static boolean usable(List<String> flags, String classPath, Path archive) {
        List<String> command = new ArrayList<>(JavaCommand.java());
        command.addAll(flags);
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-cp", classPath, "-version"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What the archive depends on: the JDK, every class path entry's size and time, the flags, what was trained. */
    static String key(List<String> flags, String classPath, List<String> training) {
        StringBuilder text = new StringBuilder();
        text.append(JavaCommand.javaBinary()).append('\n').append(Runtime.version()).append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            File f = new File(entry);
            text.append(entry).append(' ').append(f.length()).append(' ').append(f.lastModified()).append('\n');
        }
        text.append(String.join(" ", flags)).append('\n').append(String.join("\n", training)).append('\n');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes (or finds) the class archive for the run's scenarios; returns the
     * archive, or null, and the environment's note on it.
     */
    static Settled settle(RunSettings settings, TestbedProcesses testbed, String providers, Path logs, Progress progress) throws IOException {
        if (!settings.shareClasses()) return new Settled(null, "not used (--no-class-archive)");
        List<BenchScenario> trained = List.copyOf(settings.sizes().keySet());
        progress.note("preparing the forks' class archive (a training JVM runs each scenario once for every model) ...");
        Map<Property, String> properties = new EnumMap<>(Property.class);
        properties.putAll(testbed.forkProperties(settings.needsServer(), settings.needsDatabase()));
        if (providers != null) properties.put(Property.MODELS, providers);
        StringBuilder problem = new StringBuilder();
        String classPath = JavaCommand.classPath();
        Prepared archive = prepare(settings, trained, properties, classPath, cacheFolder(classPath, logs), logs, problem);
        if (archive == null) {
            progress.note("no class archive: " + problem + "; every fork starts without it");
            return new Settled(null, "not used: " + problem);
        }
        progress.note("class archive ready: " + archive.origin());
        String what = trained.size() == BenchScenario.values().length ? "every scenario"
                : trained.size() == 1 ? "the scenario " + trained.getFirst().id() : "the scenarios " + ids(trained);
        long mib = Math.round(Files.size(archive.file()) / (1024.0 * 1024));
        return new Settled(archive.file(), "every measured JVM (JMH fork and minimal program) maps " + archive.file().getFileName()
                + " (-XX:SharedArchiveFile, " + mib + " MiB): the classes their forks load, archived by one training JVM that ran " + what
                + " once for every model of the run; " + archive.origin() + ". It shortens each JVM's start-up, before the setup's checked"
                + " run, and holds classes only (no compiled code, no profiles). Its pages count in every fork's peak RSS alike, so that"
                + " figure no longer shows a model's own library classes; --no-class-archive runs without it");
    }

    /** The archive every measured JVM maps (null: none) and the environment's note on it. */
    record Settled(Path file, String note) {
    }

    /** The scenarios' ids, for notes. */
    static String ids(List<BenchScenario> scenarios) {
        return scenarios.stream().map(BenchScenario::id).collect(Collectors.joining(", "));
    }
}
