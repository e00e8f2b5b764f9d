package dev.asyncbench.reactor;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.spec.Check;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;

/**
 * Scenario 1, the post's first example: log "Hello", wait the pause, log "world".
 *
 * <ul>
 *   <li>Threads: "world" is logged on a parallel-scheduler thread once the pause is over; the
 *       caller waits for it with {@code block} ({@link ReactorModel}).
 *   <li>Blocking: none; the wait is a timer ({@code Mono.delay}), no thread sleeps through it.
 *   <li>Cancellation: cancelling cancels the timer; "world" is never logged.
 *   <li>Errors: none expected.
 * </ul>
 */
final class Hello {
    private Hello() {
    }

    static Mono<Void> hello(ReactorConfig config, Duration pause, EventLog log) {
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(log, "log");
        Check.delay(pause, "pause");
        return Mono.fromRunnable(() -> log.log("Hello"))
                .then(Mono.delay(pause, config.timers()))
                .then(Mono.fromRunnable(() -> log.log("world")));
    }
}
