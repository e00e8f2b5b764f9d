package dev.asyncbench.bench.minimal

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking

/** coroutines, the no-harness-tax check's program: a coroutine per task on Dispatchers.Default, each delays. */
fun gatherMany(tasks: Int, delayMs: Long): Long = runBlocking(Dispatchers.Default) {
    (0 until tasks).map { i ->
        async {
            delay(delayMs)
            i.toLong()
        }
    }.awaitAll().sum()
}
