package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.TestbedClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load requirement: ten thousand requests waiting at once, all answered correctly,
 * sent by the {@link TestbedClient} every model uses. The server runs as a child process
 * ({@link HttpServerProcess}): this JVM holds the 10,000 client sockets, the child the 10,000
 * server sockets, each within the 20,000 files a process may open here.
 */
class HttpTenThousandTest {

    static final int REQUESTS = 10_000;
    static final int SIZE = 64;
    /**
     * Long enough that the first request still waits when the last one arrives: sending 10,000
     * took 2.3 to 2.8 s on this 2-core machine when quiet and 8.7 s when other builds kept it
     * busy (the JDK client connects on one selector thread).
     */
    static final Duration DELAY = Duration.ofSeconds(10);

    @Test
    void servesTenThousandConcurrentDelayedRequests() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start()) {
            TestbedClient client = TestbedClient.of(server.uri());
            client.resetStats();

            long start = System.nanoTime();
            List<CompletableFuture<byte[]>> calls = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) calls.add(client.sendAsync(client.bytes(i, SIZE, DELAY)));
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;

            for (int i = 0; i < REQUESTS; i++) assertArrayEquals(Bodies.bytes(i, SIZE), calls.get(i).join(), "body of request " + i);
            ServerStats stats = client.stats();
            System.out.printf("%d requests of %d ms in %.1f s; server: %s%n", REQUESTS, DELAY.toMillis(), seconds, stats.toJson());
            assertEquals(REQUESTS, stats.completed(), "completed: " + stats);
            assertEquals(0, stats.abandoned(), "abandoned: " + stats);
            assertEquals(0, stats.inFlight(), "in flight: " + stats);
            assertTrue(stats.peakInFlight() >= REQUESTS * 9 / 10, "at least 9,000 waited at once: " + stats);
            assertEquals("", server.stderr(), "server stderr");
        }
        // the server closed first, so the TIME_WAIT sockets are its own, not this side's ephemeral ports
    }
}
