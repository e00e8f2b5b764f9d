package dev.asyncbench.threads;

import dev.asyncbench.core.Traits;
import dev.asyncbench.core.io.OrdersRepository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the two platform-thread models choose their executors and limits;
 * {@link #describe()} prints them in every report. The scenario files take the executor and
 * never know which one they got: this class and the two model classes are where
 * {@code threads} and {@code threads-per-task} differ.
 *
 * <ul>
 *   <li>{@code threads}: one long-lived pool of platform threads ({@link GrowingPool}) that
 *       grows to what a scenario has waiting at once: C for a sliding window (fan-out, files,
 *       aggregate), N for a gather, one for hello. A thread is started only when none is
 *       idle, and ends after {@link #KEEP_ALIVE} idle. The pool stops growing at the ceiling,
 *       the system property {@value #POOL_PROPERTY} (default {@value #CEILING}); tasks beyond
 *       it wait in its queue without a thread, so above the ceiling the pool, not the model,
 *       is the limit: a gather of N takes about ceil(N / ceiling) rounds. The model declares
 *       the ceiling as its {@code Traits.maxWaiting}, which the kit and the bench read.
 *   <li>{@code threads-per-task}: a new platform thread for every task
 *       ({@link Executors#newThreadPerTaskExecutor}), at most so many alive at once as the
 *       system property {@value #PER_TASK_PROPERTY} says (default {@value #CEILING}); beyond
 *       it the executor refuses the task ({@link RejectedExecutionException}), and so does
 *       the operating system when it runs out of threads first
 *       ({@code OutOfMemoryError: unable to create native thread}).
 *   <li>Both: JDBC calls run on one pool of exactly P platform threads per repository
 *       ({@link #jdbc}), P being the repository's connection pool, so no more calls run than
 *       the database serves; made at the repository's first call, reused by every later one,
 *       stopped by {@link #close()}.
 * </ul>
 */
final class ThreadsConfig implements AutoCloseable {

    /* Overview: why a ceiling, and why 10,000 for both models.
     *
     * A waiting task holds a platform thread in both models, and platform threads cost
     * something to start and something to hold. Measured on the 2-core test machine (a JVM
     * starting N threads that sleep, then reading its VmRSS): starting one took 0.16-0.46 ms
     * up to 10,000 alive and 1.2-1.6 ms each at 20,000; each sleeping thread held about 25 KiB
     * resident (250 MiB for 10,000). Holding them is bounded for every process together: each
     * is a kernel task with a pid (kernel.pid_max is 32,768 there) and two memory mappings
     * (vm.max_map_count 65,530 stops one process near 32,000 threads), so a model that starts
     * threads until the kernel refuses also breaks every other process that needs one. Ten
     * thousand is the largest N for which a platform thread per waiting task is reasonable on
     * a normal machine: up to there a thread costs about the same to start (seconds for all
     * of them, plain in the bench), beyond it the cost per thread triples by 20,000; a third
     * of the machine's pids stay free for everything else; and it is the C10K mark that
     * thread-per-connection servers were measured against.
     *
     * threads-per-task pays the start-up for every task and refuses beyond the ceiling: the
     * bench records a clear failure, not a hung machine. threads pays it once per thread its
     * pool grows by (the next operation reuses them) and queues beyond the ceiling: the bench
     * records rounds of waiting, and the model's traits say why. Raise either with its
     * property to see the start-up cost grow, or the kernel refuse.
     */

    static final String POOL_PROPERTY = "asyncbench.threads.pool.max";
    static final String PER_TASK_PROPERTY = "asyncbench.threads.perTask.max";
    /** Both models' default ceiling of platform threads alive at once (see the overview above). */
    static final int CEILING = 10_000;
    /** How long a pool thread with nothing to do lives: long enough to serve the next operation. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(10);
    private static final int MAX_SETTING = 1_000_000;

    private final ExecutorService executor;
    private final String jdbcThreads;
    private final Traits traits;
    private final String description;
    private final Map<OrdersRepository, ExecutorService> jdbcPools = new HashMap<>();
    private boolean closed;

    private ThreadsConfig(ExecutorService executor, String jdbcThreads, Traits traits, String description) {
        this.executor = executor;
        this.jdbcThreads = jdbcThreads;
        this.traits = traits;
        this.description = description + "; blocking IO; JDBC on one pool of P threads per repository, made once";
    }

    /** {@code threads}: one pool grown to what each scenario has waiting at once, up to the ceiling; tasks beyond it queue. */
    static ThreadsConfig growingPool() {
        int max = setting(POOL_PROPERTY, CEILING);
        ExecutorService pool = new GrowingPool(max, KEEP_ALIVE, Thread.ofPlatform().name("threads-", 0).daemon().factory());
        return new ThreadsConfig(pool, "threads-jdbc-", Traits.boundedPool(max), "platform threads: one pool grown to what a"
                + " scenario has waiting at once (C, or N tasks), a thread started only when none is idle, at most " + max
                + " (" + POOL_PROPERTY + "; about the most platform threads a process should hold: pids, memory maps,"
                + " start-up), beyond that tasks queue and the pool, not the model, is the limit; idle threads end after "
                + KEEP_ALIVE.toSeconds() + " s");
    }

    /** {@code threads-per-task}: a new platform thread per task, up to a ceiling. */
    static ThreadsConfig threadPerTask() {
        int max = setting(PER_TASK_PROPERTY, CEILING);
        ExecutorService perTask = Executors.newThreadPerTaskExecutor(platformThreadsUpTo(max));
        return new ThreadsConfig(perTask, "threads-per-task-jdbc-", new Traits(true, Integer.MAX_VALUE, max),
                "platform threads: a new one per task, at most " + max + " alive (" + PER_TASK_PROPERTY + "), then refused");
    }

    /** Where the repository's blocking JDBC calls run: exactly P platform threads, one per connection, made once. */
    synchronized ExecutorService jdbc(OrdersRepository orders) {
        requireOpen();
        return jdbcPools.computeIfAbsent(orders, repository ->
                Executors.newFixedThreadPool(repository.poolSize(), Thread.ofPlatform().name(jdbcThreads, 0).daemon().factory()));
    }

    /** The executor every scenario's tasks run on. */
    ExecutorService executor() {
        return executor;
    }

    /** What the kit may expect: the pool lets its ceiling wait at once; per-task lets all wait, up to its ceiling. */
    Traits traits() {
        return traits;
    }

    String describe() {
        return description;
    }

    /** Stops every thread, the JDBC pools' too: interrupts running tasks, drops queued ones. Idempotent. */
    @Override
    public void close() {
        List<ExecutorService> all = new ArrayList<>(List.of(executor));
        synchronized (this) {
            closed = true;
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
