package dev.asyncbench.vthreads;

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
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Scenario 10: K requests, at most C in flight, each retried with backoff; outcomes in request order.
 *
 * <ul>
 *   <li>Threads: all K requests are submitted at once, each on a virtual thread of its own that
 *       runs its whole retry loop; a {@link Semaphore} of C permits lets C of them in at a
 *       time, and a request keeps its permit through its backoffs.
 *   <li>Blocking: each attempt is {@code TestbedClient.send} with the attempt's timeout on the
 *       request ({@link TestbedClient#withTimeout}); each backoff is {@code Thread.sleep}. Both
 *       park the virtual thread; the carrier runs others meanwhile.
 *   <li>Cancellation: the client abandons an attempt at its timeout. On the first error that is
 *       no fault of an attempt, every request is cancelled with {@code cancel(true)}: the
 *       interrupt abandons an attempt in flight, ends a backoff or a wait for a permit.
 *   <li>Errors: a 503, a dropped connection or a timeout ({@link Fault#of}) is retried; a request out of
 *       attempts is recorded with its last fault; completions are taken as they happen, so any
 *       other error is rethrown at once, unwrapped.
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
        Semaphore inFlight = new Semaphore(spec.maxInFlight(), VirtualThreadsConfig.FAIR);
        IntFunction<Callable<Integer>> request = i -> () -> {            // request i's retry loop, on its virtual thread
            inFlight.acquire();                                           // at most C requests past this line
            for (int attempt = 1; ; attempt++) {
                try {
                    tally.succeeded(i, http.send(TestbedClient.withTimeout(http.flaky(i, attempt, spec), spec.attemptTimeout())));
                    break;
                } catch (IOException e) {
                    Fault fault = Fault.of(e);
                    if (fault == null) throw new UncheckedIOException(e);
                    if (attempt == spec.maxAttempts()) {
                        tally.failed(i, fault);
                        break;
                    }
                }
                Thread.sleep(spec.backoff(i, attempt));
            }
            inFlight.release();                                           // only with an outcome: a request that fails the call
            return i;                                                     // keeps its permit, so no waiting one starts before the cancel
        };
        EachOnItsOwn.run(executor, requests, request);
        return tally.result();
    }
}
