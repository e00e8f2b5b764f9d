package dev.asyncbench.bench.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One measuring run per machine at a time, and no plain JMH run beside it: either would disturb
 * the other's figures. {@code run} holds two locks in the system's temporary folder for its
 * whole length: its own ({@code asyncbench-run.lock}, which names the run holding it) and JMH's
 * ({@code jmh.lock}), so that a JMH run started beside it is refused by JMH itself with one line
 * ("Unable to acquire the JMH lock"), instead of taking the lock between two of our
 * combinations and failing the rest of the run. The JMH runner inside the run does not take
 * JMH's lock again ({@code jmh.ignoreLock}, set by {@link JmhFork}). A run that finds either
 * lock held stops at once with a {@link RunProblem} (exit 1).
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel ours;
    private final FileChannel jmh;

    private RunLock(FileChannel ours, FileChannel jmh) {
        this.ours = ours;
        this.jmh = jmh;
    }

    /** Takes both locks in {@code folder}; a {@link RunProblem} naming the holder when either is held. */
    public static RunLock acquire(Path folder) {
        Path oursFile = folder.resolve("asyncbench-run.lock");
        Path jmhFile = folder.resolve("jmh.lock");
        FileChannel ours = null;
        FileChannel jmh = null;
        try {
            ours = FileChannel.open(oursFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            if (tryLock(ours) == null) {
                throw new RunProblem("another 'run' is measuring on this machine (" + holder(oursFile) + ", holding " + oursFile
                        + "); two at once would disturb each other's figures: wait for it to end");
            }
            jmh = FileChannel.open(jmhFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (tryLock(jmh) == null) {
                throw new RunProblem("a JMH run is measuring on this machine (it holds " + jmhFile
                        + "); measuring beside it would disturb both: wait for it to end");
            }
            ours.truncate(0);
            ours.write(ByteBuffer.wrap(RunFolder.ownerLine(ProcessHandle.current()).getBytes(StandardCharsets.UTF_8)));
            return new RunLock(ours, jmh);
        } catch (IOException e) {
            // a folder where no lock can be made: run unguarded, as JMH itself would fail loudly
            close(ours);
            close(jmh);
            return new RunLock(null, null);
        } catch (RuntimeException e) {
            close(ours);
            close(jmh);
            throw e;
        }
    }

    /** Who holds our lock, from what it wrote: "pid 1234, started ...". */
    private static String holder(Path file) {
        try {
            String line = Files.readString(file, StandardCharsets.UTF_8).trim();
            return line.isEmpty() ? "pid unknown" : RunFolder.describe(line);
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            return null;
        }
    }

    private static void close(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    /** Lets both locks go (closing a channel releases its lock). */
    @Override
    public void close() {
        close(jmh);
        close(ours);
    }
}
