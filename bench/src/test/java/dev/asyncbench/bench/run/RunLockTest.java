package dev.asyncbench.bench.run;

import dev.asyncbench.bench.Run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second run while one is measuring stops up front with one line and exit 1, instead of
 * failing every combination; a plain JMH run beside a run is refused by JMH itself.
 */
class RunLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() {
        try (RunLock first = RunLock.acquire(tmp)) {
            RunProblem e = assertThrows(RunProblem.class, () -> RunLock.acquire(tmp));
            assertTrue(e.getMessage().startsWith("another 'run' is measuring on this machine (pid " + ProcessHandle.current().pid() + ", started "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("holding " + tmp.resolve("asyncbench-run.lock")), e.getMessage());
        }
        // let go at the end: the next run goes ahead
        RunLock.acquire(tmp).close();
    }

    @Test
    void aPlainJmhRunHoldingJmhsLockIsNamed() throws Exception {
        try (FileChannel c = FileChannel.open(tmp.resolve("jmh.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = c.lock()) {
            RunProblem e = assertThrows(RunProblem.class, () -> RunLock.acquire(tmp));
            assertTrue(e.getMessage().startsWith("a JMH run is measuring on this machine (it holds " + tmp.resolve("jmh.lock")), e.getMessage());
        }
        // our own lock was let go when JMH's was found taken
        RunLock.acquire(tmp).close();
    }

    @Test
    void aPlainJmhRunBesideARunIsRefusedByJmh() throws Exception {
        try (RunLock run = RunLock.acquire(tmp)) {
            Process jmh = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp,
                    "-cp", System.getProperty("java.class.path"), "org.openjdk.jmh.Main", "HelloBenchmark", "-f", "1", "-wi", "0", "-i", "1")
                    .redirectErrorStream(true).start();
            String output = new String(jmh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(jmh.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(jmh.exitValue() != 0, output);
            assertTrue(output.contains("Unable to acquire the JMH lock"), output);
        }
    }

    @Test
    void theCommandLineSaysItInOneLineWithExitCode1() {
        Path tmpdir = RunFolder.systemTmp();
        RunLock mine = null;
        try {
            mine = RunLock.acquire(tmpdir);
        } catch (RunProblem someoneElsesRunIsGoing) {
            // the lock is held anyway: the run below must be refused all the same
        }
        try {
            Run run = Run.of("run", "--scenarios", "hello", "--models", "sequential", "--out", tmp.resolve("out").toString());
            assertEquals(1, run.exit(), "exit code; stderr: " + run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.errLines().getFirst().startsWith("error: another "), run.err());
        } finally {
            if (mine != null) mine.close();
        }
    }
}
