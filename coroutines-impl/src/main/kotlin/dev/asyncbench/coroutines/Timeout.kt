package dev.asyncbench.coroutines

import dev.asyncbench.core.spec.TimeoutSpec
import kotlinx.coroutines.future.await
import kotlinx.coroutines.withTimeoutOrNull
import java.util.concurrent.TimeoutException
import kotlin.time.toKotlinDuration

/**
 * Scenario 7: one `/bytes` call that must finish within its deadline.
 *
 * - Threads: the caller's coroutine on Dispatchers.Default; no thread waits for the response.
 * - Blocking: none; `sendAsync().await()` suspends inside `withTimeoutOrNull`.
 * - Cancellation: at the deadline `withTimeoutOrNull` cancels the `await`, which cancels the
 *   future `sendAsync` returned: the request is abandoned.
 * - Errors: the deadline becomes [TimeoutException]; only this timeout, never a cancellation
 *   from elsewhere, since `withTimeoutOrNull` answers null for its own deadline alone.
 */
internal object Timeout {

    /** The request: `/bytes` with this seed and size, so the body is short and known. */
    const val SEED = 7
    const val BODY_BYTES = 64

    suspend fun fetchWithTimeout(spec: TimeoutSpec): String {
        val http = spec.http()
        val body = withTimeoutOrNull(spec.deadline().toKotlinDuration()) {
            http.sendAsync(http.bytes(SEED, BODY_BYTES, spec.serverLatency())).await()
        } ?: throw TimeoutException("no response within the deadline of ${spec.deadline().toMillis()} ms; the request was abandoned")
        return String(body, Charsets.UTF_8)
    }
}
