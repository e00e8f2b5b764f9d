package dev.asyncbench.coroutines

import dev.asyncbench.core.io.RetryTally
import dev.asyncbench.core.spec.Fault
import dev.asyncbench.core.spec.RetryResult
import dev.asyncbench.core.spec.RetrySpec
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlinx.coroutines.future.await
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Semaphore
import kotlinx.coroutines.sync.withPermit
import kotlinx.coroutines.withTimeoutOrNull
import java.util.concurrent.TimeoutException
import kotlin.time.toKotlinDuration

/**
 * Scenario 10: K requests, at most C in flight, each retried with backoff; outcomes in request order.
 *
 * - Threads: one coroutine per request on Dispatchers.Default, running its whole retry loop; the
 *   JDK client's own threads complete the responses. No thread waits for a response or a backoff.
 * - Blocking: none; `sendAsync().await()` suspends inside `withTimeoutOrNull`, a backoff is
 *   `delay`, and a `Semaphore` of C permits keeps the other requests suspended; a request keeps
 *   its permit through its backoffs.
 * - Cancellation: at an attempt's timeout `withTimeoutOrNull` cancels the `await`, which cancels
 *   the future `sendAsync` returned: the attempt is abandoned. The first error that is no fault of
 *   an attempt cancels the scope: every attempt in flight and every `delay`.
 * - Errors: a 503, a dropped connection or a timeout ([Fault.of]) is retried; a request out of attempts is
 *   recorded with its last fault; any other error, a cancellation included, is rethrown as it is.
 */
internal object Retry {

    suspend fun retry(spec: RetrySpec): RetryResult {
        val http = spec.http()
        val tally = RetryTally(spec.requests())
        val inFlight = Semaphore(spec.maxInFlight())
        coroutineScope {                                    // returns once every request has its outcome
            repeat(spec.requests()) { i ->
                launch {
                    inFlight.withPermit {                   // at most C requests in flight, backoffs included
                        var attempt = 1
                        while (true) {
                            val fault = try {
                                val body = withTimeoutOrNull(spec.attemptTimeout().toKotlinDuration()) {
                                    http.sendAsync(http.flaky(i, attempt, spec)).await()
                                } ?: throw TimeoutException("attempt $attempt of request $i timed out")
                                tally.succeeded(i, body)
                                break
                            } catch (e: Exception) {
                                Fault.of(e) ?: throw e      // no fault of an attempt: ends the call
                            }
                            if (attempt == spec.maxAttempts()) {
                                tally.failed(i, fault)
                                break
                            }
                            delay(spec.backoff(i, attempt).toKotlinDuration())
                            attempt++
                        }
                    }
                }
            }
        }
        return tally.result()
    }
}
