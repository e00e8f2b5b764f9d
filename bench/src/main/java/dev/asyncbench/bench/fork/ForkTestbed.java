package dev.asyncbench.bench.fork;

import dev.asyncbench.bench.fork.ForkProtocol.Property;

import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.testbed.DatabaseChoice;
import dev.asyncbench.core.testbed.TestbedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The testbed as a measured fork sees it: the HTTP server and the database run in processes
 * of their own (started by {@code ./suite run}), and their addresses come in as system
 * properties, so no testbed thread shares the fork with the model being measured.
 */
public final class ForkTestbed {

    private static TestbedClient http;
    private static TestbedDatabase database;

    private ForkTestbed() {
    }

    /** Whether this fork was handed a server address. */
    public static boolean hasServer() {
        return Property.SERVER.get() != null;
    }

    public static synchronized TestbedClient http() {
        if (http == null) http = TestbedClient.of(URI.create(Property.SERVER.required("the HTTP testbed server's address, http://127.0.0.1:PORT")));
        return http;
    }

    /** A fresh pool of {@code poolSize} connections to the testbed database; the caller closes it. */
    public static synchronized OrdersRepository orders(int poolSize) {
        if (database == null) {
            String url = Property.DB.required("the testbed database's JDBC URL");
            if (!url.startsWith("jdbc:")) throw new IllegalStateException(Property.DB.key + " must be a jdbc: URL, was '" + url + "'");
            DatabaseChoice choice = DatabaseChoice.parse(url, Property.DB_USER.get(), Property.DB_PASSWORD.get());
            // attaching to a URL writes no files: the folder argument is not created
            database = TestbedDatabase.start(choice, Path.of(System.getProperty("java.io.tmpdir"), "asyncbench-db-attached"));
        }
        return database.orders(poolSize);
    }

    /**
     * Before a measured operation that cancels requests (race, timeout): waits, up to 5 s, until
     * the server has nothing in flight (what the previous operation cancelled has stopped), then
     * leaves {@code connections} idle keep-alive connections in each of the shared client's
     * styles' pools ({@code sendAsync}'s, and {@code send}'s on virtual threads: with the apache
     * transport they are two clients with a pool each), by as many requests at once, each held
     * 5 ms so that none can reuse another's connection. Every model then starts from the same
     * warm pool and a quiet server, instead of paying, inside its measured time, to reconnect
     * the sockets the previous operation's cancellations closed.
     */
    public static void quietAndWarm(int connections) {
        TestbedClient c = http();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (c.stats().inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        List<CompletableFuture<byte[]>> warming = new ArrayList<>();
        for (int i = 0; i < connections; i++) warming.add(c.sendAsync(c.bytes(i, 64, Duration.ofMillis(5))));
        try (ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                int seed = i;
                blocking.submit(() -> c.send(c.bytes(seed, 64, Duration.ofMillis(5))));
            }
        }
        warming.forEach(CompletableFuture::join);
    }

    public static Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder", e);
        }
    }

}
