package dev.asyncbench.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./suite jmh ARGS}: every argument after {@code jmh} reaches JMH's runner as given, its -h included. */
class JmhCommandTest {

    private static List<String> passedToJmh(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        var parsed = Cli.commandLine(sink, sink, args).parseArgs(args);
        assertEquals("jmh", parsed.subcommand().commandSpec().name());
        return ((JmhCommand) parsed.subcommand().commandSpec().userObject()).arguments;
    }

    @Test
    void everythingAfterJmhIsJmhs() {
        assertEquals(List.of("-l"), passedToJmh("jmh", "-l"));
        assertEquals(List.of("-h"), passedToJmh("jmh", "-h"), "JMH's help, not ours");
        assertEquals(List.of("GatherBenchmark", "-p", "model=rx", "-f", "1", "-wi", "0", "-V", "--help", "run"),
                passedToJmh("jmh", "GatherBenchmark", "-p", "model=rx", "-f", "1", "-wi", "0", "-V", "--help", "run"));
        assertEquals(List.of(), passedToJmh("jmh"));
    }

    @Test
    void theUsageNamesIt() {
        Run run = Run.of("--help");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("jmh ")), run.out());
    }
}
