package dev.asyncbench.rx;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.RaceSpec;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Notification;
import io.reactivex.rxjava3.core.Single;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Scenario 9: the same request to every replica at once; the first success wins.
 *
 * <ul>
 *   <li>Threads: none of ours; {@code flatMapSingle} with a maxConcurrency of every replica
 *       subscribes to all of them at once. Each replica's answer, body or failure, is
 *       {@code materialize}d into a value, so a failure does not end the race: not
 *       {@code Single.amb}, whose first signal wins even if it is an error. A replica that
 *       fails first does not win.
 *   <li>Blocking: none; no thread waits for a replica.
 *   <li>Cancellation: {@code takeUntil} stops at the first success and disposes the others,
 *       which cancels the futures returned by {@code sendAsync} themselves ({@link RxHttp}),
 *       and the JDK client abandons the losers' exchanges.
 *   <li>Errors: when every replica fails, the last answer is the last failure;
 *       {@code dematerialize} rethrows it unwrapped.
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
                .flatMapSingle(replica -> RxHttp.send(http, http.replica(replica)).materialize(), false, replicas)   // one replica, holding no thread
                .takeUntil((Notification<byte[]> answer) -> answer.isOnNext())       // the first success wins; losers disposed
                .lastOrError()                                                       // that success, or else the last failure
                .dematerialize(answer -> answer)
                .toSingle()
                .map(body -> new String(body, StandardCharsets.UTF_8));
    }
}
