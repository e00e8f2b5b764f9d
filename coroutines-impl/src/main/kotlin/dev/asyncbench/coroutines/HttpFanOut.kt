package dev.asyncbench.coroutines

import dev.asyncbench.core.io.Checksums
import dev.asyncbench.core.spec.FanOutResult
import dev.asyncbench.core.spec.FanOutSpec
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit

/**
 * Scenario 3: K fetches, at most C in flight, checksum in request order.
 *
 * - Threads: one coroutine per request on Dispatchers.Default; the HttpClient's own threads
 *   complete the responses. No thread waits for a response.
 * - Blocking: none; `sendAsync().await()` suspends, a `Semaphore` of C permits bounds the flight.
 * - Cancellation: cancelling a coroutine cancels the future `sendAsync` returned, which
 *   abandons its request; coroutines still waiting for a permit never send.
 * - Errors: the first failure (HttpStatusException, ServerUnreachableException) cancels the
 *   other requests and is rethrown.
 */
internal object HttpFanOut {

    suspend fun httpFanOut(spec: FanOutSpec): FanOutResult = coroutineScope {
        val http = spec.http()
        val inFlight = Semaphore(spec.maxInFlight())
        val bodies = (0 until spec.requests()).map { i ->
            async {
                val body = inFlight.withPermit { http.sendAsync(http.bytes(i, spec.bodyBytes(), spec.latency())).await() }
                Body(body.size, Checksums.crc(body))
            }
        }.awaitAll()
        FanOutResult(bodies.size, bodies.sumOf { it.bytes.toLong() }, Checksums.foldAll(bodies.map { it.crc }.toLongArray()))
    }

    /** What the result keeps of one body: its size and CRC, not its bytes. */
    private class Body(val bytes: Int, val crc: Long)
}
