package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.io.TestbedClient.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Does cancelling a task really cancel its HTTP request, with every transport? The models rely
 * on two promises of {@link TestbedClient}: interrupting a thread blocked in {@code send} aborts
 * the exchange, and cancelling the future of {@code sendAsync} does too. Either way the client
 * closes the connection, and the server, which watches for that, counts the request abandoned.
 * The JDK's HttpClient keeps them itself (JDK 16+); the apache transport keeps them with channel
 * sockets (an interrupt closes them) and futures that pass cancellation on.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class HttpCancellationTest {

    static final Duration LONG = Duration.ofSeconds(5);
    static final Duration SOON = Duration.ofSeconds(2);

    @Parameter
    Transport transport;

    HttpTestbedServer server;
    TestbedClient client;

    @BeforeEach
    void start() {
        server = HttpTestbedServer.start("127.0.0.1", 0);
        client = TestbedClient.of(server.uri(), transport);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void cancellingTheSendAsyncFutureAbandonsTheRequest() {
        CompletableFuture<byte[]> call = client.sendAsync(client.bytes(1, 100, LONG));
        awaitStats("the request to arrive", s -> s.inFlight() == 1);

        call.cancel(true);

        ServerStats stats = awaitStats("the server to see the request abandoned", s -> s.abandoned() == 1 && s.inFlight() == 0);
        assertEquals(0, stats.completed(), stats.toString());
    }

    /**
     * Requests cancelled the moment they are sent, many of them while their connection is still
     * being made, leave no connection open a few seconds later. Apache's async client left up to
     * 37 of 200 open for good (a cancel during the connect orphans the connection) until the
     * transport closed silent orphans (ApacheExchanges.ORPHAN_SILENCE).
     */
    @Test
    void requestsCancelledAsTheyAreSentLeaveNoConnectionOpen() {
        for (int i = 0; i < 200; i++) client.sendAsync(client.bytes(i, 64, LONG)).cancel(true);
        // the client may keep a few idle ones for its next requests; orphans were dozens
        ServerStats stats = awaitStats("the connections the cancelled requests opened to close", s -> s.inFlight() == 0 && s.connections() <= 4,
                Duration.ofSeconds(6));
        assertEquals(0, stats.completed(), stats.toString());
    }

    @Test
    void aTimeoutOnTheSendAsyncFutureAbandonsTheRequest() {
        CompletableFuture<byte[]> call = client.sendAsync(client.bytes(1, 100, LONG)).orTimeout(300, TimeUnit.MILLISECONDS);

        CompletionException failure = assertThrows(CompletionException.class, call::join);

        assertInstanceOf(TimeoutException.class, failure.getCause());
        awaitStats("the server to see the request abandoned", s -> s.abandoned() == 1 && s.inFlight() == 0);
    }

    @ParameterizedTest(name = "{0} thread")
    @ValueSource(booleans = {false, true})
    void interruptingABlockingSendAbandonsTheRequest(boolean virtual) throws InterruptedException {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Runnable blockingCall = () -> {
            try {
                client.send(client.bytes(1, 100, LONG));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        };
        Thread caller = virtual ? Thread.ofVirtual().start(blockingCall) : Thread.ofPlatform().start(blockingCall);
        awaitStats("the request to arrive", s -> s.inFlight() == 1);

        caller.interrupt();

        awaitStats("the server to see the request abandoned", s -> s.abandoned() == 1 && s.inFlight() == 0);
        caller.join(SOON.toMillis());
        assertInstanceOf(InterruptedException.class, outcome.getNow(null), "send ends with InterruptedException");
    }

    /**
     * The same on a warm pool, as the bench measures: each call reuses the connection the one
     * before it left idle. (Apache's async client lost such cancels until {@code ApacheCancellation}.)
     */
    @ParameterizedTest(name = "blocking: {0}")
    @ValueSource(booleans = {false, true})
    void cancellingACallOnAReusedConnectionAbandonsItToo(boolean blocking) throws Exception {
        for (int round = 1; round <= 3; round++) {
            client.send(client.bytes(0, 10, Duration.ZERO));
            server.resetStats();
            CompletableFuture<byte[]> call = blocking ? new CompletableFuture<>() : client.sendAsync(client.bytes(round, 100, LONG));
            Thread caller = blocking ? Thread.ofVirtual().start(() -> {
                try {
                    call.complete(client.send(client.bytes(1, 100, LONG)));
                } catch (Exception e) {
                    call.completeExceptionally(e);
                }
            }) : null;
            awaitStats("request " + round + " to arrive", s -> s.inFlight() == 1);

            if (blocking) caller.interrupt();
            else call.cancel(true);

            awaitStats("the server to see request " + round + " abandoned", s -> s.abandoned() == 1 && s.inFlight() == 0);
        }
    }

    /**
     * The JDK documents (HttpClient#sendAsync, "cancelable") that a stage derived from its future
     * by {@code thenApply}, {@code handle} and the like is cancelable too: cancelling it aborts
     * the exchange. (That is also why {@code TestbedClient.sendAsync}, itself a derived stage,
     * cancels.) The apache transport's futures keep the same promise.
     */
    @Test
    void cancellingAStageDerivedFromTheFutureAbandonsTheRequestToo() {
        CompletableFuture<Integer> length = client.sendAsync(client.bytes(1, 100, LONG)).thenApply(body -> body.length);
        awaitStats("the request to arrive", s -> s.inFlight() == 1);

        length.cancel(true);

        awaitStats("the server to see the request abandoned", s -> s.abandoned() == 1 && s.inFlight() == 0);
    }

    /**
     * The real trap: a future that merely waits for the calls, such as {@code anyOf} of a race
     * (of two or more: {@code anyOf} of one copies it, cancelable), is not derived from them;
     * cancelling it leaves every request running to its end.
     */
    @Test
    void cancellingAFutureNotDerivedFromTheCallsDoesNotReachThem() {
        CompletableFuture<byte[]> a = client.sendAsync(client.bytes(1, 100, Duration.ofMillis(500)));
        CompletableFuture<byte[]> b = client.sendAsync(client.bytes(2, 100, Duration.ofMillis(500)));
        CompletableFuture<Object> first = CompletableFuture.anyOf(a, b);
        awaitStats("the requests to arrive", s -> s.inFlight() == 2);

        first.cancel(true);

        assertEquals(100, a.join().length, "request a went on and got its answer");
        assertEquals(100, b.join().length, "request b went on and got its answer");
        ServerStats stats = awaitStats("the answers to be counted", s -> s.completed() == 2);
        assertEquals(0, stats.abandoned(), stats.toString());
        assertThrows(CancellationException.class, first::join);
    }

    /**
     * A request whose own timeout passes while it is still connecting has missed its deadline,
     * like any other: the JDK says {@code HttpConnectTimeoutException}, which the client must
     * not turn into "server unreachable" (the sequential model's timeout relies on it).
     */
    @Test
    void aDeadlinePassingWhileConnectingIsATimeoutNotAnUnreachableServer() throws IOException {
        // a listener that never accepts, its queue full: the kernel leaves further connects hanging
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                boolean hangs = false;
                for (int i = 0; i < 64 && !hangs; i++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(full.getLocalSocketAddress(), 200);
                        queued.add(socket);
                    } catch (SocketTimeoutException e) {
                        socket.close();
                        hangs = true;
                    }
                }
                Assumptions.assumeTrue(hangs, "this kernel accepts connections beyond a full queue");
                TestbedClient stalled = TestbedClient.of(URI.create("http://127.0.0.1:" + full.getLocalPort()));
                HttpRequest request = HttpRequest.newBuilder(stalled.bytes(1, 1, Duration.ZERO), (name, value) -> true)
                        .timeout(Duration.ofMillis(300)).build();

                IOException blocking = assertThrows(IOException.class, () -> stalled.send(request));
                CompletionException async = assertThrows(CompletionException.class, () -> stalled.sendAsync(request).join());

                assertInstanceOf(HttpTimeoutException.class, blocking, "send: the deadline passed");
                assertInstanceOf(HttpTimeoutException.class, async.getCause(), "sendAsync: the deadline passed");
            } finally {
                for (Socket socket : queued) socket.close();
            }
        }
    }

    /** Polls the server's counters until {@code condition} holds, for at most {@link #SOON}. */
    private ServerStats awaitStats(String what, Predicate<ServerStats> condition) {
        return awaitStats(what, condition, SOON);
    }

    private ServerStats awaitStats(String what, Predicate<ServerStats> condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        ServerStats stats = server.stats();
        while (!condition.test(stats)) {
            assertTrue(System.nanoTime() < deadline, "waited " + within.toSeconds() + " s for " + what + "; server: " + stats);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            stats = server.stats();
        }
        return stats;
    }
}
