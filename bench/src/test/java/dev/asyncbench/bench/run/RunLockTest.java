package dev.asyncbench.bench.run;

import dev.asyncbench.bench.Run;
import dev.asyncbench.bench.run.BadInput;
import dev.asyncbench.bench.run.RunLock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second run while one is measuring stops up front with one line, instead of failing every combination. */
class RunLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() {
        try (RunLock first = RunLock.acquire(tmp)) {
            BadInput e = assertThrows(BadInput.class, () -> RunLock.acquire(tmp));
            assertTrue(e.getMessage().startsWith("another 'run' is measuring on this machine (it holds " + tmp.resolve("asyncbench-run.lock")), e.getMessage());
        }
        // let go at the end: the next run goes ahead
        RunLock.acquire(tmp).close();
    }

    @Test
    void aPlainJmhRunHoldingJmhsLockIsNamed() throws Exception {
        try (FileChannel c = FileChannel.open(tmp.resolve("jmh.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = c.lock()) {
            BadInput e = assertThrows(BadInput.class, () -> RunLock.acquire(tmp));
            assertTrue(e.getMessage().startsWith("another JMH run holds " + tmp.resolve("jmh.lock")), e.getMessage());
        }
        // our own lock was let go when JMH's was found taken
        RunLock.acquire(tmp).close();
    }

    @Test
    void theCommandLineSaysItInOneLineWithExitCode2() {
        Path tmpdir = Path.of(System.getProperty("java.io.tmpdir"));
        RunLock mine = null;
        try {
            mine = RunLock.acquire(tmpdir);
        } catch (BadInput someoneElsesRunIsGoing) {
            // the lock is held anyway: the run below must be refused all the same
        }
        try {
            Run run = Run.of("run", "--scenarios", "hello", "--models", "sequential", "--out", tmp.resolve("out").toString());
            assertEquals(2, run.exit(), "exit code; stderr: " + run.err());
            assertEquals(1, run.errLines().size(), run.err());
            assertTrue(run.errLines().getFirst().startsWith("error: another "), run.err());
        } finally {
            if (mine != null) mine.close();
        }
    }
}
