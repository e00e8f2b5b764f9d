package dev.asyncbench.threads;

import dev.asyncbench.core.Traits;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the two platform-thread models choose their executor and limits; {@link #describe()}
 * prints them in every report. The scenario files take the executor and never know which one
 * they got: this class and the two model classes are where {@code threads} and
 * {@code threads-per-task} differ.
 *
 * <ul>
 *   <li>{@code threads}: a fixed pool of platform threads, sized by the system property
 *       {@value #POOL_PROPERTY} (default {@value #DEFAULT_POOL}). A task beyond the pool waits
 *       in its queue without a thread, so at most that many tasks wait (sleep, block on a
 *       socket) at once.
 *   <li>{@code threads-per-task}: a new platform thread for every task
 *       ({@link Executors#newThreadPerTaskExecutor}), at most so many alive at once as the
 *       system property {@value #PER_TASK_PROPERTY} says (default
 *       {@value #DEFAULT_PER_TASK_MAX}); beyond it the executor refuses the
 *       task ({@link RejectedExecutionException}), and so does the operating system when it
 *       runs out of threads first ({@code OutOfMemoryError: unable to create native thread}).
 *   <li>Both: JDBC calls run on a pool of exactly P platform threads ({@link #jdbc}), P being
 *       the repository's connection pool, so no more calls run than the database serves.
 * </ul>
 */
final class ThreadsConfig implements AutoCloseable {

    /* Overview: why the thread-per-task ceiling, and why 10,000.
     *
     * Platform threads cost something to start and something to hold. Starting one (a kernel
     * task, a stack mapping, the JVM's bookkeeping) took 0.1 to 0.5 ms on the 2-core test
     * machine, depending on its load, and the submitting thread pays that cost for one task
     * after another: with a thousand tasks the last one starts up to half a second late, still
     * "all at once" for waits of a fraction of a second; with ten thousand it starts seconds
     * late, and the start-up, not the wait, sets the wall time. Holding them is bounded by the
     * operating system for every process together (on the test machine kernel.pid_max is
     * 32,768), so a model that starts threads until the kernel refuses also breaks every other
     * process that needs one. The ceiling makes the limit explicit and printed; raise it with
     * the property to see the start-up cost grow, or the kernel refuse (the mass gather then
     * reports that refusal just as clearly). Ten thousand is where the start-up cost is plain
     * to see in the bench (seconds of it) while a third of the machine's pids stay free for
     * everything else; beyond it the bench records a clear failure, not a hung machine.
     */

    static final String POOL_PROPERTY = "asyncbench.threads.pool";
    static final int DEFAULT_POOL = 256;
    static final String PER_TASK_PROPERTY = "asyncbench.threads.perTask.max";
    static final int DEFAULT_PER_TASK_MAX = 10_000;
    private static final int MAX_SETTING = 1_000_000;

    private final ExecutorService executor;
    private final int threads;
    private final String description;

    private final Traits traits;

    private ThreadsConfig(ExecutorService executor, int threads, Traits traits, String description) {
        this.executor = executor;
        this.threads = threads;
        this.traits = traits;
        this.description = description;
    }

    /** {@code threads}: a fixed pool; tasks beyond it queue. */
    static ThreadsConfig boundedPool() {
        int size = setting(POOL_PROPERTY, DEFAULT_POOL);
        ExecutorService pool = Executors.newFixedThreadPool(size, Thread.ofPlatform().name("threads-", 0).daemon().factory());
        return new ThreadsConfig(pool, size, Traits.boundedPool(size), "platform threads: fixed pool of " + size + " (" + POOL_PROPERTY
                + "), tasks beyond it queue; blocking IO; JDBC on a pool of P threads per repository");
    }

    /** {@code threads-per-task}: a new platform thread per task, up to a ceiling. */
    static ThreadsConfig threadPerTask() {
        int max = setting(PER_TASK_PROPERTY, DEFAULT_PER_TASK_MAX);
        ExecutorService perTask = Executors.newThreadPerTaskExecutor(platformThreadsUpTo(max));
        return new ThreadsConfig(perTask, max, new Traits(true, Integer.MAX_VALUE, max), "platform threads: a new one per task, at most " + max
                + " alive (" + PER_TASK_PROPERTY + "), then refused; blocking IO; JDBC on a pool of P threads per repository");
    }

    /** Both models: exactly {@code connections} platform threads for blocking JDBC calls; the caller closes it. */
    static ExecutorService jdbc(int connections) {
        return Executors.newFixedThreadPool(connections, Thread.ofPlatform().name("jdbc-", 0).daemon().factory());
    }

    /** The executor every scenario's tasks run on. */
    ExecutorService executor() {
        return executor;
    }

    /** The pool's size, or the thread-per-task ceiling: how many tasks can wait at once. */
    int threads() {
        return threads;
    }

    /** What the kit may expect: a pool lets its size wait at once; per-task lets all wait, up to the ceiling. */
    Traits traits() {
        return traits;
    }

    String describe() {
        return description;
    }

    /** Stops every thread: interrupts running tasks, drops queued ones. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Platform threads, refusing to create one more than {@code max} alive at once. */
    private static ThreadFactory platformThreadsUpTo(int max) {
        ThreadFactory platform = Thread.ofPlatform().name("threads-per-task-", 0).daemon().factory();
        AtomicInteger alive = new AtomicInteger();
        return task -> {
            if (alive.incrementAndGet() > max) {
                alive.decrementAndGet();
                throw new RejectedExecutionException(max + " platform threads alive, the ceiling (" + PER_TASK_PROPERTY + ")");
            }
            // a thread the kernel then refuses to start never runs this finally: the count stays
            // one high per refusal, which only makes a ceiling the kernel already enforces stricter
            return platform.newThread(() -> {
                try {
                    task.run();
                } finally {
                    alive.decrementAndGet();
                }
            });
        };
    }

    private static int setting(String property, int fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) return fallback;
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= MAX_SETTING) return parsed;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + " must be between 1 and " + MAX_SETTING + ", was '" + value + "'");
    }
}
