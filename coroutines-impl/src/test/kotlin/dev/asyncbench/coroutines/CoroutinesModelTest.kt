package dev.asyncbench.coroutines

import dev.asyncbench.core.EventLog
import dev.asyncbench.core.spec.GatherSpec
import dev.asyncbench.core.testbed.Testbed
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicReference

/** What the conformance kit does not see: the dispatchers' limits and the Java-facing boundary. */
class CoroutinesModelTest {

    private val config = CoroutinesConfig()

    @Test
    fun `the JDBC and file dispatchers run P or C blocking calls at once, even above Dispatchers IO's 64`() {
        Testbed.shared().orders(100).use { orders ->
            assertEquals(100, peakOfBlockingCalls(config.jdbc(orders), calls = 100, hold = Duration.ofSeconds(2)))
        }
        assertEquals(100, peakOfBlockingCalls(config.files(100), calls = 100, hold = Duration.ofSeconds(2)))
    }

    @Test
    fun `the JDBC and file dispatchers never run more than P or C blocking calls at once`() {
        Testbed.shared().orders(3).use { orders ->
            assertEquals(3, peakOfBlockingCalls(config.jdbc(orders), calls = 12, hold = Duration.ofMillis(50)))
        }
        assertEquals(5, peakOfBlockingCalls(config.files(5), calls = 20, hold = Duration.ofMillis(50)))
    }

    @Test
    fun `plain Dispatchers IO would cut 100 blocking calls to its 64 at once, the trap the views avoid`() {
        val ioParallelism = maxOf(64, Runtime.getRuntime().availableProcessors())   // kotlinx.coroutines.io.parallelism's default
        assertEquals(ioParallelism, peakOfBlockingCalls(Dispatchers.IO, calls = ioParallelism + 36, hold = Duration.ofSeconds(1)))
    }

    @Test
    fun `one JDBC view per repository, shared by every call, so P holds across calls`() {
        Testbed.shared().orders(3).use { orders ->
            assertSame(config.jdbc(orders), config.jdbc(orders))
        }
    }

    @Test
    fun `an interrupted caller gets an unchecked exception, keeps its flag, and the tasks stop`() {
        val log = EventLog.recording()
        val failure = AtomicReference<Throwable>()
        val flagKept = AtomicReference<Boolean>()
        val caller = Thread {
            try {
                CoroutinesModel().gather(GatherSpec.postExample(Duration.ofMillis(300)), log)
            } catch (e: Throwable) {
                failure.set(e)
                flagKept.set(Thread.currentThread().isInterrupted)
            }
        }
        caller.start()
        while (log.lines().size < 3) Thread.sleep(5)           // every task has started
        caller.interrupt()
        caller.join(5_000)
        assertFalse(caller.isAlive, "the interrupted call returned")
        assertInstanceOf(IllegalStateException::class.java, failure.get())
        assertInstanceOf(InterruptedException::class.java, failure.get().cause)
        assertEquals(true, flagKept.get(), "the caller's interrupt flag is kept")
        Thread.sleep(1_000)                                     // longer than the slowest task
        assertTrue(log.lines().none { it.endsWith(" completed") }, "no task completed after the interrupt: ${log.lines()}")
    }

    /**
     * Runs [calls] blocking calls on [dispatcher], each holding its thread until all of them are
     * in at once or [hold] passes; returns the most that were in at once.
     */
    private fun peakOfBlockingCalls(dispatcher: CoroutineDispatcher, calls: Int, hold: Duration): Int {
        val now = AtomicInteger()
        val peak = AtomicInteger()
        val allIn = CountDownLatch(calls)
        runBlocking {
            repeat(calls) {
                launch(dispatcher) {
                    peak.accumulateAndGet(now.incrementAndGet(), ::maxOf)
                    allIn.countDown()
                    allIn.await(hold.toMillis(), TimeUnit.MILLISECONDS)   // blocks, as JDBC and file calls do
                    now.decrementAndGet()
                }
            }
        }
        return peak.get()
    }
}
