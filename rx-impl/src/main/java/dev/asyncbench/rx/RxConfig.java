package dev.asyncbench.rx;

import dev.asyncbench.core.TaskFailedException;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.exceptions.UndeliverableException;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import io.reactivex.rxjava3.schedulers.Schedulers;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The one place the RxJava model chooses its schedulers and limits; {@link #describe()} prints
 * them in every report. Every {@code subscribeOn}, {@code timer} and {@code timeout} in the
 * scenario files names one of these, and every {@code flatMap*} and {@code concatMapEager}
 * states its concurrency (C or P from the spec), never RxJava's silent default of 128.
 *
 * <ul>
 *   <li>HTTP: no scheduler of ours. {@code TestbedClient.sendAsync} is non-blocking; the JDK
 *       client completes its futures on its own threads ({@link RxHttp}).
 *   <li>Waits: {@code Single.timer} and {@code timeout} on {@link #timers()},
 *       {@code Schedulers.computation()} (one thread per core); no thread sleeps.
 *   <li>{@link #files()}: {@code Schedulers.from} a fixed pool of {@value #FILES_PROPERTY}
 *       platform threads (default {@value #DEFAULT_FILES}) for blocking file calls.
 *   <li>{@link #jdbc}: exactly P platform threads for blocking JDBC, P being the repository's
 *       connection pool, made per call. Never {@code Schedulers.io()}, which grows without bound.
 * </ul>
 */
final class RxConfig implements AutoCloseable {

    static final String FILES_PROPERTY = "asyncbench.rx.files";
    static final int DEFAULT_FILES = 64;
    private static final int MAX_SETTING = 10_000;

    private final int fileThreads = setting(FILES_PROPERTY, DEFAULT_FILES);
    private final ExecutorService filePool =
            Executors.newFixedThreadPool(fileThreads, Thread.ofPlatform().name("rx-files-", 0).daemon().factory());
    private final Scheduler files = Schedulers.from(filePool);

    /** Exactly {@code connections} platform threads for blocking JDBC calls; the caller shuts it down. */
    static ExecutorService jdbc(int connections) {
        return Executors.newFixedThreadPool(connections, Thread.ofPlatform().name("jdbc-", 0).daemon().factory());
    }

    /** Where every timer and timeout waits: RxJava's computation scheduler. */
    Scheduler timers() {
        return Schedulers.computation();
    }

    /** Where blocking file calls run. */
    Scheduler files() {
        return files;
    }

    String describe() {
        return "RxJava 3: HTTP by sendAsync wrapped in Single.create (dispose cancels the request), waits by timers on "
                + "Schedulers.computation() (" + computationThreads() + " threads), files on Schedulers.from(" + fileThreads
                + " threads) (" + FILES_PROPERTY + "), JDBC on Schedulers.from(P threads) per repository; "
                + "C from the spec as every flatMap/concatMapEager maxConcurrency; never Schedulers.io()";
    }

    /** Stops the file threads; the computation scheduler is RxJava's own and stays. Idempotent. */
    @Override
    public void close() {
        filePool.shutdownNow();
        try {
            filePool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
