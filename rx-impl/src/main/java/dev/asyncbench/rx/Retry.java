package dev.asyncbench.rx;

import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 10: K requests, at most C in flight, each retried with backoff; outcomes in request order.
 *
 * <ul>
 *   <li>Threads: none of ours while waiting; {@code flatMapCompletable} with a maxConcurrency of
 *       C keeps C requests going, each slot freed when its request has its outcome. Timeouts and
 *       backoffs are timers on {@link RxConfig#timers()}.
 *   <li>Blocking: none; {@code TestbedClient.sendAsync} holds no thread while it waits.
 *   <li>Cancellation: {@code timeout} disposes an attempt at its timeout, which cancels the
 *       future {@code sendAsync} returned ({@link RxHttp}): the attempt is abandoned. On the first
 *       error that is no fault of an attempt, {@code flatMapCompletable} disposes every request
 *       in flight, attempt or backoff timer alike.
 *   <li>Errors: {@code retryWhen} retries a 503, a dropped connection or a timeout ({@link Fault#of}) after the
 *       request's backoff, up to the spec's attempts; a request out of attempts is recorded with
 *       its last fault; any other error ends the flow and is rethrown unwrapped.
 * </ul>
 */
final class Retry {
    private Retry() {
    }

    static Single<RetryResult> retry(RxConfig config, RetrySpec spec) {
        Objects.requireNonNull(spec, "spec");
        RetryTally tally = new RetryTally(spec.requests());
        return Flowable.range(0, spec.requests())
                .flatMapCompletable(i -> request(config, spec, i, tally), false, spec.maxInFlight())   // C in flight, freed as each ends
                .toSingle(tally::result);
    }

    /** Request i: its attempts, each bounded by the timeout, retried after their backoffs; its outcome into the tally. */
    private static Completable request(RxConfig config, RetrySpec spec, int i, RetryTally tally) {
        TestbedClient http = spec.http();
        return Single.defer(() -> {
            AtomicInteger attempt = new AtomicInteger();                  // this subscription's attempts so far
            return Single.defer(() -> RxHttp.send(http, http.flaky(i, attempt.incrementAndGet(), spec)))
                    .timeout(spec.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS, config.timers())   // disposes the attempt: abandons it
                    .retryWhen(failures -> failures.concatMap(error -> {        // one failure at a time
                        int failed = attempt.get();
                        if (Fault.of(error) == null || failed == spec.maxAttempts()) return Flowable.error(error);
                        return Flowable.timer(spec.backoff(i, failed).toNanos(), TimeUnit.NANOSECONDS, config.timers());
                    }));
        }).doOnSuccess(body -> tally.succeeded(i, body))
                .ignoreElement()
                .onErrorResumeNext(error -> {
                    Fault last = Fault.of(error);
                    if (last == null) return Completable.error(error);
                    tally.failed(i, last);
                    return Completable.complete();
                });
    }
}
