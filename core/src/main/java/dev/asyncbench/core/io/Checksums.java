package dev.asyncbench.core.io;

import java.util.zip.CRC32C;

/** The order-sensitive checksum of scenarios 3 and 6: fold each part's CRC-32C in order. */
public final class Checksums {
    public static final long START = 17;

    private Checksums() {
    }

    public static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** {@code acc * 31 + part}: the result depends on the order the parts are folded in. */
    public static long fold(long acc, long part) {
        return acc * 31 + part;
    }

    public static long foldAll(long[] partsInOrder) {
        long acc = START;
        for (long part : partsInOrder) acc = fold(acc, part);
        return acc;
    }
}
