package dev.asyncbench.bench.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One measuring run per machine at a time: two at once would disturb each other's figures, and
 * JMH refuses to start while another JMH run holds its lock file, which would make every
 * combination of the second run fail. {@code run} takes this lock for its whole length, and
 * first checks JMH's, so that a second run stops up front with one line.
 */
public final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run lock in {@code folder} (java.io.tmpdir, where JMH keeps jmh.lock); a {@link BadInput} when another run holds either. */
    public static RunLock acquire(Path folder) {
        Path ours = folder.resolve("asyncbench-run.lock");
        Path jmh = folder.resolve("jmh.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(ours, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new BadInput("another 'run' is measuring on this machine (it holds " + ours
                        + "); two at once would disturb each other's figures: wait for it to end");
            }
            if (!free(jmh)) {
                lock.release();
                throw new BadInput("another JMH run holds " + jmh + "; JMH would refuse every combination of this run: wait for it to end");
            }
            return new RunLock(channel, lock);
        } catch (IOException e) {
            // a folder where no lock can be made: run unguarded, as JMH itself would fail loudly
            close(channel);
            return new RunLock(null, null);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            return null;
        }
    }

    /** Whether nobody holds JMH's lock file now (it is let go at once: JMH takes it per combination). */
    private static boolean free(Path jmh) throws IOException {
        try (FileChannel c = FileChannel.open(jmh, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock l = tryLock(c);
            if (l == null) return false;
            l.release();
            return true;
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

    @Override
    public void close() {
        try {
            if (lock != null) lock.release();
        } catch (IOException ignored) {
            // closing the channel lets it go too
        }
        close(channel);
    }
}
