package dev.asyncbench.coroutines

import dev.asyncbench.core.EventLog
import dev.asyncbench.core.spec.Check
import kotlinx.coroutines.delay
import java.time.Duration
import kotlin.time.toKotlinDuration

/**
 * Scenario 1, the post's first example: log "Hello", wait, log "world".
 *
 * - Threads: the caller's coroutine, on Dispatchers.Default.
 * - Blocking: none; `delay` suspends on a timer and frees the thread.
 * - Cancellation: `delay` is cancellable; a cancelled hello never logs "world".
 * - Errors: none expected; a pause below zero or above 10 min is refused before "Hello".
 */
internal object Hello {

    suspend fun hello(pause: Duration, log: EventLog) {
        Check.delay(pause, "pause")
        log.log("Hello")
        delay(pause.toKotlinDuration())
        log.log("world")
    }
}
