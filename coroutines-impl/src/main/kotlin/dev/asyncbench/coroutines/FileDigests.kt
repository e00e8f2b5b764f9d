package dev.asyncbench.coroutines

import dev.asyncbench.core.io.Digests
import dev.asyncbench.core.io.DurableFiles
import dev.asyncbench.core.spec.FilesSpec
import dev.asyncbench.core.spec.Manifest
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.runInterruptible
import kotlinx.coroutines.withContext
import java.nio.file.Files

/**
 * Scenario 4: read, digest (SHA-256) and durably write F files, at most C at once.
 *
 * - Threads: one coroutine per file, run on `Dispatchers.IO.limitedParallelism(C)`
 *   ([CoroutinesConfig.files], at most 10,000): at most C threads do file work at once.
 * - Blocking: all of it (read, SHA-256, write and force); the JDK has no suspending file API,
 *   so the blocking calls go to IO threads and the view's parallelism is the C limit.
 * - Cancellation: `runInterruptible` interrupts the blocking call of a cancelled file, which
 *   closes its interruptible FileChannel; files not yet started never start.
 * - Errors: the first IOException cancels the files not yet started and is rethrown.
 */
internal object FileDigests {

    suspend fun files(spec: FilesSpec, config: CoroutinesConfig): Manifest = coroutineScope {
        val io = config.files(spec.maxConcurrency())
        withContext(io) { Files.createDirectories(spec.outputDir()) }
        val entries = spec.files().map { file -> async { runInterruptible(io) { digest(spec, file) } } }.awaitAll()
        Manifest(entries)
    }

    /** Reads one file, digests it and writes its line durably. Blocks. */
    private fun digest(spec: FilesSpec, file: String): Manifest.Entry {
        val content = Files.readAllBytes(spec.input(file))
        val entry = Manifest.Entry(file, content.size.toLong(), Digests.sha256Hex(content))
        DurableFiles.write(spec.output(file), entry.line().toByteArray(Charsets.UTF_8))
        return entry
    }
}
