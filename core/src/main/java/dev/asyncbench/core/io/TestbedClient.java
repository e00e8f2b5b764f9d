package dev.asyncbench.core.io;

import dev.asyncbench.core.spec.Check;
import dev.asyncbench.core.spec.Replica;
import dev.asyncbench.core.testbed.ServerStats;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The HTTP client every model shares: one JDK {@link HttpClient} with the same settings for
 * all, and the testbed's requests. It offers both styles, and each model picks the one its
 * idiom calls for: {@link #send} blocks (interrupting the thread abandons the request, JDK 16+),
 * {@link #sendAsync} does not (cancelling the returned future, or completing it exceptionally,
 * for instance with {@code orTimeout}, abandons the request).
 *
 * <p>Errors are the same in both styles: {@link ServerUnreachableException} when nothing
 * listens at the server's address (refused, or no connection within the connect timeout),
 * {@link HttpStatusException} for any status but 2xx. A request with a timeout of its own
 * ({@link HttpRequest.Builder#timeout}) shorter than the connect timeout fails with the JDK's
 * {@link HttpTimeoutException} when that timeout passes, even while it is still connecting:
 * its deadline passed, the server is not unreachable.
 */
public final class TestbedClient {

    /** The one configuration all models share; printed in every report. */
    public static final String SETTINGS = "JDK HttpClient, HTTP/1.1, connect timeout 5 s, no request timeout, default executor";

    /** How long a connect may take before the server counts as unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final HttpClient SHARED = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final URI base;
    private final HttpClient client;

    private TestbedClient(URI base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** A client for the testbed server at {@code base} (for instance {@code http://127.0.0.1:8080}). */
    public static TestbedClient of(URI base) {
        Check.notNull(base, "server");
        if (!"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 1) {
            throw new IllegalArgumentException("server must be an http://host:port address, was " + base);
        }
        return new TestbedClient(base, SHARED);
    }

    public URI base() {
        return base;
    }

    // ---- the testbed's requests --------------------------------------------------------------

    /** {@code size} deterministic bytes for {@code seed}, held server-side for {@code latency}. */
    public HttpRequest bytes(int seed, int size, Duration latency) {
        return get("/bytes?seed=" + seed + "&size=" + size + "&delayMs=" + latency.toMillis());
    }

    /** The profile of customer {@code id}, held server-side for {@code latency}. */
    public HttpRequest profile(int id, Duration latency) {
        return get("/profile?id=" + id + "&delayMs=" + latency.toMillis());
    }

    /** Stores the summary of {@code id}; the server counts stores. */
    public HttpRequest store(int id, long digest) {
        return HttpRequest.newBuilder(base.resolve("/store?id=" + id + "&digest=" + Long.toHexString(digest)))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** The race request to one replica: "replica NAME" after its latency, or HTTP 503. */
    public HttpRequest replica(Replica replica) {
        return get("/replica?name=" + java.net.URLEncoder.encode(replica.name(), StandardCharsets.UTF_8) + "&delayMs=" + replica.latency().toMillis() + "&fail=" + replica.fails());
    }

    private HttpRequest get(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build();
    }

    // ---- the two styles ----------------------------------------------------------------------

    /** Blocking exchange; the body on 2xx. Interrupting the calling thread abandons the request. */
    public byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw unreachable(e);
        } catch (HttpConnectTimeoutException e) {
            if (deadlinePassedWhileConnecting(request)) throw e;
            throw unreachable(e);
        }
        byte[] body = bodyOf(request, response);
        Completions.mark(kindOf(request));
        return body;
    }

    /**
     * Non-blocking exchange. Cancelling the returned future, or completing it exceptionally
     * before the response (a timeout), abandons the request: the connection is closed and the
     * server counts it as abandoned. With JDK 25 the same holds for a stage derived from it
     * ({@code thenApply}, {@code handle}: HttpClient's stages propagate cancellation; the
     * testbed's tests check it). Cancelling a future that only waits for calls, such as
     * {@code anyOf(a, b)}, does not reach them: cancel each call's own future.
     */
    public CompletableFuture<byte[]> sendAsync(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<byte[]> body = exchange.handle((response, error) -> {
            if (error == null) {
                try {
                    byte[] ok = bodyOf(request, response);
                    Completions.mark(kindOf(request));
                    return ok;
                } catch (HttpStatusException e) {
                    throw new CompletionException(e);
                }
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ConnectException
                    || cause instanceof HttpConnectTimeoutException && !deadlinePassedWhileConnecting(request)) {
                cause = unreachable(cause);
            }
            throw cause instanceof CompletionException ce ? ce : new CompletionException(cause);
        });
        body.whenComplete((value, error) -> {
            if (error != null && !exchange.isDone()) exchange.cancel(true);
        });
        return body;
    }

    // ---- server statistics, for a server in this process or another ---------------------------

    /** The server's counters ({@code GET /stats}). */
    public ServerStats stats() {
        try {
            return ServerStats.parse(new String(send(get("/stats")), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading server stats", e);
        }
    }

    /** Resets the server's peak and totals ({@code POST /reset}); in-flight stays as it is. */
    public void resetStats() {
        try {
            send(HttpRequest.newBuilder(base.resolve("/reset")).POST(HttpRequest.BodyPublishers.noBody()).build());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting server stats", e);
        }
    }

    private static byte[] bodyOf(HttpRequest request, HttpResponse<byte[]> response) throws HttpStatusException {
        if (response.statusCode() / 100 != 2) {
            throw new HttpStatusException(request.uri(), response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static Completions.Kind kindOf(HttpRequest request) {
        return request.uri().getPath().equals("/store") ? Completions.Kind.STORE : Completions.Kind.HTTP;
    }

    /**
     * Whether a connect that timed out was cut short by the request's own timeout: the JDK
     * reports both the connect timeout and a request timeout passing during the connect as
     * {@link HttpConnectTimeoutException}.
     */
    private static boolean deadlinePassedWhileConnecting(HttpRequest request) {
        return request.timeout().filter(deadline -> deadline.compareTo(CONNECT_TIMEOUT) < 0).isPresent();
    }

    private ServerUnreachableException unreachable(Throwable cause) {
        return new ServerUnreachableException(base, cause);
    }
}
