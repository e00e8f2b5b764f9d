package dev.asyncbench.bench;

import dev.asyncbench.bench.run.RunSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The command line a run records: as typed, quoted so that a shell reads the same arguments back. */
class CliTest {

    private static RunCommand parsedRun(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        var parsed = Cli.commandLine(sink, sink, args).parseArgs(args);
        return (RunCommand) parsed.subcommand().commandSpec().userObject();
    }

    @Test
    void eachArgumentIsQuotedOnlyWhenItNeedsIt() {
        assertEquals("./suite run --models rx,futures --sizes 'R=65 W=20ms' --out /tmp/x1 --sizes=N=10",
                Cli.typed(List.of("run", "--models", "rx,futures", "--sizes", "R=65 W=20ms", "--out", "/tmp/x1", "--sizes=N=10")));
        assertEquals("./suite run --out 'it'\\''s here' --db '' --sizes 'N=10;N=20'",
                Cli.typed(List.of("run", "--out", "it's here", "--db", "", "--sizes", "N=10;N=20")));
        assertEquals("./suite", Cli.typed(List.of()));
    }

    @Test
    void aDatabasePasswordIsLeftOut() {
        assertEquals("./suite run --db jdbc:postgresql://h/db --db-user me --db-password '***'",
                Cli.typed(List.of("run", "--db", "jdbc:postgresql://h/db", "--db-user", "me", "--db-password", "secret")));
        assertEquals("./suite run '--db-password=***'", Cli.typed(List.of("run", "--db-password=secret")));
    }

    @Test
    void theRunsSettingsCarryTheCommand(@TempDir Path dir) {
        String out = dir.resolve("a b").toString();
        RunSettings settings = parsedRun("run", "--models", "futures", "--scenarios", "hello", "--sizes", "L=10ms", "--out", out).settings();
        assertEquals("./suite run --models futures --scenarios hello --sizes L=10ms --out '" + out + "'", settings.command());
    }

    @Test
    void anOutFolderWithResultsIsReplacedOnlyWithForce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("results.csv"), "scenario\n");
        assertEquals(dir, parsedRun("run", "--scenarios", "hello", "--out", dir.toString(), "--force").settings().out());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(empty, parsedRun("run", "--scenarios", "hello", "--out", empty.toString()).settings().out(), "a folder without results is fine");
    }
}
