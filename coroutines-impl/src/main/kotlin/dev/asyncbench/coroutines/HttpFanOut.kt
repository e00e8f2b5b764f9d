package dev.asyncbench.coroutines

import dev.asyncbench.core.io.Checksums
import dev.asyncbench.core.spec.FanOutResult
import dev.asyncbench.core.spec.FanOutSpec
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Semaphore

/**
 * Scenario 3: K fetches of `/bytes`, at most C in flight, checksum in request order.
 *
 * - Threads: one coroutine per request on Dispatchers.Default; the JDK client's own threads
 *   complete the responses. No thread waits for a response.
 * - Blocking: none; `sendAsync().await()` suspends, and a `Semaphore` of C permits keeps the
 *   other coroutines suspended until a request ends.
 * - Cancellation: cancelling a coroutine cancels the future `sendAsync` returned, which
 *   abandons its request; coroutines still waiting for a permit never send. A request that
 *   fails or is cancelled keeps its permit (no `withPermit`, whose `finally` would hand it on):
 *   the scope is ending, and a waiting coroutine resumed with that permit before the scope's
 *   cancellation reached it would start a request only to abandon it.
 * - Errors: the first failure cancels the scope, hence every other request, and is rethrown
 *   as it is (`ServerUnreachableException`, `HttpStatusException`).
 */
internal object HttpFanOut {

    suspend fun httpFanOut(spec: FanOutSpec): FanOutResult {
        val http = spec.http()
        val requests = spec.requests()
        val crcs = LongArray(requests)
        val sizes = LongArray(requests)
        val inFlight = Semaphore(spec.maxInFlight())
        coroutineScope {                                    // returns once every request is done
            repeat(requests) { i ->
                launch {
                    inFlight.acquire()                      // at most C requests in flight
                    val body = http.sendAsync(http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist())).await()
                    inFlight.release()                      // only a success hands its permit on
                    crcs[i] = Checksums.crc(body)
                    sizes[i] = body.size.toLong()
                }
            }
        }
        return FanOutResult(requests, sizes.sum(), Checksums.foldAll(crcs))
    }
}
