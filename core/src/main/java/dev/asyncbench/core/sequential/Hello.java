package dev.asyncbench.core.sequential;

import dev.asyncbench.core.EventLog;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Scenario 1, the post's first example: "Hello", a pause, "world".
 *
 * <ul>
 *   <li>Threads: the caller's.
 *   <li>Blocking: {@link Thread#sleep(Duration)} holds the caller's thread for the pause.
 *   <li>Cancellation: interrupting the caller ends the sleep; "world" is not logged.
 *   <li>Errors: an interrupt becomes {@link CancellationException}, the flag kept set.
 * </ul>
 */
final class Hello {
    private Hello() {
    }

    static void hello(Duration pause, EventLog log) {
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(log, "log");
        log.log("Hello");
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("hello interrupted while pausing");
        }
        log.log("world");
    }
}
