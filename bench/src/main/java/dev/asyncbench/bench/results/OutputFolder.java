package dev.asyncbench.bench.results;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Where a run's files go, written so that a crash or a full disk never leaves half a file:
 * each file is written to a temporary file beside it, forced to the disk, then moved over the
 * old one in one step ({@code ATOMIC_MOVE}). A reader sees the old file or the new one, never
 * a mix; a failed write removes its temporary file and leaves the old file as it was.
 * Every failure is an {@link OutputFailure} naming the file and the cause in one line.
 *
 * <p>Writing does not stop on a thread's interrupt: results are written after a Ctrl-C too.
 */
public final class OutputFolder {

    /** Free space {@link #checkWritable} asks for: a full run writes about 5 MB (docs/sample-full), and a new file is written beside the old. */
    static final long NEEDED_BYTES = 32_000_000;

    private static final String TEMPORARY = ".tmp";

    private OutputFolder() {
    }

    /** What a file holds, written to the stream given (closing it is allowed, not needed). */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks before a run that its results can be written into {@code dir}: creates the folder
     * if needed, writes a probe file to the disk and deletes it, and asks for
     * {@value #NEEDED_BYTES} bytes free. An {@link OutputFailure} saying why not.
     */
    public static void checkWritable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OutputFailure("cannot write to " + dir + ": it is a file, not a folder", null);
        }
        createFolder(dir);
        Path probe = dir.resolve(".asyncbench-probe-" + hex() + TEMPORARY);
        try {
            write(probe, out -> out.write("asyncbench checks it can write here\n".getBytes(StandardCharsets.UTF_8)));
        } catch (OutputFailure e) {
            String why = e.getCause() instanceof IOException io ? OutputFailure.reason(io, probe) : e.getMessage();
            throw new OutputFailure("cannot write to " + dir + ": " + why, e.getCause());
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // the write failed already, or the folder went away: that is the news
            }
        }
        long free;
        try {
            free = Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return; // the store does not say: the probe went through, that has to do
        }
        if (free < NEEDED_BYTES) {
            throw new OutputFailure(String.format(Locale.ROOT, "cannot write to %s: only %.1f MB free on its file system, a run needs about %.0f MB",
                    dir, free / 1e6, NEEDED_BYTES / 1e6), null);
        }
    }

    /** Creates {@code dir} and its parents if missing; an {@link OutputFailure} when it cannot. */
    public static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            Path file = dir.toAbsolutePath();
            while (file != null && !Files.exists(file)) file = file.getParent();
            String why = file == null || Files.isDirectory(file) ? OutputFailure.reason(e, dir)
                    : file.equals(dir.toAbsolutePath()) ? "it is a file, not a folder" : file + " is a file, not a folder";
            throw new OutputFailure("cannot create the folder " + dir + ": " + why, e);
        }
    }

    /** Writes {@code text} as UTF-8 into {@code file}, whole or not at all. */
    public static void write(Path file, String text) {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What a {@link PrintStream} writer prints (JMH's result formats), whole or not at all. A
     * print stream keeps its errors to itself; they are found and reported all the same:
     * {@code print(dir.resolve(ResultSet.JMH_JSON), out -> ResultFormatFactory.getInstance(JSON, out).writeOut(results))}.
     */
    public static void print(Path file, Consumer<PrintStream> body) {
        write(file, out -> {
            PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
            body.accept(print);
            print.flush();
        });
    }

    /**
     * Writes {@code body} into {@code file}, whole or not at all; creates its folder if missing.
     * An {@link OutputFailure} when it fails, even if {@code body} swallowed the error (as a
     * PrintStream does); any other exception of {@code body} goes through unchanged. Either way
     * the temporary file is gone and the old file untouched.
     */
    public static void write(Path file, Body body) {
        Path dir = file.toAbsolutePath().getParent();
        createFolder(dir);
        Path temporary = dir.resolve("." + file.getFileName() + "." + hex() + TEMPORARY);
        boolean moved = false;
        try {
            Files.createFile(temporary);
            // a FileOutputStream, not a channel: an interrupted thread still writes
            try (FileOutputStream stream = new FileOutputStream(temporary.toFile());
                 Guarded out = new Guarded(stream)) {
                body.writeTo(out);
                out.flush();
                if (out.failure != null) throw out.failure;
                stream.getFD().sync();
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            throw OutputFailure.writing(file, e);
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // nothing more to do; the failure is reported
                }
            }
        }
    }

    /** Whether a file name is one of this class's temporary files. */
    static boolean isTemporary(Path name) {
        return name != null && name.toString().startsWith(".") && name.toString().endsWith(TEMPORARY);
    }

    private static String hex() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private interface Write {
        void run() throws IOException;
    }

    /** Buffers, remembers the first failure (for writers that swallow it) and keeps the file open for the sync; package-private for a test. */
    static final class Guarded extends FilterOutputStream {
        private final byte[] buffer = new byte[1 << 16];
        private int count;
        IOException failure;

        Guarded(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) drain();
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > buffer.length - count) drain();
            if (len >= buffer.length) {
                guard(() -> out.write(b, off, len));
            } else {
                System.arraycopy(b, off, buffer, count, len);
                count += len;
            }
        }

        @Override
        public void flush() throws IOException {
            drain();
        }

        /** Closing is the writer's, not the body's: only flush. */
        @Override
        public void close() throws IOException {
            drain();
        }

        private void drain() throws IOException {
            if (count == 0) return;
            int n = count;
            count = 0;
            guard(() -> out.write(buffer, 0, n));
        }

        private void guard(Write action) throws IOException {
            if (failure != null) throw failure;
            try {
                action.run();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
