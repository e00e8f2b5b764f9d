package dev.asyncbench.futures;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *       {@link #executor()}.
 *   <li>{@link #executor()}: a fixed pool of platform threads, sized by the system property
 *       {@value #TASKS_PROPERTY} (default: one per core), for the short work that continues
 *       after a wait: gather's log lines, the mass gather's tasks, aggregate's {@code combine}.
 *   <li>{@link #files()}: a fixed pool of platform threads, sized by {@value #FILES_PROPERTY}
 *       (default {@value #DEFAULT_FILES}), for blocking file calls; on Linux the JDK has no
 *       non-blocking file IO ({@code AsynchronousFileChannel} runs a thread pool too).
 *   <li>{@link #jdbc}: exactly P platform threads for blocking JDBC, P being the repository's
 *       connection pool, made per call.
 * </ul>
 */
final class FuturesConfig implements AutoCloseable {

    static final String TASKS_PROPERTY = "asyncbench.futures.tasks";
    static final String FILES_PROPERTY = "asyncbench.futures.files";
    static final int DEFAULT_FILES = 64;
    private static final int MAX_SETTING = 10_000;

    private final int taskThreads = setting(TASKS_PROPERTY, Runtime.getRuntime().availableProcessors());
    private final int fileThreads = setting(FILES_PROPERTY, DEFAULT_FILES);
    private final ExecutorService executor =
            Executors.newFixedThreadPool(taskThreads, Thread.ofPlatform().name("futures-", 0).daemon().factory());
    private final ExecutorService files =
            Executors.newFixedThreadPool(fileThreads, Thread.ofPlatform().name("futures-files-", 0).daemon().factory());

    /** Exactly {@code connections} platform threads for blocking JDBC calls; the caller closes it. */
    static ExecutorService jdbc(int connections) {
        return Executors.newFixedThreadPool(connections, Thread.ofPlatform().name("jdbc-", 0).daemon().factory());
    }

    /** Runs what continues after a wait; never blocks. */
    ExecutorService executor() {
        return executor;
    }

    /** Runs blocking file calls. */
    ExecutorService files() {
        return files;
    }

    String describe() {
        return "CompletableFuture: HTTP by sendAsync (non-blocking), waits by delayedExecutor/orTimeout timers, continuations on "
                + taskThreads + " platform threads (" + TASKS_PROPERTY + "), files on " + fileThreads + " ("
                + FILES_PROPERTY + "), JDBC on P per repository; never the common pool";
    }

    /** Stops every thread. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
        files.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
            files.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
