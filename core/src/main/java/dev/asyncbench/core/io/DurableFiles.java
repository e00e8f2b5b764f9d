package dev.asyncbench.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a file and forces it to disk before returning: the "durably" of scenario 4. Blocks. */
public final class DurableFiles {
    private DurableFiles() {
    }

    /** Writes {@code content} to {@code file} and forces it to disk; counted (and held) by a {@link DiskWatch} when one is on. */
    public static void write(Path file, byte[] content) throws IOException {
        DiskWatch watch = DiskWatch.current();
        if (watch != null) watch.begin();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) channel.write(buffer);
            if (watch != null) watch.hold();
            channel.force(true);
        } finally {
            if (watch != null) watch.end();
        }
        Completions.mark(Completions.Kind.FILE);
    }
}
