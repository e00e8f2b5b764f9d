package dev.asyncbench.bench;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input, in every subcommand: one line on stderr naming the problem, exit code 2, no stack trace. */
class BadInputTest {

    @TempDir
    static Path tmp;

    record Case(List<String> args, String expected) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Stream<Case> cases() throws IOException {
        Path corruptCsv = Files.createDirectories(tmp.resolve("corrupt-csv"));
        Files.writeString(corruptCsv.resolve("results.csv"), "not,the,header\n");
        Files.writeString(corruptCsv.resolve("environment.json"), "{}");
        Path corruptEnv = Files.createDirectories(tmp.resolve("corrupt-env"));
        Files.writeString(corruptEnv.resolve("results.csv"), String.join(",", dev.asyncbench.bench.results.ResultsCsv.COLUMNS) + "\n");
        Files.writeString(corruptEnv.resolve("environment.json"), "{\"preset\": ");
        Path noEnv = Files.createDirectories(tmp.resolve("no-env"));
        Files.writeString(noEnv.resolve("results.csv"), String.join(",", dev.asyncbench.bench.results.ResultsCsv.COLUMNS) + "\n");
        // environment.json binary (a PNG's first bytes), cut off by a crash (NULs), with a terminal's escape, empty; results.csv binary
        Path binaryEnv = withEnvironment("binary-env", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Path nulEnv = withEnvironment("nul-env", "{\n\0\0\0\0".getBytes(StandardCharsets.UTF_8));
        Path escapeEnv = withEnvironment("escape-env", "\u001b[2J{}".getBytes(StandardCharsets.UTF_8));
        Path emptyEnv = withEnvironment("empty-env", new byte[0]);
        Path good = withEnvironment("good", dev.asyncbench.bench.results.ResultsFilesTestAccess.environment().toJson().getBytes(StandardCharsets.UTF_8));
        Path binaryCsv = Files.createDirectories(tmp.resolve("binary-csv"));
        Files.write(binaryCsv.resolve("results.csv"), new byte[] {'s', 'c', (byte) 0xff, (byte) 0xfe, 0});
        Files.writeString(binaryCsv.resolve("environment.json"), "{}");
        return Stream.of(
                new Case(List.of("run", "--models", "nope"), "unknown model 'nope'; accepted: "),
                new Case(List.of("run", "--scenarios", "nope"), "unknown scenario 'nope'; accepted: hello, "),
                new Case(List.of("run", "--preset", "medium"), "unknown preset 'medium'; accepted: quick, full"),
                new Case(List.of("run", "--scenarios", "gather-mass", "--sizes", "N=abc L=1s"), "malformed size 'N=abc L=1s'"),
                new Case(List.of("run", "--scenarios", "gather-mass", "--sizes", "N=10"), "size 'N=10' fits none of the selected scenarios"),
                new Case(List.of("run", "--scenarios", "gather-mass", "--sizes", "n=10 L=1s"), "malformed size 'n=10 L=1s'"),
                new Case(List.of("run", "--scenarios", "race", "--sizes", "R=1 W=20ms"),
                        "size 'R=1 W=20ms' of race: number of replicas must be between 2 and 64, was 1"),
                // --sizes are held to the spec records' own checks, in their words, before any fork starts
                new Case(List.of("run", "--scenarios", "race", "--sizes", "R=65 W=20ms"),
                        "size 'R=65 W=20ms' of race: number of replicas must be between 2 and 64, was 65"),
                new Case(List.of("run", "--scenarios", "race", "--sizes", "R=64 W=10s"),
                        "latency of replica r61 must be between 0 ms and 10 min, was 610000 ms"),
                new Case(List.of("run", "--scenarios", "http-fan-out", "--sizes", "K=10 L=1ms B=1 C=100001"),
                        "C (max in flight) must be between 1 and 100000, was 100001"),
                new Case(List.of("run", "--scenarios", "gather", "--sizes", "N=3 U=240s"), "delay of task C must be between 0 ms and 10 min, was 720000 ms"),
                new Case(List.of("run", "--scenarios", "gather-mass", "--sizes", "N=3000M L=1ms"),
                        "N (tasks) must be between 1 and 10000000, was 3000000000"),
                new Case(List.of("run", "--scenarios", "db", "--sizes", "Q=10 L=1ms P=257"), "pool size P must be between 1 and 256, was 257"),
                new Case(List.of("run", "--scenarios", "files", "--sizes", "F=10 S=65MiB C=1"), "bytes per file must be between 0 and 67108864, was 68157440"),
                new Case(List.of("run", "--scenarios", "timeout", "--sizes", "L=10ms D=0ms"), "deadline must be greater than 0 ms"),
                new Case(List.of("run", "--plan", "--scenarios", "race", "--sizes", "R=65 W=20ms"), "number of replicas must be between 2 and 64"),
                new Case(List.of("run", "--fail-on", "incorrect,skipped"), "--fail-on takes incorrect, failed (comma-separated), was 'skipped'"),
                new Case(List.of("run", "--plan", "--fail-on", "wrong"), "--fail-on takes incorrect, failed"),
                new Case(List.of("run", "--out", noEnv.toString()), "--out " + noEnv + " already holds results (results.csv); choose another folder, or add --force"),
                new Case(List.of("run", "--heap", "lots"), "--heap must look like 512m or 4g"),
                new Case(List.of("run", "--jvm-args", "UseZGC"), "--jvm-args takes JVM flags (each starting with '-'), was 'UseZGC'"),
                new Case(List.of("run", "--jvm-args", "-Xmx2g"), "--jvm-args: the heap is --heap's (-Xmx2g)"),
                new Case(List.of("run", "--forks", "0"), "--forks must be between 1 and 10, was 0"),
                new Case(List.of("run", "--http", "127.0.0.1:8080"), "--http must be a testbed server's address, http://HOST:PORT, was '127.0.0.1:8080'"),
                new Case(List.of("testbed", "--db", "jdbc:x"), "testbed --db must be auto, postgres or h2, was 'jdbc:x'"),
                new Case(List.of("run", "--out", "/etc/passwd/x", "--plan"), "--out /etc/passwd/x: cannot write to /etc/passwd: it is a file, not a folder"),
                new Case(List.of("run", "--measurements", "0"), "--measurements must be between 1 and 1000"),
                new Case(List.of("run", "--budget", "soon"), "Invalid value for option '--budget'"),
                new Case(List.of("run", "--db", "oracle"), "--db must be auto, postgres, h2 or a jdbc: URL"),
                new Case(List.of("run", "--bogus"), "Unknown option: '--bogus'"),
                new Case(List.of("report"), "Missing required parameter: 'DIR'"),
                new Case(List.of("report", tmp.resolve("absent").toString()), "no results folder at "),
                new Case(List.of("report", corruptCsv.toString()), "corrupt " + corruptCsv.resolve("results.csv")),
                new Case(List.of("report", corruptEnv.toString()), corruptEnv.resolve("environment.json") + " is not valid JSON: unexpected end at offset 11"),
                new Case(List.of("report", binaryEnv.toString()), binaryEnv.resolve("environment.json") + " is not UTF-8 text (byte 0x89 at offset 0)"),
                new Case(List.of("report", nulEnv.toString()), nulEnv.resolve("environment.json") + " is not UTF-8 text (a NUL byte at offset 2)"),
                new Case(List.of("report", escapeEnv.toString()),
                        escapeEnv.resolve("environment.json") + " is not valid JSON: unexpected character U+001B at offset 0"),
                new Case(List.of("report", emptyEnv.toString()), emptyEnv.resolve("environment.json") + " is empty"),
                new Case(List.of("report", binaryCsv.toString()), binaryCsv.resolve("results.csv") + " is not UTF-8 text (byte 0xff at offset 2)"),
                new Case(List.of("compare", good.toString(), binaryEnv.toString()), binaryEnv.resolve("environment.json") + " is not UTF-8 text"),
                new Case(List.of("compare", binaryCsv.toString(), good.toString()), binaryCsv.resolve("results.csv") + " is not UTF-8 text"),
                new Case(List.of("report", noEnv.toString()), "missing " + noEnv.resolve("environment.json")),
                new Case(List.of("compare", tmp.resolve("absent").toString(), corruptCsv.toString()), "no results folder at "),
                new Case(List.of("compare", noEnv.toString(), noEnv.toString()), "missing " + noEnv.resolve("environment.json")),
                new Case(List.of("compare", noEnv.toString()), "Missing required parameter: 'NEW'"),
                new Case(List.of("compare", "--fail-on-regression", "-5", noEnv.toString(), noEnv.toString()),
                        "--fail-on-regression takes a percentage of at least 0, was -5.0"),
                new Case(List.of("compare", "--fail-on-regression", "ten", noEnv.toString(), noEnv.toString()), "Invalid value for option '--fail-on-regression'"),
                new Case(List.of("demo", "--model", "nope"), "unknown model 'nope'; accepted: "),
                new Case(List.of("demo", "--unit", "0ms"), "--unit must be between 1 ms and 1 min"),
                new Case(List.of("demo", "--unit", "100000000000000s"), "--unit must be between 1 ms and 1 min, was 100000000000000.00 s"),
                new Case(List.of("demo", "--unit", "soon"), "Invalid value for option '--unit'"),
                new Case(List.of("list", "--bogus"), "Unknown option: '--bogus'"),
                // a mistyped command, or an option given to suite itself, is a bad input, not a JMH run
                new Case(List.of("runn"), "unknown command 'runn'; did you mean 'suite run'?"),
                new Case(List.of("xyzzy", "--but", "--not", "here"), "unknown command 'xyzzy'; the commands are run, report, compare, demo, list, testbed, jmh, help"),
                new Case(List.of("--preset", "quick"), "unknown option '--preset' for suite itself: it is an option of a command; did you mean 'suite run --preset ...'?"),
                new Case(List.of("--sizes=N=10"), "did you mean 'suite run --sizes ...'?"),
                new Case(List.of("-l"), "unknown option '-l'; JMH's own options go through 'suite jmh': 'suite jmh -l ...'"),
                new Case(List.of("GatherBenchmark", "-f", "1"), "did you mean 'suite jmh GatherBenchmark'?"),
                new Case(List.of("run", "--model", "rx"), "Unknown options: '--model', 'rx'; did you mean '--models'?"));
    }

    /** A results folder whose results.csv is fine and whose environment.json holds {@code bytes}. */
    private static Path withEnvironment(String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("results.csv"), String.join(",", dev.asyncbench.bench.results.ResultsCsv.COLUMNS) + "\n");
        Files.write(dir.resolve("environment.json"), bytes);
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineExitCode2NoStackTrace(Case c) {
        Run run = Run.of(c.args().toArray(String[]::new));
        assertEquals(2, run.exit(), "exit code; stderr: " + run.err());
        assertEquals(1, run.errLines().size(), "one line on stderr:\n" + run.err());
        String line = run.errLines().getFirst();
        assertTrue(line.startsWith("error: "), line);
        assertTrue(line.contains(c.expected()), "expected '" + c.expected() + "' in: " + line);
        assertFalse(line.contains("Exception"), "no exception class names: " + line);
        assertTrue(line.chars().noneMatch(Character::isISOControl), "nothing a terminal would act on: " + line);
    }

    /** The hint every parse error ends with ("see 'suite run --help'") leads somewhere, in every subcommand. */
    @ParameterizedTest(name = "{0} --help")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"run", "report", "compare", "demo", "list"})
    void theHintedHelpExists(String command) {
        Run run = Run.of(command, "--help");
        assertEquals(0, run.exit(), "exit code; stderr: " + run.err());
        assertTrue(run.out().startsWith("Usage: suite " + command + " "), run.out());
        assertEquals("", run.err());
    }
}
