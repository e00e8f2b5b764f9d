package dev.asyncbench.reactor;

import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 10: K requests, at most C in flight, each retried with backoff; outcomes in request order.
 *
 * <ul>
 *   <li>Threads: none of ours while waiting; {@code flatMap} with a concurrency of C keeps C
 *       requests going, each slot freed when its request has its outcome. Timeouts and backoffs
 *       are timers on {@link ReactorConfig#timers()}.
 *   <li>Blocking: none; {@code TestbedClient.sendAsync} holds no thread while it waits.
 *   <li>Cancellation: {@code timeout} cancels an attempt at its timeout, which cancels the future
 *       {@code sendAsync} returned ({@link ReactorHttp}): the attempt is abandoned. On the first
 *       error that is no fault of an attempt, {@code flatMap} cancels every request in flight,
 *       attempt or backoff timer alike.
 *   <li>Errors: {@code retryWhen} retries a 503, a dropped connection or a timeout
 *       ({@link Fault#of}) after the request's backoff, up to the spec's attempts; a request out
 *       of attempts is recorded with its last fault; any other error ends the flow and is
 *       rethrown unwrapped. A service would write {@code Retry.backoff(A - 1, base)}, whose
 *       jitter comes from {@code ThreadLocalRandom} and cannot be seeded, while every model
 *       here waits the same seeded backoff ({@code RetrySpec.backoff}); so the retry is
 *       {@code Retry.max(A - 1)} with that backoff as a delay before each retry.
 * </ul>
 */
final class Retry {
    private Retry() {
    }

    static Mono<RetryResult> retry(ReactorConfig config, RetrySpec spec) {
        Objects.requireNonNull(spec, "spec");
        RetryTally tally = new RetryTally(spec.requests());
        return Flux.range(0, spec.requests())
                .flatMap(i -> request(config, spec, i, tally), spec.maxInFlight())   // C in flight, freed as each ends
                .then(Mono.fromCallable(tally::result));
    }

    /** Request i: its attempts, each bounded by the timeout, retried after their backoffs; its outcome into the tally. */
    private static Mono<Void> request(ReactorConfig config, RetrySpec spec, int i, RetryTally tally) {
        TestbedClient http = spec.http();
        return Mono.defer(() -> {
            AtomicInteger attempt = new AtomicInteger();                  // this subscription's attempts so far
            return Mono.defer(() -> ReactorHttp.send(http, http.flaky(i, attempt.incrementAndGet(), spec)))
                    .timeout(spec.attemptTimeout(), config.timers())     // cancels the attempt: abandons it
                    .retryWhen(reactor.util.retry.Retry.max(spec.maxAttempts() - 1)
                            .filter(error -> Fault.of(error) != null)          // a 503, a dropped connection, a timeout
                            .doBeforeRetryAsync(failed -> Mono.delay(spec.backoff(i, attempt.get()), config.timers()).then())   // its backoff
                            .onRetryExhaustedThrow((retry, last) -> last.failure()));   // out of attempts: the last fault itself
        }).doOnNext(body -> tally.succeeded(i, body))
                .then()
                .onErrorResume(error -> {
                    Fault last = Fault.of(error);
                    if (last == null) return Mono.error(error);
                    tally.failed(i, last);
                    return Mono.empty();
                });
    }
}
