package dev.asyncbench.core.io;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code jdk} transport: one {@link HttpClient} (HTTP/1.1, connect timeout 5 s, no request
 * timeout unless the request has one, its default executor, no redirects).
 *
 * <p>Both styles are non-blocking IO underneath: the client's one selector thread reads and
 * writes every socket, and {@link HttpClient#send} is {@code sendAsync(...).get()}, so a thread
 * "blocked" in {@link #send} waits on a future, never on a socket. Cancellation is the JDK's
 * (16+): interrupting {@code send} or cancelling the future of {@code sendAsync}, or a stage
 * derived from it (the JDK's futures pass cancellation on to their dependents), closes the
 * connection.
 */
final class JdkExchanges implements Exchanges {

    static final String SETTINGS = "JDK HttpClient " + Runtime.version().feature()
            + ", HTTP/1.1, keep-alive, no connection limit, connect timeout 5 s, no request timeout, default executor;"
            + " send = sendAsync(...).get() (its selector thread does all socket IO)";

    private static final class Shared {
        static final JdkExchanges INSTANCE = new JdkExchanges();
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TestbedClient.CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private JdkExchanges() {
    }

    /** The one instance of this JVM, made on first use. */
    static JdkExchanges shared() {
        return Shared.INSTANCE;
    }

    @Override
    public Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body());
    }

    @Override
    public CompletableFuture<Answer> sendAsync(HttpRequest request) {
        // thenApply of the JDK's future is one of its own: cancelling it still reaches the exchange
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Answer(response.statusCode(), response.body()));
    }

    @Override
    public boolean unreachable(Throwable error) {
        return error instanceof ConnectException || error instanceof HttpConnectTimeoutException;
    }
}
