package dev.asyncbench.reactor;

import dev.asyncbench.core.io.TestbedClient;
import reactor.core.publisher.Mono;

import java.net.http.HttpRequest;

/**
 * One testbed request as a cold {@link Mono}: each subscription sends it, and cancelling the
 * subscription cancels it (the client closes the connection; the server counts it abandoned).
 *
 * <p>{@code Mono.fromFuture} with a supplier sends at subscription, not at assembly, and with
 * its {@code suppressCancel} left false it cancels the very future {@code sendAsync} returned
 * when the subscription is cancelled, which abandons the request ({@link TestbedClient#sendAsync});
 * it hands on a failure unwrapped from the future's {@code CompletionException}.
 */
final class ReactorHttp {

    private ReactorHttp() {
    }

    /** The body on 2xx; the client's error otherwise ({@code ServerUnreachableException}, {@code HttpStatusException}). */
    static Mono<byte[]> send(TestbedClient http, HttpRequest request) {
        return Mono.fromFuture(() -> http.sendAsync(request));
    }
}
