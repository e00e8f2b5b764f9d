package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.HttpStatusException;
import dev.asyncbench.core.io.ServerUnreachableException;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.io.TestbedClient.Transport;
import dev.asyncbench.core.spec.Replica;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link TestbedClient} promises with every transport beyond cancellation
 * ({@link HttpCancellationTest}): the same answers and the same errors in both styles, and the
 * kind of IO each style does, which is the point of having a choice.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Transport.class)
class HttpTransportTest {

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
    void bothStylesGetTheSameBodiesOverReusedConnections() throws Exception {
        for (int i = 0; i < 20; i++) assertArrayEquals(Bodies.bytes(i, 1024), client.send(client.bytes(i, 1024, Duration.ZERO)));
        client.sendAsync(client.bytes(0, 1024, Duration.ZERO)).join(); // the async client's first call starts it: seconds, cold
        server.resetStats();
        List<CompletableFuture<byte[]>> calls = IntStream.range(0, 200).mapToObj(i -> client.sendAsync(client.bytes(i, 1024, Duration.ofSeconds(1)))).toList();
        for (int i = 0; i < 200; i++) assertArrayEquals(Bodies.bytes(i, 1024), calls.get(i).join(), "body " + i);
        client.send(client.store(1, 0xabcL));
        client.sendAsync(client.store(2, 0xdefL)).join();
        ServerStats stats = server.stats();
        assertEquals(200, stats.completed(), stats.toString());
        assertEquals(2, stats.stored(), stats.toString());
        assertEquals(200, stats.peakInFlight(), "200 requests waited at once: the client held them all, " + stats);
    }

    @Test
    void aFailingReplicaIsAnHttpStatusExceptionInBothStyles() {
        HttpRequest failing = client.replica(Replica.failing("b", Duration.ZERO));

        HttpStatusException blocking = assertThrows(HttpStatusException.class, () -> client.send(failing));
        CompletionException async = assertThrows(CompletionException.class, () -> client.sendAsync(failing).join());

        assertEquals(503, blocking.status());
        assertTrue(blocking.getMessage().contains("replica b failed"), blocking.getMessage());
        assertEquals(503, assertInstanceOf(HttpStatusException.class, async.getCause()).status());
    }

    @Test
    void nothingListeningIsServerUnreachableInBothStyles() throws IOException {
        URI nowhere;
        try (ServerSocket taken = new ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + taken.getLocalPort());
        }
        TestbedClient lost = TestbedClient.of(nowhere, transport);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ServerUnreachableException blocking = assertThrows(ServerUnreachableException.class, () -> lost.send(lost.bytes(1, 10, Duration.ZERO)));
            CompletionException async = assertThrows(CompletionException.class, () -> lost.sendAsync(lost.bytes(1, 10, Duration.ZERO)).join());
            assertTrue(blocking.getMessage().contains(nowhere.toString()), blocking.getMessage());
            assertInstanceOf(ServerUnreachableException.class, async.getCause());
        });
    }

    /** The sequential model's timeout: the request carries its deadline, and the client enforces it. */
    @Test
    void aRequestsOwnTimeoutEndsItWithHttpTimeoutExceptionAndAbandonsIt() throws InterruptedException {
        HttpRequest slow = HttpRequest.newBuilder(client.bytes(7, 64, Duration.ofSeconds(5)), (name, value) -> true)
                .timeout(Duration.ofMillis(300)).build();

        long start = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> client.send(slow));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(Duration.ofMillis(290)) > 0 && took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took.toMillis() + " ms");
        assertEquals("abandoned 1, in flight 0", awaitAbandoned());
    }

    /**
     * The kind of IO behind {@code send}, read off the blocked thread's stack: with {@code apache}
     * the caller itself reads the socket (a channel read); with {@code jdk} it waits on a future
     * while the client's selector thread does the IO.
     */
    @ParameterizedTest(name = "virtual thread: {0}")
    @ValueSource(booleans = {false, true})
    void sendBlocksWhereTheTransportSaysItDoes(boolean virtual) throws Exception {
        Runnable call = () -> {
            try {
                client.send(client.bytes(1, 10, Duration.ofSeconds(1)));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        Thread caller = virtual ? Thread.ofVirtual().start(call) : Thread.ofPlatform().start(call);
        while (server.stats().inFlight() == 0) Thread.sleep(10);
        Thread.sleep(100);

        String stack = Arrays.toString(caller.getStackTrace());

        String expected = transport == Transport.APACHE ? "sun.nio.ch.SocketChannelImpl" : "java.util.concurrent.CompletableFuture.get";
        assertTrue(stack.contains(expected), "expected " + expected + " in " + stack);
        caller.join();
    }

    @Test
    void settingsNameTheLibraryAndItsLimits() {
        String settings = transport.settings();
        assertTrue(settings.startsWith(transport.id() + ": "), settings);
        assertTrue(settings.contains("HTTP/1.1") && settings.contains("connect timeout 5 s"), settings);
        if (transport == Transport.APACHE) assertTrue(settings.contains("100,000 connections") && settings.contains("IO threads"), settings);
        assertEquals(transport, Transport.of(transport.id()));
        assertEquals(transport, client.transport());
    }

    @Test
    void anUnknownTransportNamesTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transport.of("okhttp"));
        assertTrue(e.getMessage().contains("'okhttp'") && e.getMessage().contains("jdk, apache"), e.getMessage());
        assertEquals(System.getProperty(TestbedClient.PROPERTY) == null ? Transport.DEFAULT : Transport.of(System.getProperty(TestbedClient.PROPERTY)), Transport.current());
    }

    private String awaitAbandoned() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        ServerStats stats = server.stats();
        while ((stats.abandoned() != 1 || stats.inFlight() != 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            stats = server.stats();
        }
        return "abandoned " + stats.abandoned() + ", in flight " + stats.inFlight();
    }
}
