package dev.asyncbench.bench;

import dev.asyncbench.bench.results.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.asyncbench.bench.results.ResultRow.Status.OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report}: renders a saved run again; a report it cannot write is one line and exit code 1. */
class ReportCommandTest {

    static Path saved(Path dir) {
        new ResultSet(dev.asyncbench.bench.results.ResultsFilesTestAccess.environment(),
                List.of(CompareTest.row("rx", OK, 210, 5), CompareTest.row("futures", OK, 220, 5))).save(dir);
        return dir;
    }

    @Test
    void rendersTheReport(@TempDir Path tmp) {
        Path dir = saved(tmp.resolve("run"));
        Run run = Run.of("report", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of("Report: " + dir.resolve("index.html")), run.outLines());
    }

    @Test
    void aReportThatCannotBeWrittenIsOneLineAndExitCode1(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp.resolve("run"));
        Files.writeString(Files.createDirectories(dir.resolve("index.html")).resolve("x"), "taken");
        Run run = Run.of("report", dir.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertEquals(1, run.errLines().size(), run.err());
        String line = run.errLines().getFirst();
        assertTrue(line.startsWith("error: cannot write " + dir.resolve("index.html") + ": "), line);
        assertFalse(line.contains("Exception") || line.contains("ASYNCBENCH_DEBUG"), line);
    }
}
