package dev.asyncbench.rx;

import dev.asyncbench.core.io.LoadClock;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Scheduler;
import io.reactivex.rxjava3.core.Single;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 11: requests taken in on the arrival clock, at most C served at once, the others queued.
 *
 * <ul>
 *   <li>Threads: none of ours while waiting. The arrivals are a flow of timers, each set from the
 *       clock's zero when the one before has fired ({@code concatMap} of {@code timer} on
 *       {@link RxConfig#arrivals()}, a thread that only takes requests in);
 *       {@code onBackpressureBuffer} takes every arrival in as it comes and queues it, and
 *       {@code flatMapSingle} with a maxConcurrency of C serves C at once, a slot freed as each
 *       ends, each request started on {@link RxConfig#timers()} ({@code subscribeOn}). Without the buffer, {@code flatMapSingle}'s requests
 *       would pace the timers: arrivals would wait for free slots, and latency measured from
 *       when the model got round to them would hide the queue. Each request's work is
 *       aggregate's ({@link Aggregate#summarize}).
 *   <li>Blocking: none but JDBC, on its scheduler of P threads.
 *   <li>Cancellation: on the first failure the flow disposes every request in service, the
 *       queue and the clock.
 *   <li>Errors: the first failure ends the flow and is rethrown unwrapped.
 * </ul>
 */
final class Load {
    private Load() {
    }

    static Single<LoadResult> load(RxConfig config, LoadSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return Single.defer(() -> {
            LoadClock clock = LoadClock.start(spec);
            AggregateSpec work = spec.work(clock.requests());
            Scheduler jdbc = config.jdbc(spec.orders());
            return Flowable.range(0, clock.requests())
                    .concatMap(i -> Flowable.timer(Math.max(0, clock.nanosUntil(i)), TimeUnit.NANOSECONDS, config.arrivals()).map(tick -> i))
                    .doOnNext(clock::arrived)                                   // taken in on time ...
                    .onBackpressureBuffer()                                     // ... and queued, whatever the slots
                    .flatMapSingle(i -> Single.defer(() -> {
                        clock.started(i);
                        return Aggregate.summarize(work, i + 1, jdbc);
                    }).subscribeOn(config.timers())                              // started off the arrival thread
                            .doOnSuccess(summary -> clock.completed(i, summary)), false, spec.maxInFlight())   // C in service
                    .ignoreElements()
                    .toSingle(clock::result);
        });
    }
}
