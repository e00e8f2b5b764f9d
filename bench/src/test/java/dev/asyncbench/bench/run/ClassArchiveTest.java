package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkProtocol.Property;

import dev.asyncbench.bench.run.ClassArchive;
import dev.asyncbench.bench.run.JavaCommand;
import dev.asyncbench.bench.run.Preset;
import dev.asyncbench.bench.run.RunSettings;

import dev.asyncbench.bench.jmh.Benchmarks;
import dev.asyncbench.bench.jmh.ForkTraining;
import dev.asyncbench.bench.results.BenchScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassArchiveTest {

    @Test
    void trainingRunsEveryScenarioAtASmallQuickSizeForEveryModel() {
        List<String> args = ClassArchive.trainingProperties(List.of("rx", "coroutines"), List.of(BenchScenario.values()), false);
        assertTrue(args.contains(Property.MODEL.arg("rx,coroutines")), args.toString());
        assertTrue(args.contains(Property.PINNING.arg(false)), args.toString());
        String training = args.stream().filter(a -> a.startsWith("-D" + Property.TRAINING.key + "=")).findFirst().orElseThrow()
                .substring(("-D" + Property.TRAINING.key + "=").length());
        List<String> items = List.of(training.split(";"));
        assertEquals(BenchScenario.values().length, items.size(), training);
        for (BenchScenario s : BenchScenario.values()) {
            assertEquals(s.id() + ":" + ClassArchive.trainingSize(s).label(), items.get(s.ordinal()));
            // the scenario's smallest size (Preset.smallest), in the letters of its quick sizes
            assertEquals(Preset.QUICK.sizes(s).getFirst().params().keySet(), ClassArchive.trainingSize(s).params().keySet(), s.id());
            s.check(ClassArchive.trainingSize(s));
        }
    }

    @Test
    void theKeyChangesWithTheFlagsTheClassPathAndTheTraining(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        List<String> flags = List.of("-Xmx1g");
        List<String> training = List.of("rx", "hello");
        String key = ClassArchive.key(flags, jar.toString(), training);
        assertEquals(key, ClassArchive.key(flags, jar.toString(), training));
        assertNotEquals(key, ClassArchive.key(List.of("-Xmx2g"), jar.toString(), training));
        assertNotEquals(key, ClassArchive.key(flags, jar.toString(), List.of("rx,futures", "hello")));
        Files.writeString(jar, "rebuilt");
        assertNotEquals(key, ClassArchive.key(flags, jar.toString(), training), "a rebuilt jar");
    }

    @Test
    void classFoldersAreNamedBecauseTheJvmArchivesOnlyJars(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path jar = Files.writeString(dir.resolve("a.jar"), "x");
        assertNull(ClassArchive.classFolder(jar + File.pathSeparator + empty));
        Files.writeString(classes.resolve("A.class"), "x");
        assertEquals(classes.toString(), ClassArchive.classFolder(jar + File.pathSeparator + classes));
        assertEquals(dir.resolve("logs"), ClassArchive.cacheFolder(jar + File.pathSeparator + jar, dir.resolve("logs")));
        assertEquals(dir, ClassArchive.cacheFolder(jar.toString(), dir.resolve("logs")));
    }

    /** The whole path on a jar-only class path, as in a run from benchmarks.jar: train, archive, reuse, map. */
    @Test
    void aTrainingJvmMakesAnArchiveThatForksMapAndALaterRunReuses(@TempDir Path dir) throws Exception {
        String classPath = jarsOnly(dir.resolve("jars"));
        RunSettings settings = new RunSettings(Preset.QUICK, "test", List.of("sequential", "futures"),
                Map.of(BenchScenario.HELLO, Preset.QUICK.sizes(BenchScenario.HELLO)), dir.resolve("out"), null, null,
                Duration.ofSeconds(3), "256m", "auto", null, null, false, true, null);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        StringBuilder problem = new StringBuilder();
        ClassArchive.Prepared made = ClassArchive.prepare(settings, List.of(BenchScenario.HELLO), Map.of(), classPath, dir, logs, problem);
        assertNotNull(made, () -> problem + "\n" + read(logs.resolve("class-archive-training.log")));
        assertTrue(made.origin().startsWith("made at the start of this run"), made.origin());
        assertTrue(Files.size(made.file()) > 1_000_000, "an archive of the training's classes");

        ClassArchive.Prepared again = ClassArchive.prepare(settings, List.of(BenchScenario.HELLO), Map.of(), classPath, dir, logs, problem);
        assertNotNull(again, problem::toString);
        assertEquals(made.file(), again.file());
        assertTrue(again.origin().startsWith("made by an earlier run"), again.origin());

        // a JVM with the archive loads the benchmark and the model from it, not from the jars
        List<String> command = new ArrayList<>(JavaCommand.java());
        command.addAll(settings.withClassArchive(made.file()).forkFlags());
        command.addAll(ClassArchive.trainingProperties(List.of("futures"), List.of(BenchScenario.HELLO), false));
        command.addAll(List.of("-Xlog:class+load", "-cp", classPath, ForkTraining.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("dev.asyncbench.bench.jmh.HelloBenchmark source: shared objects file (top)"), out);
        assertTrue(out.contains("dev.asyncbench.futures.FuturesModel source: shared objects file (top)"), out);
    }

    /** This JVM's class path with every class folder packed into a jar of its own. */
    private static String jarsOnly(Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : JavaCommand.classPath().split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = folder.resolve("folder-" + n++ + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(path.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, (OutputStream) out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }
}
