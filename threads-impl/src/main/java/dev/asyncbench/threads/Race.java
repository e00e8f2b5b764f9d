package dev.asyncbench.threads;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario 9: the same request to every replica at once; the first success wins.
 *
 * <ul>
 *   <li>Threads: {@code ExecutorService.invokeAny}, which returns the first result that
 *       completes successfully: a replica that fails first does not win.
 *   <li>Blocking: each replica's {@code TestbedClient.send} holds its task's thread.
 *   <li>Cancellation: {@code invokeAny} interrupts the losers still running, and the JDK
 *       client abandons their exchanges.
 *   <li>Errors: when every replica fails, the last failure is rethrown ({@code invokeAny}
 *       reports the first one on a thread-per-task executor, the last on a pool; each call
 *       therefore records its failure, and the last one recorded is thrown).
 * </ul>
 */
final class Race {
    private Race() {
    }

    static String race(ExecutorService executor, RaceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        AtomicReference<Exception> lastFailure = new AtomicReference<>();
        List<Callable<byte[]>> calls = new ArrayList<>(spec.replicas().size());
        for (Replica replica : spec.replicas()) {
            calls.add(() -> {                                             // one replica, blocking until it answers
                try {
                    return http.send(http.replica(replica));
                } catch (Exception e) {
                    lastFailure.set(e);
                    throw e;
                }
            });
        }
        try {
            return new String(executor.invokeAny(calls), StandardCharsets.UTF_8);   // first success; losers cancelled
        } catch (ExecutionException e) {
            throw Failures.unchecked(lastFailure.get() != null ? lastFailure.get() : e.getCause());
        } catch (InterruptedException e) {
            throw Failures.interrupted(e);
        }
    }
}
