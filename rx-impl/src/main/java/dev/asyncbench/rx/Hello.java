package dev.asyncbench.rx;

import dev.asyncbench.core.EventLog;
import io.reactivex.rxjava3.core.Completable;

import java.time.Duration;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

/**
 * Scenario 1, the post's first example: log "Hello", wait, log "world".
 *
 * <ul>
 *   <li>Threads: the wait is a {@code Completable.timer} on the timer scheduler; no thread sleeps.</li>
 *   <li>Blocking: none here; the caller blocks once, in {@link RxModel}.</li>
 *   <li>Cancellation: disposing the subscription cancels the timer; "world" is never logged.</li>
 *   <li>Errors: none expected.</li>
 * </ul>
 */
final class Hello {

    private Hello() {
    }

    static Completable hello(Duration pause, EventLog log, RxConfig config) {
        return Completable.fromAction(() -> log.log("Hello"))
                .andThen(Completable.timer(pause.toNanos(), NANOSECONDS, config.timers()))
                .andThen(Completable.fromAction(() -> log.log("world")));
    }
}
