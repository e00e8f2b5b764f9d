package dev.asyncbench.futures;

import dev.asyncbench.core.io.OrdersRepository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one place the futures model chooses its executors; {@link #describe()} prints them in
 * every report. Every {@code *Async} call in the scenario files names one of these, so nothing
 * lands on the common pool by accident.
 *
 * <ul>
 *   <li>HTTP: no executor of ours. {@code TestbedClient.sendAsync} is non-blocking; the JDK
 *       client completes its futures on its own threads.
 *   <li>Waits: {@code CompletableFuture.delayedExecutor} and {@code orTimeout}, timers of the
 *       JDK's delay scheduler; no thread sleeps. What runs after a wait is handed to
 *       {@link #executor()}. A gather task's wait is a timer of {@link #timers()} instead: the
 *       JDK's delayed executor cannot take a timer back, and a cancelled task's must leave the
 *       queue at once.
 *   <li>{@link #timers()}: one daemon platform thread, a {@code ScheduledThreadPoolExecutor}
 *       whose cancelled timers are removed from its queue at once; it only fires timers.
 *   <li>{@link #executor()}: a fixed pool of platform threads, sized by the system property
 *       {@value #TASKS_PROPERTY} (default: one per core), for the short work that continues
 *       after a wait: gather's log lines, the mass gather's tasks, aggregate's {@code combine}.
 *   <li>{@link #files}: blocking file calls, on a pool of exactly C platform threads for a
 *       scenario's C, but no more than the system property {@value #FILES_PROPERTY} says
 *       (default {@value #MAX_FILE_THREADS}, the most platform threads a process should hold,
 *       the threads model's ceiling); on Linux
 *       the JDK has no non-blocking file IO ({@code AsynchronousFileChannel} runs a thread pool
 *       too). One pool per C asked, made at its first call; its threads end after
 *       {@link #FILE_THREADS_IDLE} idle, so a C no longer asked holds none.
 *       Two calls at once with the same C share those C threads (the bench and the kit make
 *       one call at a time).
 *   <li>{@link #jdbc}: blocking JDBC, on one pool of exactly P platform threads per
 *       repository, P being its connection pool; made at the repository's first call and kept
 *       for every later one.
 * </ul>
 * Every pool is stopped by {@link #close()}.
 */
final class FuturesConfig implements AutoCloseable {

    static final String TASKS_PROPERTY = "asyncbench.futures.tasks";
    static final String FILES_PROPERTY = "asyncbench.futures.files.max";
    static final int MAX_FILE_THREADS = 10_000;
    static final Duration FILE_THREADS_IDLE = Duration.ofSeconds(10);
    private static final int MAX_SETTING = 10_000;

    private final int taskThreads = setting(TASKS_PROPERTY, Runtime.getRuntime().availableProcessors());
    private final int maxFileThreads = setting(FILES_PROPERTY, MAX_FILE_THREADS);
    private final ExecutorService executor =
            Executors.newFixedThreadPool(taskThreads, Thread.ofPlatform().name("futures-", 0).daemon().factory());
    private final ScheduledThreadPoolExecutor timers = newTimers();
    private final Map<Integer, ExecutorService> filePools = new HashMap<>();
    private final Map<OrdersRepository, ExecutorService> jdbcPools = new HashMap<>();
    private boolean closed;

    /** Runs what continues after a wait; never blocks. */
    ExecutorService executor() {
        return executor;
    }

    /** Fires the gather tasks' timers; a cancelled timer leaves its queue at once. */
    ScheduledExecutorService timers() {
        return timers;
    }

    private static ScheduledThreadPoolExecutor newTimers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("futures-timer").daemon().factory());
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /** Where blocking file calls run: exactly {@code concurrency} platform threads, at most the maximum. */
    synchronized ExecutorService files(int concurrency) {
        requireOpen();
        return filePools.computeIfAbsent(Math.min(concurrency, maxFileThreads), threads -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, FILE_THREADS_IDLE.toNanos(), TimeUnit.NANOSECONDS,
                    new LinkedBlockingQueue<>(), Thread.ofPlatform().name("futures-files-", 0).daemon().factory());
            pool.allowCoreThreadTimeOut(true);
            return pool;
        });
    }

    /** Where the repository's blocking JDBC calls run: exactly P platform threads, one per connection, made once. */
    synchronized ExecutorService jdbc(OrdersRepository orders) {
        requireOpen();
        return jdbcPools.computeIfAbsent(orders, repository ->
                Executors.newFixedThreadPool(repository.poolSize(), Thread.ofPlatform().name("futures-jdbc-", 0).daemon().factory()));
    }

    String describe() {
        return "CompletableFuture: HTTP by sendAsync (non-blocking), waits by delayedExecutor/orTimeout timers (gather's on a"
                + " cancellable timer thread), continuations on "
                + taskThreads + " platform threads (" + TASKS_PROPERTY + "), files on a pool of C threads per C, at most "
                + maxFileThreads + " (" + FILES_PROPERTY + "), idle ones end after " + FILE_THREADS_IDLE.toSeconds()
                + " s; JDBC on one pool of P threads per repository, made once; never the common pool";
    }

    /** Stops every thread, every pool's. Idempotent. */
    @Override
    public void close() {
        List<ExecutorService> all = new ArrayList<>(List.of(executor, timers));
        synchronized (this) {
            closed = true;
            all.addAll(filePools.values());
            all.addAll(jdbcPools.values());
        }
        for (ExecutorService pool : all) pool.shutdownNow();
        try {
            for (ExecutorService pool : all) pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireOpen() {
        if (closed) throw new RejectedExecutionException("the model is closed");
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
