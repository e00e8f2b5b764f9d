package dev.asyncbench.core.testbed;

import dev.asyncbench.core.spec.Check;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic file trees, the input of the file scenario: the same arguments write the same
 * bytes on every machine.
 *
 * <p>Layout: file {@code i} (0-based) is {@code dir-KK/file-NNNNNNN.bin}, the files split in
 * index order over at most {@value #FOLDERS} folders of {@code ceil(files / 16)}, so sorting the
 * paths keeps index order. Content: file {@code i} holds the first {@code bytesPerFile} bytes
 * that {@code new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i).nextBytes} produces (the
 * multiplier keeps seed {@code s + 1} from repeating seed {@code s}'s files one index later).
 */
public final class FileTrees {

    public static final int MAX_FILES = 1_000_000;
    public static final int MAX_BYTES_PER_FILE = 64 << 20;
    static final int FOLDERS = 16;

    /** A multiple of 8, so writing in chunks gives the bytes one nextBytes call would. */
    private static final int CHUNK = 64 << 10;

    private FileTrees() {
    }

    /** {@link #generate}'s checks on the counts, for a size read before any tree is written. */
    public static void check(long files, long bytesPerFile) {
        Check.range(files, "files", 1, MAX_FILES);
        Check.range(bytesPerFile, "bytes per file", 0, MAX_BYTES_PER_FILE);
    }

    /**
     * Writes {@code files} files of {@code bytesPerFile} deterministic bytes (from {@code seed})
     * under {@code dir}, spread over a few sub-folders, replacing files of the same name; returns
     * their paths relative to dir ('/'-separated), sorted, which is index order.
     */
    public static List<String> generate(Path dir, int files, int bytesPerFile, long seed) {
        Check.notNull(dir, "dir");
        check(files, bytesPerFile);
        int perFolder = (files + FOLDERS - 1) / FOLDERS;
        byte[] chunk = new byte[Math.min(CHUNK, bytesPerFile)];
        List<String> paths = new ArrayList<>(files);
        try {
            for (int i = 0; i < files; i++) {
                String relative = "dir-%02d/file-%07d.bin".formatted(i / perFolder, i);
                Path file = dir.resolve(relative);
                if (i % perFolder == 0) Files.createDirectories(file.getParent());
                write(file, bytesPerFile, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i), chunk);
                paths.add(relative);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the file tree under " + dir, e);
        }
        return List.copyOf(paths);
    }

    private static void write(Path file, int size, SplittableRandom random, byte[] chunk) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= chunk.length) {
                if (left < chunk.length) chunk = new byte[left];
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }
}
