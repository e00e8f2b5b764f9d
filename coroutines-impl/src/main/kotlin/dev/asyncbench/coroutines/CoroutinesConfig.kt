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
        "runBlocking(Dispatchers.Default, ${Runtime.getRuntime().availableProcessors()} cores); waits: delay; " +
            "HTTP: sendAsync().await(), Semaphore(C); JDBC: Dispatchers.IO.limitedParallelism(P); " +
            "files: Dispatchers.IO.limitedParallelism(C) (elastic views, not capped at IO's 64)"
}
