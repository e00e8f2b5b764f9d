package dev.asyncbench.threads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link GrowingPool}'s contract: a thread per task running at once up to the ceiling, then a queue; idle threads reused, then ended. */
@Timeout(30)
class GrowingPoolTest {

    @Test
    void growsToTheTasksRunningAtOnceThenQueuesAtTheCeiling() throws Exception {
        GrowingPool pool = new GrowingPool(8, Duration.ofSeconds(10), Thread.ofPlatform().daemon().factory());
        try {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tasks.add(pool.submit(() -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    release.await();
                    running.decrementAndGet();
                    return null;
                }));
            }
            awaitTrue(() -> running.get() == 8);
            assertEquals(8, pool.getPoolSize(), "one thread per task, up to the ceiling");
            assertEquals(12, pool.getQueue().size(), "the rest wait in the queue, none refused");
            release.countDown();
            for (Future<?> task : tasks) task.get();
            assertEquals(8, peak.get());
            // a worker counts its task done just after the task's future completes: wait for the count
            awaitTrue(() -> pool.getCompletedTaskCount() == 20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reusesIdleThreadsBeforeStartingNewOnes() throws Exception {
        GrowingPool pool = new GrowingPool(100, Duration.ofSeconds(10), Thread.ofPlatform().daemon().factory());
        try {
            for (int round = 0; round < 50; round++) {
                pool.submit(() -> null).get();
                awaitTrue(() -> ((LinkedTransferQueue<Runnable>) pool.getQueue()).hasWaitingConsumer());   // the thread is back, waiting
            }
            assertEquals(1, pool.getLargestPoolSize(), "one task at a time needs one thread, however many tasks");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void idleThreadsEndAfterTheKeepAlive() throws Exception {
        GrowingPool pool = new GrowingPool(16, Duration.ofMillis(200), Thread.ofPlatform().daemon().factory());
        try {
            CountDownLatch allIn = new CountDownLatch(16);
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(pool.submit(() -> {
                    allIn.countDown();
                    allIn.await();
                    return null;
                }));
            }
            for (Future<?> task : tasks) task.get();
            assertEquals(16, pool.getLargestPoolSize());
            awaitTrue(() -> pool.getPoolSize() == 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesTasksOnceShutDown() throws InterruptedException {
        GrowingPool pool = new GrowingPool(1, Duration.ofSeconds(10), Thread.ofPlatform().daemon().factory());
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
        assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> null));
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 5 s");
            Thread.sleep(5);
        }
    }
}
