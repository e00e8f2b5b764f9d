package dev.asyncbench.bench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The next run removes what a killed one left: its folder and the processes started from it,
 * and says so; a folder whose JVM is alive, or too young to have an owner, stays.
 */
class LeftoversTest {

    @TempDir
    Path tmp;

    @Test
    void aDeadRunsFolderAndProcessesAreRemovedAndNamed() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path dead = Files.createDirectory(tmp.resolve(RunFolder.PREFIX + "dead"));
        Files.writeString(dead.resolve(RunFolder.OWNER), RunFolder.ownerLine(gone.toHandle()), StandardCharsets.UTF_8);
        Files.createDirectories(dead.resolve("forks/asyncbench-files-in-1/dir-00"));
        Files.write(dead.resolve("forks/asyncbench-files-in-1/dir-00/file-0000000.bin"), new byte[4096]);
        // a process still running from the dead run's folder, as an orphaned PostgreSQL would be
        Process orphan = new ProcessBuilder("sh", "-c", "sleep 60", dead.resolve("testbed-db").toString()).start();

        Path alive = Files.createDirectory(tmp.resolve(RunFolder.PREFIX + "alive"));
        Files.writeString(alive.resolve(RunFolder.OWNER), RunFolder.ownerLine(ProcessHandle.current()), StandardCharsets.UTF_8);
        Path young = Files.createDirectory(tmp.resolve(RunFolder.PREFIX + "young"));
        // an owner line that looks dead (as after a wall-clock step) but whose JVM holds the owner file's lock: alive
        Path locked = Files.createDirectory(tmp.resolve(RunFolder.PREFIX + "locked"));
        Files.writeString(locked.resolve(RunFolder.OWNER), RunFolder.ownerLine(gone.toHandle()), StandardCharsets.UTF_8);
        java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(locked.resolve(RunFolder.OWNER),
                java.nio.file.StandardOpenOption.WRITE);
        held.lock();

        List<String> said = Leftovers.sweep(tmp, tmp.resolve(RunFolder.PREFIX + "mine"));

        assertEquals(1, said.size(), said.toString());
        assertTrue(said.getFirst().startsWith("removed what a run that ended without cleaning up (pid " + gone.pid() + ", started "), said.getFirst());
        assertTrue(said.getFirst().endsWith("left: 1 process stopped, " + dead + " (2 files, 0.0 MB)"), said.getFirst());
        assertFalse(Files.exists(dead));
        assertTrue(orphan.waitFor(20, TimeUnit.SECONDS), "the orphan is stopped");
        assertTrue(Files.exists(alive), "a live run's folder stays");
        assertTrue(Files.exists(young), "a folder with no owner yet stays for a while");
        assertTrue(Files.exists(locked), "a folder whose owner holds its lock stays, whatever its line says");
        held.close();
    }
}
