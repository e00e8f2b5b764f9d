package dev.asyncbench.core.io;

import dev.asyncbench.core.spec.Check;
import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.Replica;
import dev.asyncbench.core.spec.RetrySpec;
import dev.asyncbench.core.testbed.Attempt;
import dev.asyncbench.core.testbed.ServerStats;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * The HTTP client every model shares: the testbed's requests, and one transport (the library that
 * does the IO) with the same settings for all. It offers both styles, and each model picks the
 * one its idiom calls for: {@link #send} blocks (interrupting the thread abandons the request),
 * {@link #sendAsync} does not (cancelling the returned future, or completing it exceptionally,
 * for instance with {@code orTimeout}, abandons the request). "Abandons" means the connection is
 * closed, so the server counts the request abandoned.
 *
 * <p>Errors are the same in both styles and with every transport: {@link ServerUnreachableException}
 * when nothing listens at the server's address, {@link HttpStatusException} for any status but 2xx,
 * {@link java.net.http.HttpTimeoutException} when a request's own
 * {@link HttpRequest#timeout() timeout} passes.
 *
 * <h2>Transports</h2>
 * The JVM's transport is named by the system property {@value #PROPERTY}
 * ({@code -Dasyncbench.httpClient=apache}); {@link #of(URI)} uses it, {@link #of(URI, Transport)}
 * names one. The values are {@link Transport#id()}s:
 * <ul>
 *   <li>{@code jdk}: the JDK's {@code java.net.http.HttpClient}. Both styles are
 *       non-blocking IO on its selector thread; {@code send} waits on a future.
 *   <li>{@code apache} (the default, {@link Transport#DEFAULT}): Apache HttpClient 5.6. {@code send} is its classic client, real blocking
 *       socket IO on the calling thread; {@code sendAsync} its async client, real non-blocking IO
 *       on its IO reactor, whose threads complete the futures.
 * </ul>
 * Each transport is one instance per JVM, made on first use, shared by every client and model.
 * {@link Transport#settings()} is the line a report prints about it.
 */
public final class TestbedClient {

    /** The system property naming the JVM's transport by its {@link Transport#id()}; absent means {@link Transport#DEFAULT}. */
    public static final String PROPERTY = "asyncbench.httpClient";

    /** How long a connect may take, with every transport, before the server counts as unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** The library that carries the testbed's requests; one per JVM, equal for all models. */
    public enum Transport {
        /** The JDK's HttpClient: non-blocking IO underneath both styles. */
        JDK("jdk"),
        /** Apache HttpClient 5.6: classic client (blocking IO) for send, async client (non-blocking IO) for sendAsync. */
        APACHE("apache");

        private final String id;

        Transport(String id) {
            this.id = id;
        }

        /** The name used by {@value TestbedClient#PROPERTY} and on the command line: {@code jdk}, {@code apache}. */
        public String id() {
            return id;
        }

        /** One line with the library, its version and every limit it runs with; starts no client. */
        public String settings() {
            return id + ": " + switch (this) {
                case JDK -> JdkExchanges.SETTINGS;
                case APACHE -> ApacheExchanges.settings();
            };
        }

        /** The transport named {@code id}; an {@link IllegalArgumentException} lists the accepted ids. */
        public static Transport of(String id) {
            for (Transport t : values()) {
                if (t.id.equals(id)) return t;
            }
            throw new IllegalArgumentException("unknown HTTP transport '" + id + "' (" + PROPERTY + "); accepted: "
                    + Arrays.stream(values()).map(Transport::id).collect(Collectors.joining(", ")));
        }

        /**
         * The transport when none is named: {@code apache}, chosen by measurement
         * (docs/testbed.md): faster than the JDK client for every model at every size measured,
         * at less client CPU per request, and the one candidate with both real blocking socket
         * IO ({@code send}) and real non-blocking IO ({@code sendAsync}) in one library family.
         */
        public static final Transport DEFAULT = APACHE;

        /** This JVM's transport: {@value TestbedClient#PROPERTY}, else {@link #DEFAULT}. */
        public static Transport current() {
            String id = System.getProperty(PROPERTY);
            return id == null ? DEFAULT : of(id);
        }

        Exchanges exchanges() {
            return switch (this) {
                case JDK -> JdkExchanges.shared();
                case APACHE -> ApacheExchanges.shared();
            };
        }
    }

    private final URI base;
    private final Transport transport;
    private final Exchanges exchanges;

    private TestbedClient(URI base, Transport transport) {
        this.base = base;
        this.transport = transport;
        this.exchanges = transport.exchanges();
    }

    /**
     * A client for the testbed server at {@code base} (for instance {@code http://127.0.0.1:8080})
     * over this JVM's transport ({@link Transport#current()}).
     */
    public static TestbedClient of(URI base) {
        return of(base, Transport.current());
    }

    /** A client for the testbed server at {@code base} over {@code transport}. */
    public static TestbedClient of(URI base, Transport transport) {
        Check.notNull(base, "server");
        Check.notNull(transport, "transport");
        if (!"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 1) {
            throw new IllegalArgumentException("server must be an http://host:port address, was " + base);
        }
        return new TestbedClient(base, transport);
    }

    public URI base() {
        return base;
    }

    public Transport transport() {
        return transport;
    }

    // ---- the testbed's requests --------------------------------------------------------------

    /** {@code size} deterministic bytes for {@code seed}, held server-side for {@code latency}. */
    public HttpRequest bytes(int seed, int size, Duration latency) {
        return bytes(seed, size, latency, Dist.FIXED);
    }

    /** {@code size} deterministic bytes for {@code seed}, held server-side for {@code dist}'s draw for {@code seed} around {@code latency}. */
    public HttpRequest bytes(int seed, int size, Duration latency, Dist dist) {
        return get("/bytes?seed=" + seed + "&size=" + size + "&delayMs=" + latency.toMillis() + distParam(dist));
    }

    /**
     * Attempt {@code attempt} (from 1) of request {@code seed} of scenario 10: {@code /flaky}, which
     * answers as {@code /bytes} would, or fails as {@code spec}'s fault plan says for this seed and
     * attempt (the attempt number travels with the request, as an SDK's attempt header does).
     * Carries no timeout: each model bounds the attempt in its own idiom ({@link #withTimeout}
     * for a blocking {@link #send}).
     */
    public HttpRequest flaky(int seed, int attempt, RetrySpec spec) {
        return get("/flaky?seed=" + seed + "&attempt=" + attempt + "&size=" + spec.bodyBytes() + "&delayMs=" + spec.latency().toMillis()
                + "&faults=" + spec.faults().text() + "&stallMs=" + spec.stallHold().toMillis());
    }

    /** {@code request} with its own timeout: a blocking {@link #send} gives up at {@code timeout} with {@link java.net.http.HttpTimeoutException}, abandoning it. */
    public static HttpRequest withTimeout(HttpRequest request, Duration timeout) {
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    }

    /** The profile of customer {@code id}, held server-side for {@code latency}. */
    public HttpRequest profile(int id, Duration latency) {
        return profile(id, latency, Dist.FIXED);
    }

    /** The profile of customer {@code id}, held server-side for {@code dist}'s draw for {@code id} around {@code latency}. */
    public HttpRequest profile(int id, Duration latency, Dist dist) {
        return get("/profile?id=" + id + "&delayMs=" + latency.toMillis() + distParam(dist));
    }

    private static String distParam(Dist dist) {
        return dist.kind() == Dist.Kind.FIXED ? "" : "&dist=" + java.net.URLEncoder.encode(dist.text(), StandardCharsets.UTF_8);
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

    /**
     * Blocking exchange; the body on 2xx. Interrupting the calling thread abandons the request
     * and ends the call with {@link InterruptedException}. With {@code jdk} the thread waits on a
     * future; with {@code apache} it does the socket IO itself.
     */
    public byte[] send(HttpRequest request) throws IOException, InterruptedException {
        Exchanges.Answer answer;
        try {
            answer = exchanges.send(request);
        } catch (IOException e) {
            throw unreachable(e, request) ? unreachable(e) : e;
        }
        byte[] body = bodyOf(request, answer);
        Completions.mark(kindOf(request));
        return body;
    }

    /**
     * Non-blocking exchange. Cancelling the returned future, or completing it exceptionally
     * before the response (a timeout), abandons the request. With every transport the same holds
     * for a stage derived from it ({@code thenApply}, {@code handle}: the futures propagate
     * cancellation, as the JDK's HttpClient's do; the testbed's tests check it). Cancelling a
     * future that only waits for calls, such as {@code anyOf(a, b)}, does not reach them: cancel
     * each call's own future. Dependent stages may run on the transport's own threads (with
     * {@code apache}, its IO reactor's): a stage that blocks holds up other exchanges.
     */
    public CompletableFuture<byte[]> sendAsync(HttpRequest request) {
        CompletableFuture<Exchanges.Answer> exchange = exchanges.sendAsync(request);
        CompletableFuture<byte[]> body = exchange.handle((answer, error) -> {
            if (error == null) {
                try {
                    byte[] ok = bodyOf(request, answer);
                    Completions.mark(kindOf(request));
                    return ok;
                } catch (HttpStatusException e) {
                    throw new CompletionException(e);
                }
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (unreachable(cause, request)) cause = unreachable(cause);
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

    /** Scenario 10's attempts since the last reset, as the server saw them ({@code GET /attempts}). */
    public List<Attempt> attempts() {
        try {
            return Attempt.parse(new String(send(get("/attempts")), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the server's attempts", e);
        }
    }

    /** Resets the server's peak, totals and attempts ({@code POST /reset}); in-flight stays as it is. */
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

    private static byte[] bodyOf(HttpRequest request, Exchanges.Answer answer) throws HttpStatusException {
        if (answer.status() / 100 != 2) {
            throw new HttpStatusException(request.uri(), answer.status(), new String(answer.body(), StandardCharsets.UTF_8));
        }
        return answer.body();
    }

    private static Completions.Kind kindOf(HttpRequest request) {
        return request.uri().getPath().equals("/store") ? Completions.Kind.STORE : Completions.Kind.HTTP;
    }

    /**
     * Whether {@code error} means nothing answers at the server's address. Not when the request's
     * own timeout, shorter than the connect timeout, passed while connecting: the JDK reports that
     * as a connect timeout too, but the request's deadline passed, the server is not unreachable.
     */
    private boolean unreachable(Throwable error, HttpRequest request) {
        boolean ownDeadline = request.timeout().filter(d -> d.compareTo(CONNECT_TIMEOUT) < 0).isPresent();
        return exchanges.unreachable(error) && !(ownDeadline && error instanceof java.net.http.HttpTimeoutException);
    }

    private ServerUnreachableException unreachable(Throwable cause) {
        return new ServerUnreachableException(base, cause);
    }
}
