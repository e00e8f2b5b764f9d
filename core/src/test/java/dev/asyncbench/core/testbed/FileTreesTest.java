package dev.asyncbench.core.testbed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTreesTest {

    @TempDir
    Path tmp;

    @Test
    void writesSortedFilesOfTheAskedSizeOverAFewFolders() throws IOException {
        List<String> files = FileTrees.generate(tmp, 40, 1000, 7);
        assertEquals(40, files.size());
        assertEquals(files.stream().sorted().toList(), files);
        assertEquals("dir-00/file-0000000.bin", files.getFirst());
        assertEquals("dir-13/file-0000039.bin", files.getLast()); // 16 folders of at most 3
        for (String f : files) assertEquals(1000, Files.size(tmp.resolve(f)), f);
        try (Stream<Path> folders = Files.list(tmp)) {
            assertEquals(14, folders.count());
        }
        try (Stream<Path> all = Files.walk(tmp)) {
            assertEquals(40, all.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void sameSeedSameBytesDifferentSeedDifferentBytes() throws IOException {
        int size = 200_000; // several chunks and a partial one
        List<String> a = FileTrees.generate(tmp.resolve("a"), 5, size, 42);
        List<String> b = FileTrees.generate(tmp.resolve("b"), 5, size, 42);
        List<String> c = FileTrees.generate(tmp.resolve("c"), 5, size, 43);
        assertEquals(a, b);
        assertEquals(a, c);
        for (String f : a) {
            byte[] bytesA = Files.readAllBytes(tmp.resolve("a").resolve(f));
            assertArrayEquals(bytesA, Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
            assertFalse(Arrays.equals(bytesA, Files.readAllBytes(tmp.resolve("c").resolve(f))), f);
        }
        byte[] first = Files.readAllBytes(tmp.resolve("a").resolve(a.get(0)));
        assertFalse(Arrays.equals(first, Files.readAllBytes(tmp.resolve("a").resolve(a.get(1)))), "files differ");
        // the next seed does not repeat this seed's files one index later
        assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(a.get(1))),
                Files.readAllBytes(tmp.resolve("c").resolve(a.get(0)))));
    }

    @Test
    void contentIsTheDocumentedSplittableRandomStream() throws IOException {
        long seed = 5;
        int size = 70_001;
        List<String> files = FileTrees.generate(tmp, 3, size, seed);
        byte[] expected = new byte[size];
        new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 2).nextBytes(expected);
        assertArrayEquals(expected, Files.readAllBytes(tmp.resolve(files.get(2))));
    }

    @Test
    void rewritingReplacesAndEmptyFilesAreAllowed() throws IOException {
        List<String> files = FileTrees.generate(tmp, 2, 5000, 1);
        assertEquals(files, FileTrees.generate(tmp, 2, 0, 1));
        for (String f : files) assertEquals(0, Files.size(tmp.resolve(f)));
    }

    @Test
    void argumentsAreValidated() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileTrees.generate(tmp, 0, 1, 1))
                .getMessage().contains("files must be between 1 and 1000000"));
        assertThrows(IllegalArgumentException.class, () -> FileTrees.generate(tmp, 1_000_001, 1, 1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileTrees.generate(tmp, 1, -1, 1))
                .getMessage().contains("bytes per file must be between 0 and 67108864"));
        assertThrows(IllegalArgumentException.class, () -> FileTrees.generate(tmp, 1, (64 << 20) + 1, 1));
        assertThrows(NullPointerException.class, () -> FileTrees.generate(null, 1, 1, 1));
        // the same checks before any tree is written (the bench's --sizes), also past an int
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FileTrees.check(3_000_000_000L, 1))
                .getMessage().contains("files must be between 1 and 1000000, was 3000000000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TestbedDatabase.checkPoolSize(257))
                .getMessage().contains("pool size P must be between 1 and 256, was 257"));
    }
}
