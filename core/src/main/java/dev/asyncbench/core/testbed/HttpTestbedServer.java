package dev.asyncbench.core.testbed;

import java.net.URI;

/** STUB: replaced by the Netty implementation (see the testbed-http work). */
public final class HttpTestbedServer implements AutoCloseable {
    /** Starts on host:port; port 0 picks a free port below 32768 (never an ephemeral one). */
    public static HttpTestbedServer start(String host, int port) {
        throw new UnsupportedOperationException("not yet");
    }

    public URI uri() {
        throw new UnsupportedOperationException("not yet");
    }

    public ServerStats stats() {
        throw new UnsupportedOperationException("not yet");
    }

    public void resetStats() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
