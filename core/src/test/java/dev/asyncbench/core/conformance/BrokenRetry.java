package dev.asyncbench.core.conformance;

import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The sequential model with its retry loop broken on purpose, one flaw at a time, for
 * {@link BrokenModelsTest}: each flaw must fail the retry rule named for it.
 */
final class BrokenRetry extends SequentialStandIn {

    enum Flaw {
        /** Retries at once: fails RT3. */
        NO_BACKOFF,
        /** Bounds no attempt, so it waits a stall out: fails RT4 (and RT1). */
        NO_TIMEOUT,
        /** Gives up after the first failure: fails RT2 (and RT1). */
        NO_RETRY
    }

    private final Flaw flaw;

    BrokenRetry(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public String name() {
        return "broken-retry-" + flaw.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String describe() {
        return "the sequential model, its retry broken: " + flaw;
    }

    @Override
    public RetryResult retry(RetrySpec spec) {
        TestbedClient http = spec.http();
        RetryTally tally = new RetryTally(spec.requests());
        int maxAttempts = flaw == Flaw.NO_RETRY ? 1 : spec.maxAttempts();
        try {
            for (int i = 0; i < spec.requests(); i++) {
                for (int attempt = 1; ; attempt++) {
                    HttpRequest request = http.flaky(i, attempt, spec);
                    if (flaw != Flaw.NO_TIMEOUT) request = TestbedClient.withTimeout(request, spec.attemptTimeout());
                    try {
                        tally.succeeded(i, http.send(request));
                        break;
                    } catch (IOException e) {
                        Fault fault = Fault.of(e);
                        if (fault == null) throw new UncheckedIOException(e);
                        if (attempt == maxAttempts) {
                            tally.failed(i, fault);
                            break;
                        }
                    }
                    Thread.sleep(flaw == Flaw.NO_BACKOFF ? Duration.ZERO : spec.backoff(i, attempt));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return tally.result();
    }
}
