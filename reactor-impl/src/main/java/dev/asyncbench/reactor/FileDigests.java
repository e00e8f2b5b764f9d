package dev.asyncbench.reactor;

import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.DurableFiles;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.Manifest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Objects;

/**
 * Scenario 4: read, digest (SHA-256) and durably write F files, at most C at once.
 *
 * <ul>
 *   <li>Threads: a scheduler of exactly C platform threads ({@code ReactorConfig.files}, made
 *       at the first call with this C, up to its maximum); {@code flatMap} with a concurrency
 *       of C keeps C files going, each slot freed when its file is written, and the entries go
 *       back in input order at the end ({@link InOrder}).
 *   <li>Blocking: {@code Files.readAllBytes} and {@code FileChannel.force} (in
 *       {@code DurableFiles}) block a file-pool thread ({@code subscribeOn}); the JDK has no
 *       non-blocking file IO on Linux.
 *   <li>Cancellation: after the first failure no new file starts; the files in progress are
 *       interrupted (a {@code fromExecutorService} scheduler cancels its tasks with interrupt),
 *       and an interrupted write ends with {@code ClosedByInterruptException}, dropped.
 *   <li>Errors: the first failure ends the flow and is rethrown as an
 *       {@code UncheckedIOException}.
 * </ul>
 */
final class FileDigests {
    private FileDigests() {
    }

    static Mono<Manifest> files(ReactorConfig config, FilesSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Scheduler files = config.files(spec.maxConcurrency());
        return Mono.fromCallable(() -> Files.createDirectories(spec.outputDir()))
                .subscribeOn(files)
                .then(InOrder.all(spec.files().size(), spec.maxConcurrency(),
                        i -> Mono.fromCallable(() -> digest(spec, spec.files().get(i)))   // one file, blocking a file-pool thread; C at once
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
