package dev.asyncbench.futures;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.spec.Check;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 1, the post's first example: log "Hello", wait the pause, log "world".
 *
 * <ul>
 *   <li>Threads: "world" runs on the model's executor once the pause is over; the caller
 *       waits for it with {@code join}.
 *   <li>Blocking: none; the wait is a timer ({@code CompletableFuture.delayedExecutor}), no
 *       thread sleeps through it.
 *   <li>Cancellation: none needed.
 *   <li>Errors: none expected.
 * </ul>
 */
final class Hello {
    private Hello() {
    }

    static void hello(Executor executor, Duration pause, EventLog log) {
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(log, "log");
        Check.delay(pause, "pause");
        log.log("Hello");
        CompletableFuture<Void> world = CompletableFuture.runAsync(() -> log.log("world"),
                CompletableFuture.delayedExecutor(pause.toNanos(), TimeUnit.NANOSECONDS, executor));
        try {
            Failures.await(world);
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
    }
}
