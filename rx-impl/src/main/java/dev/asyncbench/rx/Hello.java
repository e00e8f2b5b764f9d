package dev.asyncbench.rx;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.spec.Check;
import io.reactivex.rxjava3.core.Completable;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 1, the post's first example: log "Hello", wait the pause, log "world".
 *
 * <ul>
 *   <li>Threads: "world" is logged on a computation thread once the pause is over; the caller
 *       waits for it with {@code blockingAwait} ({@link RxModel}).
 *   <li>Blocking: none; the wait is a timer ({@code Completable.timer}), no thread sleeps
 *       through it.
 *   <li>Cancellation: disposing cancels the timer; "world" is never logged.
 *   <li>Errors: none expected.
 * </ul>
 */
final class Hello {
    private Hello() {
    }

    static Completable hello(RxConfig config, Duration pause, EventLog log) {
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(log, "log");
        Check.delay(pause, "pause");
        return Completable.fromAction(() -> log.log("Hello"))
                .andThen(Completable.timer(pause.toNanos(), TimeUnit.NANOSECONDS, config.timers()))
                .andThen(Completable.fromAction(() -> log.log("world")));
    }
}
