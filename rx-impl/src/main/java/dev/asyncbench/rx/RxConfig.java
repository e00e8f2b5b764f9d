package dev.asyncbench.rx;

import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.exceptions.UndeliverableException;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import io.reactivex.rxjava3.schedulers.Schedulers;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.asyncbench.core.TaskFailedException;

/**
 * The one place the RxJava model's schedulers and limits live; {@link #describe()} prints them.
 *
 * <ul>
 *   <li>Timers: {@code Schedulers.computation()}, one thread per core. A waiting task is a
 *       scheduled timer, not a sleeping thread.</li>
 *   <li>HTTP: {@code TestbedClient.sendAsync} (the JDK client's own threads); no Rx scheduler.</li>
 *   <li>JDBC: {@code Schedulers.from} a fixed pool of exactly P threads, P being the
 *       repository's connection pool, made per call: never more queries at once than
 *       connections. Never {@code Schedulers.io()}, which grows without bound.</li>
 *   <li>Files: {@code Schedulers.from} a fixed pool of {@link #FILE_THREADS} threads.</li>
 *   <li>C: every {@code flatMap*} and {@code concatMapEager} states its concurrency, taken from
 *       the scenario's spec; never RxJava's silent default of 128.</li>
 * </ul>
 */
final class RxConfig implements AutoCloseable {

    /** Threads for blocking file IO (read, digest, write, force); C above this queues. */
    static final int FILE_THREADS = 8;

    private final Scheduler timers = Schedulers.computation();
    private final ExecutorService fileThreads = Executors.newFixedThreadPool(FILE_THREADS,
            Thread.ofPlatform().name("rx-files-", 0).daemon().factory());
    private final Scheduler files = Schedulers.from(fileThreads);

    /** Where every {@code timer}, {@code delay} and {@code timeout} waits. */
    Scheduler timers() {
        return timers;
    }

    /** Where blocking file IO runs. */
    Scheduler files() {
        return files;
    }

    /** A fresh pool of exactly {@code poolSize} (P) threads for blocking JDBC; the caller shuts it down. */
    ExecutorService jdbcThreads(int poolSize) {
        return Executors.newFixedThreadPool(poolSize, Thread.ofPlatform().name("rx-jdbc-", 0).daemon().factory());
    }

    String describe() {
        return "RxJava 3: timers on Schedulers.computation() (" + computationThreads() + " threads); "
                + "HTTP via sendAsync, disposing cancels the request; "
                + "JDBC on Schedulers.from(fixed pool of P threads), P = the repository's pool; "
                + "files on Schedulers.from(fixed pool of " + FILE_THREADS + " threads); "
                + "C from each spec as flatMap/concatMapEager maxConcurrency (never the default 128)";
    }

    private static int computationThreads() {
        return Integer.getInteger("rx3.computation-threads", Runtime.getRuntime().availableProcessors());
    }

    /**
     * Installs RxJava's global error handler, unless the application already set one (or locked
     * the plugins down): then the application's choice stands.
     *
     * <p>Why: after a flow ends (it failed fast, timed out, or a race was won), work it disposed
     * may still fail, for instance a cancelled request or a sibling failing at the same instant.
     * RxJava has nowhere to deliver that error and hands it to this handler wrapped in an
     * {@link UndeliverableException}; by default it prints the stack trace and calls the thread's
     * uncaught-exception handler. Those echoes are expected here and dropped quietly. Anything
     * else is a bug and still goes to the uncaught-exception handler.
     */
    static void quietUndeliverableErrors() {
        synchronized (RxJavaPlugins.class) {
            if (RxJavaPlugins.isLockdown() || RxJavaPlugins.getErrorHandler() != null) return;
            RxJavaPlugins.setErrorHandler(RxConfig::onUndeliverable);
        }
    }

    private static void onUndeliverable(Throwable error) {
        Throwable cause = error instanceof UndeliverableException && error.getCause() != null ? error.getCause() : error;
        boolean echoOfDisposedWork = cause instanceof CancellationException   // a request cancelled on dispose
                || cause instanceof InterruptedException                        // a blocking call interrupted on dispose
                || cause instanceof IOException                                 // a request failing after its flow ended
                || cause instanceof SQLException                                // a query failing after its flow ended
                || cause instanceof TaskFailedException;                        // a sibling failing after the first failure
        if (echoOfDisposedWork) return;
        Thread current = Thread.currentThread();
        current.getUncaughtExceptionHandler().uncaughtException(current, error);
    }

    /** Stops the file threads; the computation scheduler is RxJava's own and stays. Idempotent. */
    @Override
    public void close() {
        fileThreads.shutdownNow();
    }
}
