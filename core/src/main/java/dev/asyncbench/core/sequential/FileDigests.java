package dev.asyncbench.core.sequential;

import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.DurableFiles;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.Manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scenario 4: read, digest and durably write each file, one after another (C is 1 here).
 *
 * <ul>
 *   <li>Threads: the caller's.
 *   <li>Blocking: {@link Files#readAllBytes} and {@link DurableFiles#write} (which waits for the
 *       disk) hold the caller; SHA-256 runs on it too.
 *   <li>Cancellation: none; file IO does not answer interrupts. The loop ends at the first error.
 *   <li>Errors: the first IO failure, as {@link UncheckedIOException}.
 * </ul>
 */
final class FileDigests {
    private FileDigests() {
    }

    static Manifest files(FilesSpec spec) {
        Objects.requireNonNull(spec, "spec");
        try {
            Files.createDirectories(spec.outputDir());
            List<Manifest.Entry> entries = new ArrayList<>();
            for (String file : spec.files()) {
                entries.add(digest(spec, file));
            }
            return new Manifest(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file: read it, digest it, write its manifest line to disk. */
    static Manifest.Entry digest(FilesSpec spec, String file) throws IOException {
        byte[] content = Files.readAllBytes(spec.input(file));
        Manifest.Entry entry = new Manifest.Entry(file, content.length, Digests.sha256Hex(content));
        DurableFiles.write(spec.output(file), entry.line().getBytes(StandardCharsets.UTF_8));
        return entry;
    }
}
