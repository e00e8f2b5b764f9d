package dev.asyncbench.futures;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Scenario 4: read, digest (SHA-256) and durably write F files, at most C at once.
 *
 * <ul>
 *   <li>Threads: a pool of exactly C platform threads ({@code FuturesConfig.files}, made at
 *       the first call with this C, up to its maximum); a sliding window of C files without a
 *       semaphore: each file's completion callback starts the next one.
 *   <li>Blocking: {@code Files.readAllBytes} and {@code FileChannel.force} (in
 *       {@code DurableFiles}) block a file-pool thread; the JDK has no non-blocking file IO
 *       on Linux.
 *   <li>Cancellation: after the first failure no new file starts; the files in progress
 *       finish ({@code CompletableFuture.cancel} does not interrupt a running task).
 *   <li>Errors: the first failure completes the window and is rethrown as an
 *       {@code UncheckedIOException}.
 * </ul>
 */
final class FileDigests {
    private FileDigests() {
    }

    static Manifest files(FuturesConfig config, FilesSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Executor files = config.files(spec.maxConcurrency());
        int count = spec.files().size();
        Manifest.Entry[] entries = new Manifest.Entry[count];
        createFolder(spec);
        IntFunction<CompletableFuture<Void>> digest = i ->                 // file i, blocking a file-pool thread
                CompletableFuture.runAsync(() -> entries[i] = digest(spec, spec.files().get(i)), files);
        CompletableFuture<Void> window = new CompletableFuture<>();       // every file written, or the first failure
        AtomicInteger next = new AtomicInteger();
        AtomicInteger remaining = new AtomicInteger(count);
        for (int lane = 0; lane < Math.min(spec.maxConcurrency(), count); lane++) startNext(digest, count, next, remaining, window);
        try {
            Failures.await(window);
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
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

    /**
     * The sliding window: starts the next item nobody started yet and, when it ends, the one
     * after that; C first calls keep C items in flight. The last item, or the first failure,
     * completes {@code window}.
     */
    private static void startNext(IntFunction<CompletableFuture<Void>> item, int items, AtomicInteger next,
                                  AtomicInteger remaining, CompletableFuture<Void> window) {
        int i = next.getAndIncrement();
        if (i >= items || window.isDone()) return;
        CompletableFuture<Void> started;
        try {
            started = item.apply(i);
        } catch (RuntimeException e) {                                    // refused at once (a closed executor): fail, never hang
            window.completeExceptionally(e);
            return;
        }
        started.whenComplete((done, error) -> {
            if (error != null) window.completeExceptionally(error);
            else if (remaining.decrementAndGet() == 0) window.complete(null);
            else startNext(item, items, next, remaining, window);
        });
    }

    private static void createFolder(FilesSpec spec) {
        try {
            Files.createDirectories(spec.outputDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + spec.outputDir(), e);
        }
    }
}
