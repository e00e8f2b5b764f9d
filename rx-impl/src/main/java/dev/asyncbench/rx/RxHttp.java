package dev.asyncbench.rx;

import dev.asyncbench.core.io.TestbedClient;
import io.reactivex.rxjava3.core.Single;

import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One testbed request as a cold {@link Single}: each subscription sends it, and disposing the
 * subscription cancels it (the JDK client closes the connection; the server counts it abandoned).
 *
 * <p>Why not {@code Single.fromCompletionStage(http.sendAsync(request))}: that operator does not
 * cancel the future when disposed (a {@code CompletionStage} has no cancel), so a timed-out or
 * losing request would run on. Here disposing cancels the very future {@code sendAsync}
 * returned, which abandons the request ({@link TestbedClient#sendAsync}).
 */
final class RxHttp {

    private RxHttp() {
    }

    /** The body on 2xx; the client's error otherwise ({@code ServerUnreachableException}, {@code HttpStatusException}). */
    static Single<byte[]> send(TestbedClient http, HttpRequest request) {
        return Single.create(emitter -> {
            CompletableFuture<byte[]> future = http.sendAsync(request);
            emitter.setCancellable(() -> future.cancel(true));
            future.whenComplete((body, error) -> {
                if (error == null) emitter.onSuccess(body);
                else emitter.tryOnError(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            });
        });
    }
}
