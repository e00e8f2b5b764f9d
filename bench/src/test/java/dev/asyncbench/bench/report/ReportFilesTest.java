package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.OutputFailure;
import dev.asyncbench.bench.results.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering again replaces each report file whole, or leaves the old one whole. */
class ReportFilesTest {

    static List<String> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void aRenderingThatCannotWriteLeavesTheOldPagesWholeAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        ResultSet set = Fixtures.fullRun();
        ReportWriter.standard().write(set, dir);
        byte[] oldHtml = Files.readAllBytes(dir.resolve("index.html"));
        Files.writeString(dir.resolve("charts/old-time.svg"), "<svg/>");
        // report.md cannot be replaced: a folder with something in it took its name
        Files.delete(dir.resolve("report.md"));
        Files.writeString(Files.createDirectories(dir.resolve("report.md")).resolve("notes.txt"), "mine");

        OutputFailure e = assertThrows(OutputFailure.class, () -> ReportWriter.standard().write(set, dir));
        assertTrue(e.getMessage().startsWith("cannot write " + dir.resolve("report.md") + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());

        assertArrayEquals(oldHtml, Files.readAllBytes(dir.resolve("index.html")), "index.html is the old one, whole");
        assertTrue(Files.exists(dir.resolve("charts/old-time.svg")), "old charts stay until the pages that link them are replaced");
        assertEquals(List.of(), temporaryFiles(dir));
    }

    @Test
    void aFolderUnderARegularFileIsAnOutputFailure(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("results"), "");
        OutputFailure e = assertThrows(OutputFailure.class, () -> ReportWriter.standard().write(Fixtures.fullRun(), file.resolve("run")));
        assertTrue(e.getMessage().startsWith("cannot create the folder " + file.resolve("run")), e.getMessage());
    }
}
