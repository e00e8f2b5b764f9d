package dev.asyncbench.bench.run;

import dev.asyncbench.core.io.TestbedClient;

import java.net.URI;
import java.net.URISyntaxException;

/** An HTTP testbed server's address given on the command line ({@code run --http}): checked before the run, reached at its start. */
public final class TestbedAddress {

    private TestbedAddress() {
    }

    /** {@code value} as {@code http://host:port}; a {@link BadInput} naming what is wrong. */
    public static String http(String value) {
        try {
            URI uri = new URI(value.trim());
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 1
                    || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
                throw new BadInput("--http must be a testbed server's address, http://HOST:PORT, was '" + value + "'");
            }
            return "http://" + uri.getHost() + ":" + uri.getPort();
        } catch (URISyntaxException e) {
            throw new BadInput("--http must be a testbed server's address, http://HOST:PORT, was '" + value + "': " + e.getReason(), e);
        }
    }

    /** Whether a testbed server answers at {@code uri} (its counters, GET /stats); a {@link RunProblem} saying why not. */
    static void reach(String uri) {
        try {
            TestbedClient.of(URI.create(uri)).stats();
        } catch (RuntimeException e) {
            throw new RunProblem("the HTTP testbed server given with --http does not answer at " + uri + ": " + oneLine(e), e);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ");
    }

    /** Whether {@code host} names a loopback address (127.0.0.1, localhost, ::1). */
    static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
