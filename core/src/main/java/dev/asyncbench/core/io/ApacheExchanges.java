package dev.asyncbench.core.io;

import dev.asyncbench.core.spec.FanOutSpec;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.apache.hc.core5.util.VersionInfo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The {@code apache} transport: Apache HttpClient 5.6, whose two clients give the two styles
 * real IO of their kind. {@link #send} is the classic client: the calling thread itself writes
 * the request and blocks reading the socket (a virtual thread unmounts there, a platform thread
 * blocks in the kernel). {@link #sendAsync} is the async client: non-blocking sockets on its IO
 * reactor's threads, one per available processor; the returned future completes on one of them.
 *
 * <p>Limits, equal for all models: HTTP/1.1 with keep-alive (idle connections kept 3 min, the
 * library's default); each client pools up to {@link #MAX_CONNECTIONS} connections, in total
 * and to the testbed, the largest C that SPEC's specs accept, so the pool never holds a request
 * back; connect timeout 5 s; no response timeout unless the request has one; no retries, no
 * redirects, no cookies, no compression.
 *
 * <p>Overview: an interrupt does not end a classic {@code java.net.Socket} read on a platform
 * thread. So the classic client's sockets are {@link SocketChannel#socket() channel sockets}
 * (through {@link DetachedSocketFactory}, internal to the library but the one place that makes
 * its sockets): a channel is an {@link java.nio.channels.InterruptibleChannel}, and
 * {@code Thread.interrupt()} itself closes a channel its thread is blocked on, on any kind of
 * thread. The read fails, the client discards the connection, the server sees it close, and
 * {@link #send} turns the interrupt into {@link InterruptedException}. The async client needs
 * none of this: cancelling its future with hard cancellation (the default) closes the connection,
 * once {@link ApacheCancellation} makes it reach exchanges on reused connections.
 *
 * <p>One more workaround: a request cancelled while its new connection is still being made can
 * leave that connection behind, open and owned by nobody (the cancel releases the pool entry;
 * the connect then completes; 200 requests cancelled at once left up to 37 such sockets here).
 * The IO reactor's socket timeout, {@link #ORPHAN_SILENCE}, closes them: every session starts
 * with it, and the client replaces it when a connection joins the pool (the pool's connections
 * have none) and with the request's response timeout during an exchange (none here), so only
 * an orphan keeps it.
 */
final class ApacheExchanges implements Exchanges {

    /** Connections each client may hold, in total and to the testbed: SPEC's largest C. */
    static final int MAX_CONNECTIONS = FanOutSpec.MAX_IN_FLIGHT;
    static final Timeout CONNECT_TIMEOUT = Timeout.of(TestbedClient.CONNECT_TIMEOUT);
    /** How long a connection that never joined the pool may stay silent before it is closed. */
    static final Timeout ORPHAN_SILENCE = Timeout.ofSeconds(2);

    /** One line with every limit, for reports; computing it starts no client. */
    static String settings() {
        VersionInfo version = VersionInfo.loadVersionInfo("org.apache.hc.client5", ApacheExchanges.class.getClassLoader());
        return "Apache HttpClient " + (version == null ? "5.6" : version.getRelease())
                + ", HTTP/1.1, keep-alive; send: classic client, blocking socket IO on the caller's thread (interrupt closes the socket);"
                + " sendAsync: async client, " + ioThreads() + " IO threads, futures complete on them;"
                + " each pools up to " + String.format("%,d", MAX_CONNECTIONS) + " connections (total and per route),"
                + " connect timeout 5 s, no response timeout, no retries; a connection orphaned by a cancel during its connect"
                + " closes after " + ORPHAN_SILENCE.toSeconds() + " s of silence";
    }

    private static int ioThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static final RequestConfig NO_TIMEOUT = RequestConfig.custom()
            .setResponseTimeout(Timeout.DISABLED)
            .setRedirectsEnabled(false)
            .setContentCompressionEnabled(false)
            .build();

    private static final ConnectionConfig CONNECTIONS = ConnectionConfig.custom()
            .setConnectTimeout(CONNECT_TIMEOUT)
            .setSocketTimeout(Timeout.DISABLED)
            .build();

    /** Sockets that {@code Thread.interrupt()} closes, on platform and virtual threads alike. */
    private static final DetachedSocketFactory CHANNEL_SOCKETS = proxy -> SocketChannel.open().socket();

    /** The classic client, made on the first blocking call. */
    private static final class Classic {
        static final CloseableHttpClient CLIENT = HttpClients.custom()
                .setConnectionManager(new PoolingHttpClientConnectionManagerBuilder() {
                    @Override
                    protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns, TlsSocketStrategy tls) {
                        return new DefaultHttpClientConnectionOperator(CHANNEL_SOCKETS, ports, dns, RegistryBuilder.<TlsSocketStrategy>create().build());
                    }
                }
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(CONNECTIONS)
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.DISABLED).setTcpNoDelay(true).build())
                        .build())
                .setDefaultRequestConfig(NO_TIMEOUT)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build();
    }

    /** The async client and its IO reactor, started on the first non-blocking call. */
    private static final class Async {
        static final CloseableHttpAsyncClient CLIENT = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(CONNECTIONS)
                        .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(ioThreads()).setSoTimeout(ORPHAN_SILENCE).setTcpNoDelay(true).build())
                .setDefaultRequestConfig(NO_TIMEOUT)
                .addExecInterceptorFirst(ApacheCancellation.NAME, new ApacheCancellation())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .build();

        static {
            CLIENT.start();
        }
    }

    private static final class Shared {
        static final ApacheExchanges INSTANCE = new ApacheExchanges();
    }

    private ApacheExchanges() {
    }

    /** The one instance of this JVM; each client is made on its first use. */
    static ApacheExchanges shared() {
        return Shared.INSTANCE;
    }

    @Override
    public Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpUriRequestBase call = new HttpUriRequestBase(request.method(), request.uri());
        request.headers().map().forEach((name, values) -> values.forEach(value -> call.addHeader(name, value)));
        call.setConfig(configOf(request));
        try {
            return Classic.CLIENT.execute(call, response -> new Answer(response.getCode(), bytes(response.getEntity())));
        } catch (IOException e) {
            if (Thread.interrupted()) {
                InterruptedException interrupted = new InterruptedException("send interrupted: request abandoned");
                interrupted.initCause(e);
                throw interrupted;
            }
            throw timedOut(request, e);
        }
    }

    @Override
    public CompletableFuture<Answer> sendAsync(HttpRequest request) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.method()).setUri(request.uri()).setRequestConfig(configOf(request));
        request.headers().map().forEach((name, values) -> values.forEach(value -> builder.addHeader(name, value)));
        SimpleHttpRequest call = builder.build();
        Call pending = new Call(request);
        pending.exchange = Async.CLIENT.execute(SimpleRequestProducer.create(call), SimpleResponseConsumer.create(), pending);
        return pending.result;
    }

    @Override
    public boolean unreachable(Throwable error) {
        return error instanceof ConnectException || error instanceof ConnectTimeoutException;
    }

    /** One async exchange: the library's callback, and the abort that cancels the library's future. */
    private static final class Call implements FutureCallback<SimpleHttpResponse>, CancelableFuture.Abort {
        final HttpRequest request;
        final CancelableFuture<Answer> result = new CancelableFuture<>(this);
        /** Set before {@link #result} is handed out, so before anyone can cancel it. */
        volatile Future<SimpleHttpResponse> exchange;

        Call(HttpRequest request) {
            this.request = request;
        }

        @Override
        public void completed(SimpleHttpResponse response) {
            byte[] body = response.getBodyBytes();
            result.complete(new Answer(response.getCode(), body == null ? new byte[0] : body));
        }

        @Override
        public void failed(Exception error) {
            result.completeExceptionally(error instanceof IOException io ? timedOut(request, io) : error);
        }

        @Override
        public void cancelled() {
            result.cancel(false);
        }

        @Override
        public void abort() {
            Future<SimpleHttpResponse> e = exchange;
            if (e != null) e.cancel(true);
        }
    }

    /** The library's defaults with the request's own timeout, if it has one, as its response timeout. */
    private static RequestConfig configOf(HttpRequest request) {
        if (request.bodyPublisher().map(body -> body.contentLength() != 0).orElse(false)) {
            throw new IllegalArgumentException("the apache transport sends no request body: " + request);
        }
        return request.timeout().map(t -> RequestConfig.copy(NO_TIMEOUT).setResponseTimeout(Timeout.of(t)).build()).orElse(NO_TIMEOUT);
    }

    /** A read that outlived the request's own timeout becomes what the JDK client throws then. */
    private static IOException timedOut(HttpRequest request, IOException e) {
        if (!(e instanceof SocketTimeoutException) || request.timeout().isEmpty()) return e;
        HttpTimeoutException timeout = new HttpTimeoutException("request timed out after " + request.timeout().get().toMillis() + " ms");
        timeout.initCause(e);
        return timeout;
    }

    private static byte[] bytes(HttpEntity entity) throws IOException {
        return entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
    }
}
