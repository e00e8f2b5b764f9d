package dev.asyncbench.coroutines

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers

/**
 * The one place the coroutines model's dispatchers and limits live; [describe] prints them.
 *
 * - Every scenario's coroutines run on [scenarios], `Dispatchers.Default` (one thread per
 *   core): the Java caller's thread only blocks in `runBlocking`, so the CPU work of aggregate
 *   spreads over every core instead of queueing behind the caller's single thread.
 * - Waits are `delay` and HTTP calls `sendAsync().await()`: neither holds a thread while waiting.
 * - Blocking calls (the JDBC driver, file IO) run on views of `Dispatchers.IO` sized per call:
 *   [jdbc] to the pool's P, [files] to the scenario's C. Views of `Dispatchers.IO` are elastic,
 *   not capped by its own 64 threads, so a P or C above 64 is honoured, never silently cut.
 */
class CoroutinesConfig {

    /** Where every scenario's coroutines run, and aggregate's CPU work with them. */
    val scenarios: CoroutineDispatcher = Dispatchers.Default

    /** Where blocking JDBC calls run: at most [poolSize] at once, so none queues inside Hikari. */
    fun jdbc(poolSize: Int): CoroutineDispatcher = Dispatchers.IO.limitedParallelism(poolSize, "jdbc")

    /** Where blocking file IO runs: at most [maxConcurrency] files at once. */
    fun files(maxConcurrency: Int): CoroutineDispatcher = Dispatchers.IO.limitedParallelism(maxConcurrency, "files")

    fun describe(): String =
        "Kotlin coroutines: runBlocking(Dispatchers.Default, $defaultThreads threads) per call; waits by delay; " +
            "HTTP by sendAsync().await(), C by Semaphore; JDBC on Dispatchers.IO.limitedParallelism(P), P = the repository's pool; " +
            "files on Dispatchers.IO.limitedParallelism(C); IO views are elastic, not capped at IO's 64 threads"

    /** Dispatchers.Default's threads: one per core, at least two, unless its system property says otherwise. */
    private val defaultThreads: Int =
        Integer.getInteger("kotlinx.coroutines.scheduler.core.pool.size", maxOf(2, Runtime.getRuntime().availableProcessors()))
}
