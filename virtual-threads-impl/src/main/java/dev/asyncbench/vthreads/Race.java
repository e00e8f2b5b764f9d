package dev.asyncbench.vthreads;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.FailedException;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario 9: the same request to every replica at once; the first success wins.
 *
 * <ul>
 *   <li>Threads: each replica's call is forked on a virtual thread into a
 *       {@code StructuredTaskScope} joined with {@code Joiner.anySuccessfulResultOrThrow()},
 *       which returns the first result that completes successfully: a replica that fails
 *       first does not win.
 *   <li>Blocking: each replica's {@code TestbedClient.send} blocks its virtual thread, which
 *       unmounts meanwhile.
 *   <li>Cancellation: the first success cancels the scope, which interrupts the losers still
 *       running; the JDK client abandons their exchanges. Closing the scope waits for them.
 *   <li>Errors: when every replica fails, the last failure is rethrown (the joiner reports the
 *       first one; each call therefore records its failure, and the last one recorded is thrown).
 * </ul>
 */
final class Race {
    private Race() {
    }

    static String race(RaceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        AtomicReference<Exception> lastFailure = new AtomicReference<>();
        try (var scope = StructuredTaskScope.open(Joiner.<byte[]>anySuccessfulResultOrThrow())) {
            for (Replica replica : spec.replicas()) {
                scope.fork(() -> {                                        // one replica, blocking until it answers
                    try {
                        return http.send(http.replica(replica));
                    } catch (Exception e) {
                        lastFailure.set(e);
                        throw e;
                    }
                });
            }
            return new String(scope.join(), StandardCharsets.UTF_8);      // first success; losers cancelled
        } catch (FailedException e) {
            throw Failures.unchecked(lastFailure.get() != null ? lastFailure.get() : e.getCause());
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        }
    }
}
