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

    public static Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder", e);
        }
    }

}
