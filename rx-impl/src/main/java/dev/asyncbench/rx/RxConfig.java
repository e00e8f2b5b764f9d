package dev.asyncbench.rx;

import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.io.OrdersRepository;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.exceptions.UndeliverableException;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import io.reactivex.rxjava3.schedulers.Schedulers;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one place the RxJava model chooses its schedulers and limits; {@link #describe()} prints
 * them in every report. Every {@code subscribeOn}, {@code timer} and {@code timeout} in the
 * scenario files names one of these, and every {@code flatMap*} states its concurrency (C or P
 * from the spec), never RxJava's silent default of 128; results wanted in order go back in order
 * at the end ({@link InOrder}), never through {@code concatMapEager}, whose slots wait for every
 * earlier result.
 *
 * <ul>
 *   <li>HTTP: no scheduler of ours. {@code TestbedClient.sendAsync} is non-blocking; the JDK
 *       client completes its futures on its own threads ({@link RxHttp}).
 *   <li>Waits: {@code Single.timer} and {@code timeout} on {@link #timers()},
 *       {@code Schedulers.computation()} (one thread per core); no thread sleeps. Load's
 *       arrival clock alone ticks on {@link #arrivals()}, {@code Schedulers.single()}.
 *   <li>{@link #files}: blocking file calls, on {@code Schedulers.from} a pool of exactly C
 *       platform threads for a scenario's C, but no more than the system property
 *       {@value #FILES_PROPERTY} says (default {@value #MAX_FILE_THREADS}, the most platform
 *       threads a process should hold, the threads model's ceiling). One pool per C asked, made
 *       at its first call; its threads end after {@link #FILE_THREADS_IDLE} idle, so a C no
 *       longer asked holds none.
 *       Two calls at once with the same C share those C threads (the bench and the kit make
 *       one call at a time).
 *   <li>{@link #jdbc}: blocking JDBC, on {@code Schedulers.from} one pool of exactly P platform
 *       threads per repository, P being its connection pool; made at the repository's first
 *       call and kept for every later one.
 * </ul>
 * Never {@code Schedulers.io()}, which grows without bound. Every pool is stopped by
 * {@link #close()}.
 */
final class RxConfig implements AutoCloseable {

    static final String FILES_PROPERTY = "asyncbench.rx.files.max";
    static final int MAX_FILE_THREADS = 10_000;
    static final Duration FILE_THREADS_IDLE = Duration.ofSeconds(10);
    private static final int MAX_SETTING = 10_000;

    private final int maxFileThreads = setting(FILES_PROPERTY, MAX_FILE_THREADS);
    private final Map<Integer, ExecutorService> filePools = new HashMap<>();
    private final Map<OrdersRepository, ExecutorService> jdbcPools = new HashMap<>();
    private boolean closed;

    /** Where every timer and timeout waits: RxJava's computation scheduler. */
    Scheduler timers() {
        return Schedulers.computation();
    }

    /**
     * Where load's arrival clock ticks: RxJava's single scheduler, one thread that does nothing
     * but take requests in, as a server's acceptor thread does; the requests are served elsewhere.
     */
    Scheduler arrivals() {
        return Schedulers.single();
    }

    /** Where blocking file calls run: exactly {@code concurrency} platform threads, at most the maximum. */
    synchronized Scheduler files(int concurrency) {
        requireOpen();
        return Schedulers.from(filePools.computeIfAbsent(Math.min(concurrency, maxFileThreads), threads -> {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, FILE_THREADS_IDLE.toNanos(), TimeUnit.NANOSECONDS,
                    new LinkedBlockingQueue<>(), Thread.ofPlatform().name("rx-files-", 0).daemon().factory());
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }));
    }

    /** Where the repository's blocking JDBC calls run: exactly P platform threads, one per connection, made once. */
    synchronized Scheduler jdbc(OrdersRepository orders) {
        requireOpen();
        return Schedulers.from(jdbcPools.computeIfAbsent(orders, repository ->
                Executors.newFixedThreadPool(repository.poolSize(), Thread.ofPlatform().name("rx-jdbc-", 0).daemon().factory())));
    }

    String describe() {
        return "RxJava 3: HTTP by sendAsync wrapped in Single.create (dispose cancels the request), waits by timers on "
                + "Schedulers.computation() (" + computationThreads() + " threads), load's arrivals on Schedulers.single(), files on Schedulers.from(a pool of C threads"
                + " per C), at most " + maxFileThreads + " (" + FILES_PROPERTY + "), idle ones end after "
                + FILE_THREADS_IDLE.toSeconds() + " s; JDBC on Schedulers.from(one pool of P threads per repository), made once; "
                + "C from the spec as every flatMap maxConcurrency, results put back in order at the end (never concatMapEager's "
                + "head-of-line blocking); never Schedulers.io()";
    }

    /** Stops the file and JDBC threads; the computation scheduler is RxJava's own and stays. Idempotent. */
    @Override
    public void close() {
        List<ExecutorService> all = new ArrayList<>();
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

    /* Overview: RxJava's global error handler.
     *
     * After a flow has ended (it failed fast or timed out), work it disposed may still fail: a
     * cancelled request, or a sibling failing at the same instant as the first (say, every
     * request of a fan-out to a server that is down). RxJava has nowhere to deliver that error,
     * wraps it in an UndeliverableException and hands it to RxJavaPlugins' error handler, which
     * by default prints the stack trace and calls the thread's uncaught-exception handler. Here those echoes are expected, so the model installs
     * a handler that drops them quietly and passes anything else (a bug) on to the
     * uncaught-exception handler as before. It installs it only if the application has not set
     * one (nor locked the plugins down): then the application's choice stands.
     */

    /** Installs the handler described above, unless one is already set. */
    static void quietUndeliverableErrors() {
        synchronized (RxJavaPlugins.class) {
            if (RxJavaPlugins.isLockdown() || RxJavaPlugins.getErrorHandler() != null) return;
            RxJavaPlugins.setErrorHandler(RxConfig::onUndeliverable);
        }
    }

    private static void onUndeliverable(Throwable error) {
        if (isEchoOfDisposedWork(error)) return;
        Thread current = Thread.currentThread();
        current.getUncaughtExceptionHandler().uncaughtException(current, error);
    }

    private static boolean isEchoOfDisposedWork(Throwable error) {
        if (error instanceof UndeliverableException) return isEchoOfDisposedWork(error.getCause());
        return error instanceof CancellationException                          // a request cancelled on dispose
                || error instanceof InterruptedException                       // a blocking call interrupted on dispose
                || error instanceof IOException                                // a request failing after its flow ended
                || error instanceof SQLException                               // a query failing after its flow ended
                || error instanceof TaskFailedException;                       // a sibling failing after the first failure
    }

    /** As RxJava sizes it: one per core, fewer if {@code rx3.computation-threads} says so. */
    private static int computationThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        int asked = Integer.getInteger("rx3.computation-threads", 0);
        return asked > 0 && asked < cores ? asked : cores;
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
