package dev.asyncbench.core.sequential;

import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Scenario 10: K requests, one after another, each retried in a plain loop. C is never reached,
 * only 1: the wall time is the sum of every request's attempts and backoffs.
 *
 * <ul>
 *   <li>Threads: the caller's.
 *   <li>Blocking: {@link TestbedClient#send} holds the caller through each attempt, whose
 *       deadline travels with the request ({@link TestbedClient#withTimeout}); {@code Thread.sleep}
 *       holds it through each backoff.
 *   <li>Cancellation: the client abandons an attempt at its deadline; interrupting the caller
 *       abandons the attempt in flight, or ends a backoff, and no later attempt starts.
 *   <li>Errors: a failed attempt ({@link Fault#of}) is retried; a request out of attempts is
 *       recorded with its last fault; any other error ends the loop, as {@link UncheckedIOException}.
 * </ul>
 */
final class Retry {
    private Retry() {
    }

    static RetryResult retry(RetrySpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        RetryTally tally = new RetryTally(spec.requests());
        try {
            for (int i = 0; i < spec.requests(); i++) {
                for (int attempt = 1; ; attempt++) {
                    HttpRequest request = TestbedClient.withTimeout(http.flaky(i, attempt, spec), spec.attemptTimeout());
                    try {
                        tally.succeeded(i, http.send(request));
                        break;
                    } catch (IOException e) {
                        Fault fault = Fault.of(e);
                        if (fault == null) throw new UncheckedIOException(e);
                        if (attempt == spec.maxAttempts()) {
                            tally.failed(i, fault);
                            break;
                        }
                    }
                    Thread.sleep(spec.backoff(i, attempt).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("retry interrupted");
        }
        return tally.result();
    }
}
