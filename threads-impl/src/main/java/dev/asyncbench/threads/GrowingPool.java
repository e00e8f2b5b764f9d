package dev.asyncbench.threads;

import java.time.Duration;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived pool of platform threads that grows to what its callers have running at once,
 * up to a ceiling, and shrinks back when they are done. A task goes to an idle thread if one
 * is waiting for work; else to a new thread while fewer than the ceiling are alive; else it
 * waits in the queue for the first thread to free up. A thread that has had nothing to do for
 * the keep-alive ends.
 *
 * <p>So a scenario that keeps C tasks going (a sliding window) holds about C threads, a gather
 * of N tasks holds N of them (up to the ceiling), and one task holds one; the threads started
 * for one operation serve the next.
 */
final class GrowingPool extends ThreadPoolExecutor {

    /* Overview: why not Executors' pools.
     *
     * ThreadPoolExecutor offers two shapes. A fixed pool (core threads, a LinkedBlockingQueue)
     * starts a new thread for every submit until its core size is alive, idle threads or not,
     * then queues: sized for the largest scenario, it starts that many threads for any scenario
     * that submits that many tasks over time, however few run at once. A cached pool (no core
     * threads, a SynchronousQueue) hands a task to an idle thread or starts one, but at its
     * maximum it refuses the task instead of queueing it. This is the pool servers use for the
     * case in between (Tomcat's TaskQueue, Elasticsearch's scaling executor): a queue whose
     * offer() succeeds only by handing the task to a thread already waiting on it
     * (LinkedTransferQueue.tryTransfer), or when the pool is at its ceiling; when the offer
     * fails, ThreadPoolExecutor starts a thread for the task. Should the ceiling be reached
     * between the two (another submit won the last thread), the rejection handler queues it.
     *
     * A submit that comes an instant before a thread that just finished is back waiting starts
     * one thread more than the work needs; that thread serves later tasks, or ends idle.
     */

    GrowingPool(int ceiling, Duration keepAlive, ThreadFactory threads) {
        this(new HandOffQueue(), ceiling, keepAlive, threads);
    }

    private GrowingPool(HandOffQueue queue, int ceiling, Duration keepAlive, ThreadFactory threads) {
        super(0, ceiling, keepAlive.toNanos(), TimeUnit.NANOSECONDS, queue, threads, GrowingPool::queueAtTheCeiling);
        queue.pool = this;
    }

    /** The rejection handler: a task that found the pool at its ceiling waits in the queue; after shutdown it is refused. */
    private static void queueAtTheCeiling(Runnable task, ThreadPoolExecutor pool) {
        if (pool.isShutdown()) throw new RejectedExecutionException("the pool is shut down: " + task);
        ((HandOffQueue) pool.getQueue()).enqueue(task);
    }

    /** Takes a task only if a waiting thread takes it at once, or if the pool can start no more threads. */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        private volatile ThreadPoolExecutor pool;

        @Override
        public boolean offer(Runnable task) {
            if (tryTransfer(task)) return true;                                // an idle thread took it
            if (pool.getPoolSize() < pool.getMaximumPoolSize()) return false;   // the pool starts a thread for it
            return super.offer(task);                                          // at the ceiling: it waits its turn
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}
