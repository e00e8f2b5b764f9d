package dev.asyncbench.coroutines

import dev.asyncbench.core.spec.RaceSpec
import kotlinx.coroutines.async
import kotlinx.coroutines.future.await
import kotlinx.coroutines.selects.select
import kotlinx.coroutines.supervisorScope
import java.io.IOException

/**
 * Scenario 9: the same request to every replica at once; the first success wins.
 *
 * - Threads: one coroutine per replica on Dispatchers.Default; no thread waits for a response.
 * - Blocking: none; `select` suspends until the next replica finishes.
 * - Cancellation: the winner cancels the losers still running; each one's `await` cancels the
 *   future `sendAsync` returned, so its request is abandoned.
 * - Errors: a failing replica (an IOException) does not win; `supervisorScope` keeps it from
 *   cancelling its siblings. When every replica fails, the last failure is rethrown.
 */
internal object Race {

    suspend fun race(spec: RaceSpec): String = supervisorScope {
        val http = spec.http()
        val running = spec.replicas().map { replica ->
            async { String(http.sendAsync(http.replica(replica)).await(), Charsets.UTF_8) }
        }.toMutableList()
        lateinit var lastFailure: IOException
        while (running.isNotEmpty()) {
            val first = select { running.forEach { attempt -> attempt.onJoin { attempt } } }
            running -= first
            try {
                val body = first.await()
                running.forEach { it.cancel() } // the losers: their requests are abandoned
                return@supervisorScope body
            } catch (failure: IOException) {
                lastFailure = failure // a failed replica does not win: wait for the next one
            }
        }
        throw lastFailure
    }
}
