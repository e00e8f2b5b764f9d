package dev.asyncbench.core.sequential;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Scenario 9 without a race: one thread can ask only one replica at a time. The honest best it
 * can do is ask them in the order it expects them to answer (their latency, as a client ranks
 * replicas by past response times) and take the first success. That gives the answer a real
 * race gives, the fastest success, so the oracle holds; but it waits for every faster replica
 * that fails, and a loser is never started, so there is nothing to cancel.
 *
 * <ul>
 *   <li>Threads: the caller's.
 *   <li>Blocking: {@link TestbedClient#send}, one replica after another, fastest expected first.
 *   <li>Cancellation: none needed: the slower replicas are never asked once one has answered.
 *   <li>Errors: a failing replica passes the turn to the next; if all fail, the last failure,
 *       as {@link UncheckedIOException}.
 * </ul>
 */
final class Race {
    private Race() {
    }

    static String race(RaceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        List<Replica> byLatency = spec.replicas().stream().sorted(Comparator.comparing(Replica::latency)).toList();
        IOException lastFailure = null;
        for (Replica replica : byLatency) {
            try {
                return new String(http.send(http.replica(replica)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("race interrupted while asking replica " + replica.name());
            }
        }
        throw new UncheckedIOException("every replica failed; the last: " + lastFailure.getMessage(), lastFailure);
    }
}
