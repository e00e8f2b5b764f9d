package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkTestbed;

import dev.asyncbench.core.io.Completions;
import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.Manifest;
import dev.asyncbench.core.testbed.FileTrees;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario 4: F files of S bytes, each read, digested (SHA-256) and its line written to disk
 * and forced, at most C at once. Real disk work: no ideal time, the models are compared with
 * each other. The tree is generated once per fork, outside the measurement.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios files}, or
 * {@code ./suite jmh FilesBenchmark -p files=200}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class FilesBenchmark extends ScenarioState {

    /** F: files. */
    @Param("200")
    public int files;

    /** S: bytes per file. */
    @Param("16384")
    public int fileBytes;

    /** C: at most at once. */
    @Param("16")
    public int maxConcurrency;

    private Path input;
    private Path output;
    private FilesSpec spec;

    @Override
    protected void prepare() {
        input = ForkTestbed.scratch("asyncbench-files-in-");
        output = ForkTestbed.scratch("asyncbench-files-out-");
        List<String> names = FileTrees.generate(input, files, fileBytes, 42);
        spec = new FilesSpec(input, names, output, maxConcurrency);
    }

    @Override
    protected void verify() throws IOException {
        Manifest actual = first(() -> subject.files(spec));
        // the reference's answer, without its slow forced writes: each file's size and SHA-256
        List<Manifest.Entry> entries = new ArrayList<>();
        for (String name : spec.files()) {
            byte[] bytes = Files.readAllBytes(spec.input(name));
            entries.add(new Manifest.Entry(name, bytes.length, Digests.sha256Hex(bytes)));
        }
        Manifest expected = new Manifest(entries);
        expect(actual, expected);
        for (Manifest.Entry e : expected.entries()) {
            Path out = spec.output(e.file());
            String written = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "(missing)";
            if (!written.equals(e.line())) throw incorrect(out + " holding '" + written.strip() + "'", e.line().strip());
        }
    }

    @Override
    protected void cleanUp() throws IOException {
        deleteTree(input);
        deleteTree(output);
    }

    @Setup(Level.Iteration)
    public void recordLatencies() {
        recordCompletions(Completions.Kind.FILE, files);
    }

    @Benchmark
    public Manifest files() {
        operationStarted();
        return subject.files(spec);
    }

    @TearDown(Level.Iteration)
    public void flushLatencies() {
        flushCompletions();
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
