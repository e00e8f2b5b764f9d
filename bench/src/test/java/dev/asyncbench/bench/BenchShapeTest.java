package dev.asyncbench.bench;

import dev.asyncbench.bench.jmh.Benchmarks;
import dev.asyncbench.bench.results.BenchScenario;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The bench's shape, kept: small files, parts that depend one way, one protocol to the forks. */
class BenchShapeTest {

    private static final Path MAIN = Path.of("src/main/java/dev/asyncbench/bench");

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".kt")).sorted().toList();
        }
    }

    @Test
    void noMainFileIsOver300Lines() throws IOException {
        List<String> large = new ArrayList<>();
        for (Path p : sources(Path.of("src/main"))) {
            long lines = Files.readAllLines(p).size();
            if (lines > 300) large.add(p + " (" + lines + " lines)");
        }
        assertEquals(List.of(), large);
    }

    @Test
    void theMinimalProgramsImportNothingFromJmhOrItsBenchmarks() throws IOException {
        Pattern jmh = Pattern.compile("^import (static )?(org\\.openjdk\\.jmh|dev\\.asyncbench\\.bench\\.jmh)\\.", Pattern.MULTILINE);
        for (Path p : sources(Path.of("src/main"))) {
            if (!p.toString().contains("/minimal/") && !p.toString().contains("/fork/")) continue;
            assertTrue(!jmh.matcher(Files.readString(p)).find() || p.endsWith("ForkProtocol.java"), p + " imports JMH");
        }
    }

    @Test
    void onlyTheProtocolNamesTheForksProperties() throws IOException {
        Pattern key = Pattern.compile("\"(-D)?asyncbench\\.(?!watchdog)[a-zA-Z.]+");
        for (Path p : sources(MAIN)) {
            if (p.endsWith("ForkProtocol.java")) continue;
            var m = key.matcher(Files.readString(p));
            if (m.find()) fail(p + " names a fork property itself: " + m.group() + "; use ForkProtocol.Property");
        }
    }

    @Test
    void everyParameterABenchmarkIsGivenIsARealParam() throws NoSuchFieldException {
        for (BenchScenario s : BenchScenario.values()) {
            Benchmarks.Binding b = Benchmarks.of(s);
            List<String> given = new ArrayList<>(b.params().values());
            given.add("model");
            for (String name : given) {
                Field f = field(b.type(), name);
                assertNotNull(f.getAnnotation(Param.class), s.id() + ": " + b.type().getSimpleName() + "." + name + " is not a @Param");
            }
            assertEquals(s.letters().size(), b.params().size(), s.id() + ": one @Param per letter of its size");
            assertTrue(b.params().keySet().containsAll(s.letters()), s.id() + ": " + b.params().keySet() + " vs " + s.letters());
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException next) {
                // the superclass may declare it
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }
}
