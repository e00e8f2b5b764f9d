package dev.asyncbench.core.io;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP library's way of carrying the testbed's requests: what a
 * {@link TestbedClient.Transport} stands for. One instance per library per JVM, shared by every
 * {@link TestbedClient} and so by every model. {@link TestbedClient} turns what these return into
 * the suite's errors ({@link HttpStatusException}, {@link ServerUnreachableException}); an
 * implementation only keeps the contracts below.
 *
 * <p>Requests are {@link HttpRequest} values: an immutable method, URI, headers and optional
 * timeout, which every implementation reads; none sends a request body (the testbed's requests
 * have none).
 */
interface Exchanges {

    /** A response: its status and its whole body (empty, never null, when there is none). */
    record Answer(int status, byte[] body) {
    }

    /**
     * Blocks the calling thread until the response is in. Interrupting that thread abandons the
     * request (its connection is closed, so the server counts it abandoned) and ends the call
     * with {@link InterruptedException}, the interrupt status cleared. A request whose
     * {@link HttpRequest#timeout() timeout} passes first is abandoned the same way and ends with
     * {@link java.net.http.HttpTimeoutException}.
     */
    Answer send(HttpRequest request) throws IOException, InterruptedException;

    /**
     * Starts the exchange and returns at once, without blocking. Cancelling the returned future,
     * or any stage derived from it ({@code thenApply}, {@code handle} ...), abandons the request.
     */
    CompletableFuture<Answer> sendAsync(HttpRequest request);

    /** Whether {@code error} (from either style) means that nothing answered the connect. */
    boolean unreachable(Throwable error);
}
