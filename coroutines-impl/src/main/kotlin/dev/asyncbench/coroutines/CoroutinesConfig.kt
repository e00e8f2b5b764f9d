package dev.asyncbench.coroutines

import dev.asyncbench.core.io.OrdersRepository
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import java.util.concurrent.ConcurrentHashMap

/**
 * The one place the coroutines model's dispatchers and limits live; [describe] prints them.
 *
 * - Every scenario's coroutines run on [scenarios], `Dispatchers.Default` (one thread per
 *   core): the Java caller's thread only blocks in `runBlocking`, so the CPU work of aggregate
 *   spreads over every core instead of queueing behind the caller's single thread.
 * - Waits are `delay` and HTTP calls `sendAsync().await()`: neither holds a thread while waiting.
 * - Blocking calls (the JDBC driver, file IO) run on views of `Dispatchers.IO`: [jdbc], one view
 *   of P per repository, made at its first call and shared by every later one (as the other
 *   models share one pool of P threads per repository); [files], a view of the scenario's C
 *   per call, but no more than [MAX_FILE_THREADS], the most platform threads a process should
 *   hold (the threads model's ceiling).
 * - The trap: `Dispatchers.IO` itself runs at most 64 blocking calls at once (its default
 *   `kotlinx.coroutines.io.parallelism`), so `withContext(Dispatchers.IO)` would silently cut
 *   a P or C above 64 to 64. Its `limitedParallelism` views are elastic: not capped by those
 *   64, they share one unbounded pool of threads, which is why [files] sets its own maximum.
 */
class CoroutinesConfig {

    /** Where every scenario's coroutines run, and aggregate's CPU work with them. */
    val scenarios: CoroutineDispatcher = Dispatchers.Default

    private val jdbcViews = ConcurrentHashMap<OrdersRepository, CoroutineDispatcher>()

    /** Where the repository's blocking JDBC calls run: at most P at once, so none queues inside Hikari. */
    fun jdbc(orders: OrdersRepository): CoroutineDispatcher =
        jdbcViews.computeIfAbsent(orders) { Dispatchers.IO.limitedParallelism(it.poolSize(), "jdbc") }

    /** Where blocking file IO runs: at most [maxConcurrency] files at once, and no more than [MAX_FILE_THREADS]. */
    fun files(maxConcurrency: Int): CoroutineDispatcher =
        Dispatchers.IO.limitedParallelism(minOf(maxConcurrency, MAX_FILE_THREADS), "files")

    fun describe(): String =
        "Kotlin coroutines: runBlocking(Dispatchers.Default, $defaultThreads threads) per call; waits by delay; " +
            "HTTP by sendAsync().await(), C by Semaphore; JDBC on one Dispatchers.IO.limitedParallelism(P) per repository; " +
            "files on Dispatchers.IO.limitedParallelism(C), at most $MAX_FILE_THREADS; IO views are elastic, " +
            "not capped at the 64 threads plain Dispatchers.IO would cut them to"

    companion object {
        /** The most blocking file calls at once, whatever C: the platform-thread ceiling every model uses. */
        const val MAX_FILE_THREADS = 10_000
    }

    /** Dispatchers.Default's threads: one per core, at least two, unless its system property says otherwise. */
    private val defaultThreads: Int =
        Integer.getInteger("kotlinx.coroutines.scheduler.core.pool.size", maxOf(2, Runtime.getRuntime().availableProcessors()))
}
