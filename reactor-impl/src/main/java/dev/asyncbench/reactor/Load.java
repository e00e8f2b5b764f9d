package dev.asyncbench.reactor;

import dev.asyncbench.core.io.LoadClock;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.time.Duration;
import java.util.Objects;

/**
 * Scenario 11: requests taken in on the arrival clock, at most C served at once, the others queued.
 *
 * <ul>
 *   <li>Threads: none of ours while waiting. The arrivals are a flow of timers, each set from the
 *       clock's zero when the one before has fired ({@code concatMap} of {@code Mono.delay} on
 *       {@link ReactorConfig#arrivals()}, a thread that only takes requests in);
 *       {@code onBackpressureBuffer} takes every arrival in as it comes and queues it, and
 *       {@code flatMap} with a concurrency of C serves C at once, a slot freed as each ends,
 *       each request started on {@link ReactorConfig#timers()} ({@code subscribeOn}). Without the buffer, {@code flatMap}'s requests
 *       would pace the timers: arrivals would wait for free slots, and latency measured from
 *       when the model got round to them would hide the queue. Each request's work is
 *       aggregate's ({@link Aggregate#summarize}).
 *   <li>Blocking: none but JDBC, on its scheduler of P threads.
 *   <li>Cancellation: on the first failure the flow cancels every request in service, the
 *       queue and the clock.
 *   <li>Errors: the first failure ends the flow and is rethrown unwrapped.
 * </ul>
 */
final class Load {
    private Load() {
    }

    static Mono<LoadResult> load(ReactorConfig config, LoadSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return Mono.defer(() -> {
            LoadClock clock = LoadClock.start(spec);
            AggregateSpec work = spec.work(clock.requests());
            Scheduler jdbc = config.jdbc(spec.orders());
            return Flux.range(0, clock.requests())
                    .concatMap(i -> Mono.delay(Duration.ofNanos(Math.max(0, clock.nanosUntil(i))), config.arrivals()).thenReturn(i))
                    .doOnNext(clock::arrived)                                   // taken in on time ...
                    .onBackpressureBuffer()                                     // ... and queued, whatever the slots
                    .flatMap(i -> Mono.defer(() -> {
                        clock.started(i);
                        return Aggregate.summarize(work, i + 1, jdbc);
                    }).subscribeOn(config.timers())                              // started off the arrival thread
                            .doOnNext(summary -> clock.completed(i, summary)), spec.maxInFlight())   // C in service
                    .then(Mono.fromCallable(clock::result));
        });
    }
}
