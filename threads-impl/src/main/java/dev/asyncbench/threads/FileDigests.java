package dev.asyncbench.threads;

import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.DurableFiles;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.Manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Scenario 4: read, digest (SHA-256) and durably write F files, at most C at once.
 *
 * <ul>
 *   <li>Threads: a sliding window of C tasks on the model's executor: the caller takes each
 *       completion as it happens ({@link ExecutorCompletionService}) and submits the next
 *       file in its place. The pool grows to C threads; above its ceiling, the ceiling caps C.
 *   <li>Blocking: {@code Files.readAllBytes} and {@code FileChannel.force} (in
 *       {@code DurableFiles}) block their thread, as file IO does on every JDK.
 *   <li>Cancellation: on the first failure the files still in progress are cancelled with
 *       {@code cancel(true)}: a {@code FileChannel} is interruptible, so the interrupt closes
 *       it and that file stops with {@code ClosedByInterruptException}; no new file starts.
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
        IntFunction<Callable<Integer>> digest = i -> () -> {            // file i, blocking its thread
            entries[i] = digest(spec, spec.files().get(i));
            return i;
        };
        CompletionService<Integer> window = new ExecutorCompletionService<>(executor);
        Set<Future<Integer>> inFlight = new HashSet<>();
        int next = 0;
        try {
            while (next < Math.min(spec.maxConcurrency(), count)) inFlight.add(window.submit(digest.apply(next++)));
            for (int done = 0; done < count; done++) {
                Future<Integer> finished = window.take();                 // whichever file ends first
                inFlight.remove(finished);
                finished.get();                                           // fail fast: the first failure throws here
                if (next < count) inFlight.add(window.submit(digest.apply(next++)));
            }
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            for (Future<Integer> file : inFlight) file.cancel(true);      // closes its interruptible FileChannel
        }
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
