package dev.asyncbench.vthreads;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.spec.Check;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Scenario 1, the post's first example: log "Hello", wait the pause, log "world".
 *
 * <ul>
 *   <li>Threads: the wait and "world" run as one task on a new virtual thread; the caller
 *       waits for it with {@code Future.get}.
 *   <li>Blocking: the wait is {@code Thread.sleep}, which on a virtual thread unmounts it: its
 *       carrier is free for other virtual threads during the whole pause.
 *   <li>Cancellation: an interrupted caller cancels the task, interrupting its sleep.
 *   <li>Errors: none expected.
 * </ul>
 */
final class Hello {
    private Hello() {
    }

    static void hello(ExecutorService executor, Duration pause, EventLog log) {
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(log, "log");
        Check.delay(pause, "pause");
        log.log("Hello");
        Future<?> world = executor.submit(() -> {
            Thread.sleep(pause);
            log.log("world");
            return null;
        });
        try {
            world.get();
        } catch (ExecutionException e) {
            throw Failures.unwrap(e);
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        } finally {
            world.cancel(true);
        }
    }
}
