package dev.asyncbench.rx;

import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.DurableFiles;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.Manifest;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Objects;

/**
 * Scenario 4: read, digest (SHA-256) and durably write F files, at most C at once.
 *
 * <ul>
 *   <li>Threads: a scheduler of exactly C platform threads ({@code RxConfig.files}, made at
 *       the first call with this C, up to its maximum); {@code flatMapSingle} with a
 *       maxConcurrency of C keeps C files going, each slot freed when its file is written, and
 *       the entries go back in input order at the end ({@link InOrder}).
 *   <li>Blocking: {@code Files.readAllBytes} and {@code FileChannel.force} (in
 *       {@code DurableFiles}) block a file-pool thread ({@code subscribeOn}); the JDK has no
 *       non-blocking file IO on Linux.
 *   <li>Cancellation: after the first failure no new file starts; the files in progress
 *       finish ({@code Schedulers.from} does not interrupt a running task).
 *   <li>Errors: the first failure ends the flow and is rethrown as an
 *       {@code UncheckedIOException}.
 * </ul>
 */
final class FileDigests {
    private FileDigests() {
    }

    static Single<Manifest> files(RxConfig config, FilesSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Scheduler files = config.files(spec.maxConcurrency());
        return Completable.fromAction(() -> Files.createDirectories(spec.outputDir()))
                .subscribeOn(files)
                .andThen(InOrder.all(spec.files().size(), spec.maxConcurrency(),
                        i -> Single.fromCallable(() -> digest(spec, spec.files().get(i)))   // one file, blocking a file-pool thread; C at once
                                .subscribeOn(files)))
                .map(Manifest::new);
    }

    /** One file, blocking on each step: read it, digest it, write its line durably. */
    private static Manifest.Entry digest(FilesSpec spec, String file) throws IOException {
        byte[] content = Files.readAllBytes(spec.input(file));
        Manifest.Entry entry = new Manifest.Entry(file, content.length, Digests.sha256Hex(content));
        DurableFiles.write(spec.output(file), entry.line().getBytes(StandardCharsets.UTF_8));
        return entry;
    }
}
