package dev.asyncbench.reactor;

import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.io.OrdersRepository;
import reactor.core.Exceptions;
import reactor.core.publisher.Hooks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.Logger;
import reactor.util.Loggers;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one place the Reactor model chooses its schedulers and limits; {@link #describe()} prints
 * them in every report. Every {@code subscribeOn}, {@code delay} and {@code timeout} in the
 * scenario files names one of these, and every {@code flatMap} states its concurrency (C or P
 * from the spec), never Reactor's silent default of 256; results wanted in order go back in
 * order at the end ({@link InOrder}), never through {@code flatMapSequential}, whose slots wait
 * for every earlier result.
 *
 * <ul>
 *   <li>HTTP: no scheduler of ours. {@code TestbedClient.sendAsync} is non-blocking; the
 *       client completes its futures on its own threads ({@link ReactorHttp}).
 *   <li>Waits: {@code Mono.delay} and {@code timeout} on {@link #timers()},
 *       {@code Schedulers.parallel()} (one thread per core, Reactor's default for time); no
 *       thread sleeps. Load's arrival clock alone ticks on {@link #arrivals()},
 *       {@code Schedulers.single()}.
 *   <li>{@link #files}: blocking file calls, on {@code Schedulers.fromExecutorService} of a pool
 *       of exactly C platform threads for a scenario's C, but no more than the system property
 *       {@value #FILES_PROPERTY} says (default {@value #MAX_FILE_THREADS}, the threads model's
 *       ceiling). One pool per C asked, made at its first call; its threads end after
 *       {@link #FILE_THREADS_IDLE} idle, so a C no longer asked holds none. Two calls at once
 *       with the same C share those C threads (the bench and the kit make one call at a time).
 *   <li>{@link #jdbc}: blocking JDBC, on {@code Schedulers.fromExecutorService} of one pool of
 *       exactly P platform threads per repository, P being its connection pool; made at the
 *       repository's first call and kept for every later one.
 * </ul>
 * Not {@code Schedulers.boundedElastic()}, the scheduler Reactor's guide names for blocking
 * calls: it is shared by the whole JVM and capped at 10 threads per core
 * ({@code Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE}, 20 on a 2-core machine) with 100,000 queued
 * tasks per thread, so files at C = 64 or JDBC at P = 50 would run at 20, below the limit every
 * other model runs at. Every pool here is stopped by {@link #close()}. Disposing a task running on these schedulers
 * interrupts its thread ({@code fromExecutorService}'s futures are cancelled with interrupt).
 */
final class ReactorConfig implements AutoCloseable {

    static final String FILES_PROPERTY = "asyncbench.reactor.files.max";
    static final int MAX_FILE_THREADS = 10_000;
    static final Duration FILE_THREADS_IDLE = Duration.ofSeconds(10);
    private static final int MAX_SETTING = 10_000;

    private final int maxFileThreads = setting(FILES_PROPERTY, MAX_FILE_THREADS);
    private final Map<Integer, Scheduler> fileSchedulers = new HashMap<>();
    /** The pools behind {@link #fileSchedulers} and {@link #jdbcSchedulers}, for {@link #close()} to wait on. */
    private final List<ExecutorService> pools = new ArrayList<>();
    private final Map<OrdersRepository, Scheduler> jdbcSchedulers = new HashMap<>();
    private boolean closed;

    /** Where every delay and timeout waits: Reactor's parallel scheduler. */
    Scheduler timers() {
        return Schedulers.parallel();
    }

    /**
     * Where load's arrival clock ticks: Reactor's single scheduler, one thread that does nothing
     * but take requests in, as a server's acceptor thread does; the requests are served elsewhere.
     */
    Scheduler arrivals() {
        return Schedulers.single();
    }

    /** Where blocking file calls run: exactly {@code concurrency} platform threads, at most the maximum. */
    synchronized Scheduler files(int concurrency) {
        requireOpen();
        return fileSchedulers.computeIfAbsent(Math.min(concurrency, maxFileThreads), threads -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, FILE_THREADS_IDLE.toNanos(), TimeUnit.NANOSECONDS,
                    new LinkedBlockingQueue<>(), Thread.ofPlatform().name("reactor-files-", 0).daemon().factory());
            pool.allowCoreThreadTimeOut(true);
            pools.add(pool);
            return Schedulers.fromExecutorService(pool, "reactor-files");
        });
    }

    /** Where the repository's blocking JDBC calls run: exactly P platform threads, one per connection, made once. */
    synchronized Scheduler jdbc(OrdersRepository orders) {
        requireOpen();
        return jdbcSchedulers.computeIfAbsent(orders, repository -> {
            ExecutorService pool = Executors.newFixedThreadPool(repository.poolSize(),
                    Thread.ofPlatform().name("reactor-jdbc-", 0).daemon().factory());
            pools.add(pool);
            return Schedulers.fromExecutorService(pool, "reactor-jdbc");
        });
    }

    String describe() {
        return "Reactor 3.8: HTTP by Mono.fromFuture(sendAsync) (cancel abandons the request), waits by Mono.delay and timeout on "
                + "Schedulers.parallel() (" + Schedulers.DEFAULT_POOL_SIZE + " threads), load's arrivals on Schedulers.single(), "
                + "files on Schedulers.fromExecutorService(a pool of C threads per C), at most " + maxFileThreads + " ("
                + FILES_PROPERTY + "), idle ones end after " + FILE_THREADS_IDLE.toSeconds() + " s; JDBC on "
                + "Schedulers.fromExecutorService(one pool of P threads per repository), made once; C from the spec as every "
                + "flatMap concurrency (never the default 256), results put back in order at the end (never flatMapSequential's "
                + "head-of-line blocking); never boundedElastic (capped at " + Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE
                + " threads here)";
    }

    /** Stops the file and JDBC threads; the parallel and single schedulers are Reactor's own and stay. Idempotent. */
    @Override
    public void close() {
        List<Scheduler> schedulers = new ArrayList<>();
        List<ExecutorService> all;
        synchronized (this) {
            closed = true;
            schedulers.addAll(fileSchedulers.values());
            schedulers.addAll(jdbcSchedulers.values());
            all = List.copyOf(pools);
        }
        for (Scheduler scheduler : schedulers) scheduler.dispose();         // shuts its pool down (shutdownNow)
        try {
            for (ExecutorService pool : all) pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireOpen() {
        if (closed) throw new RejectedExecutionException("the model is closed");
    }

    /* Overview: Reactor's dropped errors.
     *
     * After a flow has ended (it failed fast or timed out), work it cancelled may still fail: a
     * cancelled request, a blocking call interrupted on cancel, or a sibling failing at the same
     * instant as the first. Reactor has nowhere to deliver that error and hands it to
     * Hooks.onErrorDropped, whose default logs it at ERROR with its stack trace. Here those
     * echoes are expected, so the model adds a hook that drops them quietly and logs anything
     * else (a bug) as the default does. Reactor's hook is cumulative (each call adds a consumer
     * to those set before) and cannot be read back, so the model adds it once per JVM: a hook the
     * application set still runs.
     */

    private static final Logger LOG = Loggers.getLogger(ReactorConfig.class);
    private static boolean hookAdded;

    /** Adds the hook described above, once. */
    static synchronized void quietDroppedErrors() {
        if (hookAdded) return;
        hookAdded = true;
        Hooks.onErrorDropped(ReactorConfig::onDropped);
    }

    private static void onDropped(Throwable error) {
        if (!isEchoOfCancelledWork(error)) LOG.error("Operator called onErrorDropped", error);
    }

    static boolean isEchoOfCancelledWork(Throwable error) {
        if (Exceptions.isMultiple(error)) return Exceptions.unwrapMultiple(error).stream().allMatch(ReactorConfig::isEchoOfCancelledWork);
        if (error instanceof CompletionException && error.getCause() != null) return isEchoOfCancelledWork(error.getCause());   // a request's future, failing as it was cancelled
        return error instanceof CancellationException                          // a request cancelled
                || error instanceof InterruptedException                       // a blocking call interrupted on cancel
                || error instanceof TimeoutException                           // a timeout firing as its flow ended
                || error instanceof IOException                                // a request or file failing after its flow ended
                || error instanceof SQLException                               // a query failing after its flow ended
                || error instanceof TaskFailedException;                       // a sibling failing after the first failure
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
