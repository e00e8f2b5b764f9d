package dev.asyncbench.core.testbed;

import java.nio.file.Path;
import java.util.List;

/** STUB: replaced by the generator of deterministic file trees (see the testbed-db work). */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Writes {@code files} files of {@code bytesPerFile} deterministic bytes (from {@code seed})
     * under {@code dir}, spread over a few sub-folders; returns their paths relative to dir, sorted.
     */
    public static List<String> generate(Path dir, int files, int bytesPerFile, long seed) {
        throw new UnsupportedOperationException("not yet");
    }
}
