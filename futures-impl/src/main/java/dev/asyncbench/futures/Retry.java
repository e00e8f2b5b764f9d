package dev.asyncbench.futures;

import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 10: K requests, at most C in flight, each retried with backoff; outcomes in request order.
 *
 * <ul>
 *   <li>Threads: none of ours while waiting; a sliding window of C requests ({@link Window}).
 *       A request's attempts are composed: a failed attempt ({@code exceptionallyComposeAsync},
 *       on the model's executor) schedules the next one after its backoff, a timer of
 *       {@link FuturesConfig#timers()} handing over to the model's executor, never the common pool.
 *   <li>Blocking: none; {@code TestbedClient.sendAsync} holds no thread while it waits, and a
 *       backoff is a timer.
 *   <li>Cancellation: {@code orTimeout} on the future returned by {@code sendAsync} itself
 *       abandons an attempt at its timeout. On the first error that is no fault of an attempt,
 *       the window cancels the attempts in flight, and no later attempt starts.
 *   <li>Errors: a 503, a dropped connection or a timeout ({@link Fault#of}) is retried; a
 *       request out of attempts is recorded with its last fault; any other error completes the
 *       window and is rethrown unwrapped.
 * </ul>
 */
final class Retry {
    private Retry() {
    }

    static RetryResult retry(FuturesConfig config, RetrySpec spec) {
        Objects.requireNonNull(spec, "spec");
        RetryTally tally = new RetryTally(spec.requests());
        Window window = new Window();
        Attempts attempts = new Attempts(spec.http(), spec, config, window);
        window.run(spec.requests(), spec.maxInFlight(), i -> attempts.from(i, 1).handle((body, error) -> {
            if (error == null) tally.succeeded(i, body);                  // request i's outcome: a body, or its last fault
            else if (Fault.of(error) != null) tally.failed(i, Fault.of(error));
            else throw error instanceof CompletionException c ? c : new CompletionException(error);
            return i;
        }));
        return tally.result();
    }

    /** One request's attempts, composed: each failed attempt schedules the next after its backoff. */
    private record Attempts(TestbedClient http, RetrySpec spec, FuturesConfig config, Window window) {

        /** Attempt {@code attempt} of request {@code i} and, if it fails and may be retried, the ones after it. */
        CompletableFuture<byte[]> from(int i, int attempt) {
            if (window.failed()) return CompletableFuture.failedFuture(new CancellationException("the window failed"));
            CompletableFuture<byte[]> call = window.send(http, http.flaky(i, attempt, spec));
            call.orTimeout(spec.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS);   // on the attempt's own future: abandons it
            return call.exceptionallyComposeAsync(error -> {
                if (Fault.of(error) == null || attempt == spec.maxAttempts() || window.failed()) {
                    return CompletableFuture.failedFuture(error);
                }
                CompletableFuture<Integer> afterBackoff = new CompletableFuture<>();   // a timer on the model's timers, handing over to its executor
                config.timers().schedule(() -> afterBackoff.completeAsync(() -> attempt + 1, config.executor()),
                        spec.backoff(i, attempt).toNanos(), TimeUnit.NANOSECONDS);
                return afterBackoff.thenCompose(nextAttempt -> from(i, nextAttempt));
            }, config.executor());                                          // off the timeout's timer thread
        }
    }
}
