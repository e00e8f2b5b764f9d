package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.TestbedClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link HttpTestbedServer#main}: the server as a process of its own, as the bench runs it. */
class HttpServerMainTest {

    /** A JVM ended by SIGTERM runs its shutdown hooks and exits with 128 + 15. */
    static final int SIGTERM_EXIT = 143;

    @Test
    void printsItsAddressServesAndStopsCleanlyOnSigterm() throws Exception {
        HttpServerProcess server = HttpServerProcess.start();
        int port = server.uri().getPort();
        assertTrue(port >= 20_000 && port <= 32_000, "picked port " + port);
        TestbedClient client = TestbedClient.of(server.uri());
        assertEquals("replica a", new String(client.send(client.replica(dev.asyncbench.core.spec.Replica.of("a", Duration.ofMillis(5)))), StandardCharsets.UTF_8));

        int exit = server.stop();

        assertEquals(SIGTERM_EXIT, exit, "stderr: " + server.stderr());
        assertEquals("", server.stderr());
        try (ServerSocket rebound = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(port, rebound.getLocalPort(), "the port is free again");
        }
        server.close();
    }

    @Test
    void stopsWhenItsStandardInputEnds() throws Exception {
        try (HttpServerProcess server = HttpServerProcess.start()) {
            server.process().getOutputStream().close(); // what happens when the parent dies

            assertTrue(server.process().waitFor(15, TimeUnit.SECONDS), "still running 15 s after stdin closed");
            assertEquals(0, server.process().exitValue());
            assertTrue(server.stderr().contains("standard input closed"), server.stderr());
        }
    }

    @Test
    void aBadOptionPrintsUsageAndExits2() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(HttpServerProcess.command("--port", "lots")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(15, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("usage: HttpTestbedServer"), output);
    }

    @Test
    void aPortThatCannotBeHadExits1WithTheReasonAlone() throws IOException, InterruptedException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Process process = new ProcessBuilder(HttpServerProcess.command("--port", String.valueOf(taken.getLocalPort())))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(process.waitFor(15, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue(), output);
            assertTrue(output.contains("cannot listen on 127.0.0.1, port " + taken.getLocalPort()), output);
            assertTrue(!output.contains("usage:"), "the reason, not the usage: " + output);
        }
    }
}
