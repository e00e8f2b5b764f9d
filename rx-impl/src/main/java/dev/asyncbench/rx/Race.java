package dev.asyncbench.rx;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.RaceSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.exceptions.CompositeException;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Scenario 9: the same request to every replica at once; the first success wins.
 *
 * <ul>
 *   <li>Threads: none of ours; {@code flatMapSingle} with a maxConcurrency of every replica
 *       subscribes to all of them at once, and {@code firstOrError} takes the first body.
 *       Not {@code Single.amb}, which also takes the first failure: with {@code delayErrors}
 *       a replica that fails first does not win.
 *   <li>Blocking: none; no thread waits for a replica.
 *   <li>Cancellation: once there is a winner, {@code firstOrError} disposes the others, which
 *       cancels the futures returned by {@code sendAsync} themselves ({@link RxHttp}), and the
 *       JDK client abandons the losers' exchanges.
 *   <li>Errors: when every replica fails, {@code delayErrors} reports their failures together
 *       in the order they happened; the last one is rethrown unwrapped.
 * </ul>
 */
final class Race {
    private Race() {
    }

    static Single<String> race(RaceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        int replicas = spec.replicas().size();
        return Flowable.fromIterable(spec.replicas())
                .flatMapSingle(replica -> RxHttp.send(http, http.replica(replica)), true, replicas)   // one replica, holding no thread
                .firstOrError()                                                                      // the first success wins
                .map(body -> new String(body, StandardCharsets.UTF_8))
                .onErrorResumeNext(failure -> Single.error(last(failure)));
    }

    /** The last of the failures {@code delayErrors} collected, or the only one. */
    private static Throwable last(Throwable failure) {
        return failure instanceof CompositeException all ? all.getExceptions().getLast() : failure;
    }
}
