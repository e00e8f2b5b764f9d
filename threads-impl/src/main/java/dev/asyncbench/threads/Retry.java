package dev.asyncbench.threads;

import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;

/**
 * Scenario 10: K requests, at most C in flight, each retried with backoff; outcomes in request order.
 *
 * <ul>
 *   <li>Threads: a sliding window of C tasks on the model's executor ({@link SlidingWindow});
 *       each task is one request's whole retry loop, so a request holds its thread, and its
 *       slot, through its backoffs.
 *   <li>Blocking: each attempt is {@code TestbedClient.send} with the attempt's timeout on the
 *       request ({@link TestbedClient#withTimeout}); each backoff is {@code Thread.sleep}.
 *   <li>Cancellation: the client abandons an attempt at its timeout. On the first error that is
 *       no fault of an attempt, the tasks still running are cancelled with {@code cancel(true)}:
 *       the interrupt abandons an attempt in flight or ends a backoff.
 *   <li>Errors: a 503, a dropped connection or a timeout ({@link Fault#of}) is retried; a request out of
 *       attempts is recorded with its last fault; any other error is rethrown unwrapped.
 * </ul>
 */
final class Retry {
    private Retry() {
    }

    static RetryResult retry(ExecutorService executor, RetrySpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        int requests = spec.requests();
        RetryTally tally = new RetryTally(requests);
        IntFunction<Callable<Integer>> request = i -> () -> {            // request i's retry loop, blocking its thread
            for (int attempt = 1; ; attempt++) {
                try {
                    tally.succeeded(i, http.send(TestbedClient.withTimeout(http.flaky(i, attempt, spec), spec.attemptTimeout())));
                    return i;
                } catch (IOException e) {
                    Fault fault = Fault.of(e);
                    if (fault == null) throw new UncheckedIOException(e);
                    if (attempt == spec.maxAttempts()) {
                        tally.failed(i, fault);
                        return i;
                    }
                }
                Thread.sleep(spec.backoff(i, attempt).toMillis());
            }
        };
        SlidingWindow.run(executor, requests, spec.maxInFlight(), request);
        return tally.result();
    }
}
