package dev.asyncbench.futures;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 9: the same request to every replica at once; the first success wins.
 *
 * <ul>
 *   <li>Threads: none of ours; every replica's {@code sendAsync} completes a shared
 *       {@code winner} future on success. Not {@code anyOf}, which also takes the first
 *       failure: a replica that fails first does not win.
 *   <li>Blocking: none; no thread waits for a replica.
 *   <li>Cancellation: once there is a winner, a callback cancels the futures returned by
 *       {@code sendAsync} themselves, and the JDK client abandons the losers' exchanges.
 *   <li>Errors: when every replica fails, the last failure completes the winner and is
 *       rethrown unwrapped.
 * </ul>
 */
final class Race {
    private Race() {
    }

    static String race(RaceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        CompletableFuture<byte[]> winner = new CompletableFuture<>();
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<byte[]>> calls = new ArrayList<>(spec.replicas().size());
        for (Replica replica : spec.replicas()) {
            CompletableFuture<byte[]> call = http.sendAsync(http.replica(replica));   // one replica, holding no thread
            calls.add(call);
            call.whenComplete((body, error) -> {
                if (error == null) winner.complete(body);                            // the first success wins
                else if (failures.incrementAndGet() == spec.replicas().size()) winner.completeExceptionally(error);
            });
        }
        winner.whenComplete((body, error) -> {
            for (CompletableFuture<byte[]> call : calls) call.cancel(true);          // losers: cancel the requests themselves
        });
        try {
            return new String(Failures.await(winner), StandardCharsets.UTF_8);
        } catch (CompletionException e) {
            throw Failures.unwrap(e);
        }
    }
}
