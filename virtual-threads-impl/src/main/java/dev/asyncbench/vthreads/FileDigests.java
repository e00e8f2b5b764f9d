package dev.asyncbench.vthreads;

import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.DurableFiles;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.Manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Scenario 4: read, digest (SHA-256) and durably write F files, at most C at once.
 *
 * <ul>
 *   <li>Threads: all F files are submitted at once, each on a virtual thread of its own; a
 *       {@link Semaphore} of C permits lets C of them work at a time.
 *   <li>Blocking: {@code Files.readAllBytes} and {@code FileChannel.force} (in
 *       {@code DurableFiles}) block, as file IO does on every JDK; unlike a socket, a file call
 *       holds its carrier, and the scheduler adds a carrier while it lasts (up to
 *       {@code jdk.virtualThreadScheduler.maxPoolSize}, 256).
 *   <li>Cancellation: on the first failure every file is cancelled with {@code cancel(true)}:
 *       a waiting one stops waiting for its permit; a {@code FileChannel} is interruptible, so
 *       the interrupt closes it and that file stops with {@code ClosedByInterruptException}.
 *   <li>Errors: the first failure is rethrown as an {@code UncheckedIOException}.
 * </ul>
 */
final class FileDigests {
    private FileDigests() {
    }

    static Manifest files(ExecutorService executor, FilesSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int count = spec.files().size();
        Manifest.Entry[] entries = new Manifest.Entry[count];
        createFolder(spec);
        Semaphore inFlight = new Semaphore(spec.maxConcurrency(), VirtualThreadsConfig.FAIR);
        IntFunction<Callable<Integer>> digest = i -> () -> {            // file i, blocking its virtual thread
            inFlight.acquire();                                           // at most C files past this line
            try {
                entries[i] = digest(spec, spec.files().get(i));
                return i;
            } finally {
                inFlight.release();
            }
        };
        EachOnItsOwn.run(executor, count, digest);                      // cancelling a file closes its interruptible FileChannel
        return new Manifest(Arrays.asList(entries));
    }

    /** One file, blocking on each step: read it, digest it, write its line durably. */
    private static Manifest.Entry digest(FilesSpec spec, String file) {
        try {
            byte[] content = Files.readAllBytes(spec.input(file));
            Manifest.Entry entry = new Manifest.Entry(file, content.length, Digests.sha256Hex(content));
            DurableFiles.write(spec.output(file), entry.line().getBytes(StandardCharsets.UTF_8));
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot digest " + file, e);
        }
    }

    private static void createFolder(FilesSpec spec) {
        try {
            Files.createDirectories(spec.outputDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + spec.outputDir(), e);
        }
    }
}
