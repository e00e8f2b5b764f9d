package dev.asyncbench.rx;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.exceptions.CompositeException;

import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Scenario 9: the same request to every replica at once; the first success wins, the others
 * are cancelled.
 *
 * <ul>
 *   <li>Threads: the requests on the JDK client's threads; none of the model's own.</li>
 *   <li>Blocking: none here; the caller blocks once, in {@link RxModel}.</li>
 *   <li>Cancellation: {@code firstOrError} cancels the merge once a body arrives, which disposes
 *       the losers: their requests are cancelled.</li>
 *   <li>Errors: a failing replica does not end the race ({@code delayErrors}); when all fail,
 *       the last failure is thrown. ({@code Single.amb} would not do: its first signal wins,
 *       even an error.)</li>
 * </ul>
 */
final class Race {

    private Race() {
    }

    static Single<String> race(RaceSpec spec) {
        TestbedClient http = spec.http();
        List<Replica> replicas = spec.replicas();
        return Flowable.fromIterable(replicas)
                // every replica at once; delayErrors: a failure waits, so a later success still wins
                .flatMapSingle(replica -> RxHttp.send(http, http.replica(replica)), true, replicas.size())
                .firstOrError()
                .map(body -> new String(body, UTF_8))
                .onErrorResumeNext(error -> Single.error(lastOf(error)));
    }

    /** With delayErrors, two or more failures arrive together, in the order they happened. */
    private static Throwable lastOf(Throwable error) {
        return error instanceof CompositeException all ? all.getExceptions().getLast() : error;
    }
}
