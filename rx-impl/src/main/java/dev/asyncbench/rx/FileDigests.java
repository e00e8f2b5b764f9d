package dev.asyncbench.rx;

import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.DurableFiles;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.Manifest;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;

import java.io.IOException;
import java.nio.file.Files;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Scenario 4: read, digest (SHA-256) and durably write F files, at most C at once; the manifest
 * in input order.
 *
 * <ul>
 *   <li>Threads: the file scheduler's fixed pool ({@link RxConfig#FILE_THREADS}); the JDK has no
 *       non-blocking file read with force, so each file holds one of its threads.</li>
 *   <li>Blocking: read, digest, write and force, on the file scheduler via {@code subscribeOn}.</li>
 *   <li>Cancellation: disposing stops files not yet started; a file already being written
 *       finishes (the scheduler does not interrupt).</li>
 *   <li>Errors: the first {@link IOException} fails the call; files not yet started are skipped.</li>
 * </ul>
 */
final class FileDigests {

    private FileDigests() {
    }

    static Single<Manifest> files(FilesSpec spec, RxConfig config) {
        return Completable.fromAction(() -> Files.createDirectories(spec.outputDir()))
                .subscribeOn(config.files())
                // concatMapEager: C files at once, their entries emitted in input order
                .andThen(Flowable.fromIterable(spec.files())
                        .concatMapEager(file -> Single.fromCallable(() -> digest(spec, file))
                                .subscribeOn(config.files())
                                .toFlowable(), spec.maxConcurrency(), 1)
                        .toList())
                .map(Manifest::new);
    }

    /** One file: read it, digest it, write its line and force it to disk. Blocks. */
    private static Manifest.Entry digest(FilesSpec spec, String file) throws IOException {
        byte[] content = Files.readAllBytes(spec.input(file));
        Manifest.Entry entry = new Manifest.Entry(file, content.length, Digests.sha256Hex(content));
        DurableFiles.write(spec.output(file), entry.line().getBytes(UTF_8));
        return entry;
    }
}
