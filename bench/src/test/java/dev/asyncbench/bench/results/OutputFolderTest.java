package dev.asyncbench.bench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every file a run writes is the old one or the new one, whole; a failure says which file and why in one line. */
class OutputFolderTest {

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheOldFileAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        OutputFolder.write(file, "old\n");
        OutputFolder.write(file, "new, é\n");
        assertEquals("new, é\n", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of("results.csv"), names(dir));
    }

    @Test
    void aFailureMidWriteKeepsTheOldFileAndRemovesItsTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "old results\n");
        OutputFailure e = assertThrows(OutputFailure.class, () -> OutputFolder.write(file, out -> {
            out.write("half of the new res".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
        assertEquals("old results\n", Files.readString(file));
        assertEquals(List.of("results.csv"), names(dir), "no temporary file left behind");
    }

    @Test
    void anyOtherFailureOfTheBodyGoesThroughAndCleansUpAllTheSame(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("index.html");
        Files.writeString(file, "old page");
        IllegalStateException bug = new IllegalStateException("a bug in the renderer");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> OutputFolder.write(file, out -> {
            out.write(new byte[100_000]);
            throw bug;
        })));
        assertEquals("old page", Files.readString(file));
        assertEquals(List.of("index.html"), names(dir));
    }

    @Test
    void aPrintStreamsSwallowedErrorIsFoundAndNamed() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs /dev/full, whose every write fails with ENOSPC");
        try (OutputFolder.Guarded guarded = new OutputFolder.Guarded(new FileOutputStream("/dev/full"))) {
            PrintStream print = new PrintStream(guarded, false, StandardCharsets.UTF_8);
            print.println("{ \"jmh\": \"results\" }");
            print.flush();
            assertTrue(print.checkError(), "the print stream kept the error to itself");
            assertEquals("No space left on device", OutputFailure.reason(guarded.failure, Path.of("jmh-result.json")));
        }
    }

    @Test
    void printWritesWhatAPrintStreamWriterPrints(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("jmh-result.json");
        OutputFolder.print(file, out -> {
            out.println("[");
            out.print("]");
            out.close(); // JMH's writers may close it
        });
        assertEquals("[\n]", Files.readString(file).replace(System.lineSeparator(), "\n"));
        assertEquals(List.of("jmh-result.json"), names(dir));
    }

    @Test
    void writesAfterAnInterruptToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("results.csv");
        Thread.currentThread().interrupt(); // as after a Ctrl-C, when the finished results are saved
        try {
            OutputFolder.write(file, "kept\n");
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is left for the caller");
        }
        assertEquals("kept\n", Files.readString(file));
    }

    @Test
    void aFolderWithoutWritePermissionFailsInOneLine(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("results.csv"), "old");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(out), "running as root, whom permissions do not stop: the parent-is-a-file cases cover it");
            OutputFailure write = assertThrows(OutputFailure.class, () -> OutputFolder.write(out.resolve("results.csv"), "new"));
            assertEquals("cannot write " + out.resolve("results.csv") + ": Permission denied", write.getMessage());
            OutputFailure check = assertThrows(OutputFailure.class, () -> OutputFolder.checkWritable(out));
            assertEquals("cannot write to " + out + ": Permission denied", check.getMessage());
            assertEquals("old", Files.readString(out.resolve("results.csv")));
            assertEquals(List.of("results.csv"), names(out));
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFolderUnderARegularFileFailsInOneLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("results"), "a file where a folder should be");
        OutputFailure check = assertThrows(OutputFailure.class, () -> OutputFolder.checkWritable(file));
        assertEquals("cannot write to " + file + ": it is a file, not a folder", check.getMessage());
        Path under = file.resolve("2026-01-31T12-00-00");
        OutputFailure nested = assertThrows(OutputFailure.class, () -> OutputFolder.checkWritable(under));
        assertEquals("cannot create the folder " + under + ": " + file + " is a file, not a folder", nested.getMessage());
        OutputFailure write = assertThrows(OutputFailure.class, () -> OutputFolder.write(under.resolve("results.csv"), "x"));
        assertTrue(write.getMessage().startsWith("cannot create the folder " + under + ": "), write.getMessage());
        assertEquals(List.of("results"), names(dir));
    }

    @Test
    void aTargetThatCannotBeReplacedKeepsItsContentAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path taken = Files.createDirectories(dir.resolve("index.html"));
        Files.writeString(taken.resolve("inside"), "kept");
        OutputFailure e = assertThrows(OutputFailure.class, () -> OutputFolder.write(taken, "<!DOCTYPE html>"));
        assertTrue(e.getMessage().startsWith("cannot write " + taken + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), "the temporary file is no news to the reader: " + e.getMessage());
        assertEquals(List.of("index.html"), names(dir));
        assertEquals("kept", Files.readString(taken.resolve("inside")));
    }

    /**
     * A real full disk and a real read-only file system: a 1 MB tmpfs mounted in a mount
     * namespace of its own (it needs root and unshare; skipped elsewhere), where a child JVM
     * ({@link OnSmallDisk}) writes.
     */
    @Test
    void aFullDiskAndAReadOnlyFileSystem(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && canMountTmpfs(dir), "needs root and unshare -m to mount a small tmpfs");
        Path mount = Files.createDirectories(dir.resolve("disk"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "mount -t tmpfs -o size=1m tmpfs \"$0\" && \"$1\" -cp \"$2\" \"$3\" \"$0\" full"
                + " && mount -o remount,ro \"$0\" && \"$1\" -cp \"$2\" \"$3\" \"$0\" read-only";
        Process p = new ProcessBuilder("unshare", "-m", "sh", "-c", script, mount.toString(), java,
                System.getProperty("java.class.path"), OnSmallDisk.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Path csv = mount.resolve("results.csv");
        assertEquals(List.of(
                "cannot write " + csv + ": No space left on device",
                "cannot write " + mount.resolve("jmh-result.json") + ": No space left on device",
                "cannot write to " + mount + ": only 1.0 MB free on its file system, a run needs about 32 MB",
                "left: results.csv=old",
                "cannot write " + csv + ": Read-only file system",
                "cannot write to " + mount + ": Read-only file system",
                "left: results.csv=old"), out.lines().toList());
    }

    private static boolean canMountTmpfs(Path dir) throws InterruptedException {
        try {
            Path probe = Files.createDirectories(dir.resolve("probe"));
            return new ProcessBuilder("unshare", "-m", "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The child of {@link #aFullDiskAndAReadOnlyFileSystem}: tries to write on the small disk, prints what it was told and what is left. */
    static final class OnSmallDisk {
        public static void main(String[] args) throws IOException {
            Path dir = Path.of(args[0]);
            Path csv = dir.resolve("results.csv");
            if (args[1].equals("full")) OutputFolder.write(csv, "old");
            List<Runnable> attempts = args[1].equals("full")
                    ? List.of(() -> OutputFolder.write(csv, "x".repeat(2_000_000)),
                              () -> OutputFolder.print(dir.resolve("jmh-result.json"), out -> out.print("y".repeat(2_000_000))),
                              () -> OutputFolder.checkWritable(dir))
                    : List.of(() -> OutputFolder.write(csv, "new"), () -> OutputFolder.checkWritable(dir));
            for (Runnable attempt : attempts) {
                try {
                    attempt.run();
                    System.out.println("written");
                } catch (OutputFailure e) {
                    System.out.println(e.getMessage());
                }
            }
            StringBuilder left = new StringBuilder("left:");
            for (String name : names(dir)) left.append(' ').append(name).append('=').append(Files.readString(dir.resolve(name)));
            System.out.println(left);
        }
    }

    @Test
    void checkWritableCreatesTheFolderAndLeavesItEmpty(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("results/2026-01-31T12-00-00");
        OutputFolder.checkWritable(out);
        assertTrue(Files.isDirectory(out));
        assertEquals(List.of(), names(out), "the probe is gone");
        OutputFolder.checkWritable(out);
    }

    @Test
    void resultSetSaveWritesThroughIt(@TempDir Path dir) throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "");
        ResultSet set = new ResultSet(ResultsFilesTest.ENV, ResultsFilesTest.ROWS);
        OutputFailure e = assertThrows(OutputFailure.class, () -> set.save(blocker.resolve("run")));
        assertEquals("cannot create the folder " + blocker.resolve("run") + ": " + blocker + " is a file, not a folder", e.getMessage());
        set.save(dir.resolve("run"));
        assertEquals(List.of("environment.json", "results.csv"), names(dir.resolve("run")));
        assertEquals(set, ResultSet.load(dir.resolve("run")));
    }
}
