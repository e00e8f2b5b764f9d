package dev.asyncbench.core.testbed;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoints, their counters and errors, and a clean stop; one fresh server per test. */
class HttpTestbedServerTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpTestbedServer server;

    @BeforeEach
    void start() {
        server = HttpTestbedServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void closeClient() {
        HTTP.close();
    }

    // ---- bodies ---------------------------------------------------------------------------

    @Test
    void bytesAreTheDocumentedSplitMix64Stream() {
        // SplitMix64 from seed 0: first output 0xE220A8397B1DCDAF (the published reference value)
        byte[] body = get("/bytes?seed=0&size=8").body();
        assertEquals(0xE220A8397B1DCDAFL, ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    @Test
    void bytesAreDeterministicAndExactlyTheAskedSize() {
        for (int size : new int[] {0, 1, 7, 8, 9, 1000, 65_537}) {
            Answer first = get("/bytes?seed=42&size=" + size);
            assertEquals(200, first.status());
            assertEquals(size, first.body().length, "size " + size);
            assertArrayEquals(first.body(), get("/bytes?seed=42&size=" + size).body(), "same seed, same bytes");
            assertArrayEquals(Bodies.bytes(42, size), first.body(), "the reference function");
        }
        assertArrayEquals(Arrays.copyOf(get("/bytes?seed=42&size=1000").body(), 10), get("/bytes?seed=42&size=10").body(),
                "a shorter body is a prefix of a longer one");
        assertFalse(Arrays.equals(get("/bytes?seed=1&size=64").body(), get("/bytes?seed=2&size=64").body()), "seeds differ");
    }

    @Test
    void profilesAreDeterministicSmallJson() {
        String seven = get("/profile?id=7").bodyText();
        assertEquals(seven, get("/profile?id=7").bodyText());
        assertTrue(seven.startsWith("{\"id\":7,") && seven.endsWith("}"), seven);
        assertTrue(seven.length() >= 200 && seven.length() <= 500, "about 300 bytes: " + seven.length());
        assertFalse(seven.equals(get("/profile?id=8").bodyText()));
        assertEquals("application/json", get("/profile?id=7").response().headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void aReplicaAnswersItsNameOrFailsWith503() {
        Answer ok = get("/replica?name=east&delayMs=10&fail=false");
        assertEquals(200, ok.status());
        assertEquals("replica east", ok.bodyText());
        Answer failed = get("/replica?name=west&fail=true");
        assertEquals(503, failed.status());
        assertEquals("replica west failed", failed.bodyText());
        assertEquals("replica a b", get("/replica?name=a%20b").bodyText(), "names are URL-decoded");
    }

    @Test
    void theSharedClientEncodesReplicaNamesAsTheServerDecodesThem() throws Exception {
        var client = dev.asyncbench.core.io.TestbedClient.of(server.uri());
        for (String name : List.of("a b", "east&fail=true", "a+b", "100%", "ост/?#")) {
            var replica = dev.asyncbench.core.spec.Replica.of(name, java.time.Duration.ZERO);
            assertEquals("replica " + name, new String(client.send(client.replica(replica)), StandardCharsets.UTF_8), name);
        }
    }

    @Test
    void theAnswerComesAfterItsDelay() {
        long start = System.nanoTime();
        assertEquals(200, get("/bytes?seed=1&size=10&delayMs=300").status());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 300 && ms < 3_000, "300 ms delay took " + ms + " ms");
    }

    /** With a distribution, the request waits its draw: here every request at 3 x L. */
    @Test
    void aDistributionsDrawSetsTheDelay() {
        long start = System.nanoTime();
        assertEquals(200, get("/bytes?seed=7&size=10&delayMs=100&dist=bimodal:f%3D1,m%3D3").status());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 300 && ms < 3_000, "3 x 100 ms took " + ms + " ms");
    }

    // ---- counters -------------------------------------------------------------------------

    @Test
    void countsInFlightPeakAndCompleted() {
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) calls.add(HTTP.sendAsync(request("GET", "/bytes?seed=" + i + "&size=10&delayMs=1000"), HttpResponse.BodyHandlers.ofByteArray()));
        awaitInFlight(server, 20);
        assertEquals(new ServerStats(20, 20, 0, 0, 0, 20, 20, 0, 0), server.stats().counts(), "all 20 wait at once, each on a connection of its own");

        calls.forEach(CompletableFuture::join);

        assertEquals(new ServerStats(0, 20, 20, 0, 0, 20, 20, 0, 0), server.stats().counts(), "the connections stay open for the next requests");
        ServerStats parsed = ServerStats.parse(get("/stats").bodyText());
        assertEquals(server.stats().counts(), parsed.counts(), "GET /stats says the same");
        assertTrue(parsed.quietMicros() >= 0 && parsed.quietMicros() < 60_000_000, "nothing in flight: quiet for a while, " + parsed);
    }

    @Test
    void storesAreCountedAndResetZeroesTheTotals() {
        assertEquals(204, send("POST", "/store?id=1&digest=00ff").status());
        assertEquals(204, send("POST", "/store?id=2&digest=" + Long.toHexString(-1L)).status());
        get("/profile?id=1");
        assertEquals(new ServerStats(0, 1, 1, 0, 2, 0, 0, 0, 0), requestsOnly(server.stats()));

        assertEquals(204, send("POST", "/reset").status());

        assertEquals(new ServerStats(0, 0, 0, 0, 0, 0, 0, 0, 0), requestsOnly(server.stats()));
        get("/profile?id=1");
        server.resetStats();
        assertEquals(new ServerStats(0, 0, 0, 0, 0, 0, 0, 0, 0), requestsOnly(server.stats()), "the in-process reset does the same");
    }

    @Test
    void resetKeepsWhatIsInFlightAsTheNewPeak() {
        CompletableFuture<HttpResponse<byte[]>> waiting = HTTP.sendAsync(request("GET", "/bytes?seed=1&size=1&delayMs=500"), HttpResponse.BodyHandlers.ofByteArray());
        awaitInFlight(server, 1);
        server.resetStats();
        assertEquals(new ServerStats(1, 1, 0, 0, 0, 1, 0, 0, 0), server.stats().counts(), "the open connection stays counted, its opening is before the reset");
        waiting.join();
        assertEquals(new ServerStats(0, 1, 1, 0, 0, 1, 0, 0, 0), server.stats().counts());
    }

    @Test
    void countsConnectionsOpenNowAndOpenedAndClosedSinceTheReset() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) sockets.add(new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort()));
            awaitStats(server, s -> s.connections() == 3);
            sockets.get(0).close();
            sockets.get(1).close();
            awaitStats(server, s -> s.connectionsClosed() == 2);
            assertEquals(new ServerStats(0, 0, 0, 0, 0, 1, 3, 2, 0), server.stats().counts(), "no request, three connections, two closed");
            server.resetStats();
            assertEquals(new ServerStats(0, 0, 0, 0, 0, 1, 0, 0, 0), server.stats().counts(), "the open one stays counted");
        } finally {
            for (Socket socket : sockets) socket.close();
        }
        awaitStats(server, s -> s.connections() == 0);
        assertEquals(new ServerStats(0, 0, 0, 0, 0, 0, 0, 1, 0), server.stats().counts());
    }

    /** The request counters alone: how many connections a client uses for one request after another is its own business. */
    private static ServerStats requestsOnly(ServerStats s) {
        return new ServerStats(s.inFlight(), s.peakInFlight(), s.completed(), s.abandoned(), s.stored(), 0, 0, 0, 0);
    }

    // ---- errors ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            GET  | /bytes?size=1                      | 400 | parameter 'seed' is required
            GET  | /bytes?seed=1                      | 400 | parameter 'size' is required
            GET  | /bytes?seed=x&size=1               | 400 | 'seed' must be an integer, was 'x'
            GET  | /bytes?seed=1&size=-1              | 400 | 'size' must be from 0 to 67108864, was -1
            GET  | /bytes?seed=1&size=1&delayMs=-5    | 400 | 'delayMs' must be from 0 to 600000, was -5
            GET  | /bytes?seed=1&size=1&delayMs=600001| 400 | 'delayMs' must be from 0 to 600000
            GET  | /bytes?seed=1&size=1&delay=100     | 400 | unknown parameter 'delay'; /bytes takes seed, size, delayMs, dist
            GET  | /bytes?seed=1&size=1&dist=pareto   | 400 | parameter 'dist': malformed dist 'pareto'
            GET  | /bytes?seed=1&seed=2&size=1        | 400 | parameter 'seed' is given 2 times
            GET  | /profile?id=                       | 400 | 'id' must be an integer, was ''
            GET  | /replica?name=a&fail=yes           | 400 | 'fail' must be true or false, was 'yes'
            GET  | /replica?fail=true                 | 400 | parameter 'name' is required
            POST | /store?id=1&digest=xyz             | 400 | 'digest' must be 1 to 128 hexadecimal digits, was 'xyz'
            POST | /store?id=1                        | 400 | parameter 'digest' is required
            GET  | /nowhere                           | 404 | no such path: /nowhere
            POST | /bytes?seed=1&size=1               | 405 | /bytes takes GET, not POST
            GET  | /store?id=1&digest=ab              | 405 | /store takes POST, not GET
            GET  | /reset                             | 405 | /reset takes POST, not GET
            """)
    void badRequestsAreRefusedWithAMessageThatSaysWhy(String method, String target, int status, String message) {
        Answer answer = send(method, target);
        assertEquals(status, answer.status(), answer.bodyText());
        assertTrue(answer.bodyText().contains(message), "'" + answer.bodyText() + "' should say '" + message + "'");
        assertEquals(new ServerStats(0, 0, 0, 0, 0, 0, 0, 0, 0), requestsOnly(server.stats()), "a refused request is not counted");
    }

    @Test
    void refusesToListenBeyondLoopback() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpTestbedServer.start("192.0.2.1", 0));
        assertTrue(e.getMessage().contains("loopback only"), e.getMessage());
    }

    /** Opt-in ({@code ./suite testbed --bind 0.0.0.0}): on every interface, named by an address another machine reaches. */
    @Test
    void opensBeyondLoopbackOnlyWhenAskedAndNamesAReachableAddress() throws IOException, InterruptedException {
        try (HttpTestbedServer open = HttpTestbedServer.startOpen("0.0.0.0", 0)) {
            assertFalse(open.uri().getHost().equals("0.0.0.0"), open.uri().toString());
            assertEquals(Addresses.reachable(InetAddress.getByName("0.0.0.0")), open.uri().getHost());
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(open.uri().resolve("/replica?name=a&delayMs=0")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("replica a", answer.body());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /replica?name=slow&delayMs=300 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /replica?name=fast HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answers = readUntil(socket, "replica fast");
            assertTrue(answers.indexOf("replica slow") < answers.indexOf("replica fast"), answers);
        }
        assertEquals(2, server.stats().completed());
    }

    @Test
    void aMalformedRequestGetsA400AndTheConnectionCloses() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /bytes HTTP/9.9 and more\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        }
    }

    @Test
    void aClientThatHangsUpAbandonsItsRequest() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.uri().getPort())) {
            socket.getOutputStream().write("GET /profile?id=1&delayMs=5000 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            awaitInFlight(server, 1);
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (server.stats().abandoned() == 0 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(new ServerStats(0, 1, 0, 1, 0, 0, 1, 1, 0), server.stats().counts());
    }

    // ---- ports and threads ----------------------------------------------------------------

    @Test
    void aPickedPortIsBelowTheEphemeralRange() {
        int port = server.uri().getPort();
        assertTrue(port >= 20_000 && port <= 32_000, "port " + port);
        assertEquals("127.0.0.1", server.uri().getHost());
    }

    @Test
    void aTakenPortIsReportedNotStolen() {
        int taken = server.uri().getPort();
        RuntimeException e = assertThrows(RuntimeException.class, () -> HttpTestbedServer.start("127.0.0.1", taken));
        assertTrue(e.getMessage().contains("port " + taken), e.getMessage());
    }

    @Test
    void closeFreesThePortAndEndsEveryThread() throws IOException {
        server.close();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        HttpTestbedServer second = HttpTestbedServer.start("127.0.0.1", 0);
        int port = second.uri().getPort();
        CompletableFuture<HttpResponse<byte[]>> pending = HTTP.sendAsync(request("GET", second.uri(), "/bytes?seed=1&size=1&delayMs=5000"), HttpResponse.BodyHandlers.ofByteArray());
        awaitInFlight(second, 1);

        second.close();

        assertEquals(new ServerStats(0, 1, 0, 1, 0, 0, 1, 1, 0), second.stats().counts(), "closing drops the waiting request and its connection");
        assertThrows(Exception.class, pending::join, "the client sees its connection closed");
        try (ServerSocket rebound = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(port, rebound.getLocalPort(), "the port is free again");
        }
        // Netty's GlobalEventExecutor (a non-daemon helper thread used while closing channels)
        // ends by itself after a second of quiet: allow every new thread a few seconds to end.
        Set<String> left = Set.of();
        for (long deadline = System.nanoTime() + 5_000_000_000L; System.nanoTime() < deadline; ) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !before.contains(t))
                    .filter(t -> !t.isDaemon() || t.getName().startsWith("testbed-http"))
                    .map(Thread::getName).collect(Collectors.toSet());
            if (left.isEmpty()) break;
            LockSupport.parkNanos(50_000_000L);
        }
        assertEquals(Set.of(), left, "no event-loop thread and no non-daemon thread outlives close() by seconds");
        server = HttpTestbedServer.start("127.0.0.1", 0); // for @AfterEach
    }

    // ---- helpers --------------------------------------------------------------------------

    record Answer(HttpResponse<byte[]> response) {
        int status() {
            return response.statusCode();
        }

        byte[] body() {
            return response.body();
        }

        String bodyText() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }
    }

    Answer get(String target) {
        return send("GET", target);
    }

    Answer send(String method, String target) {
        try {
            return new Answer(HTTP.send(request(method, target), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(method + " " + target + " failed", e);
        }
    }

    static String readUntil(Socket socket, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!text.toString().contains(end)) {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) break;
            text.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
        }
        return text.toString();
    }

    static void awaitInFlight(HttpTestbedServer server, int requests) {
        awaitStats(server, s -> s.inFlight() >= requests);
    }

    static void awaitStats(HttpTestbedServer server, Predicate<ServerStats> condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.test(server.stats())) {
            assertTrue(System.nanoTime() < deadline, "waited 5 s for the counters, now " + server.stats());
            Thread.onSpinWait();
        }
    }

    HttpRequest request(String method, String target) {
        return request(method, server.uri(), target);
    }

    static HttpRequest request(String method, URI server, String target) {
        return HttpRequest.newBuilder(server.resolve(target)).method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
}
