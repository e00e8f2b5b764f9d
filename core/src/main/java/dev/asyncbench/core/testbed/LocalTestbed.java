package dev.asyncbench.core.testbed;

import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.TestbedClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** The HTTP server and the database in this JVM's reach, plus a temporary folder; see {@link Testbed}. */
final class LocalTestbed implements Testbed {

    private static LocalTestbed shared;

    private final Path home;
    private final HttpTestbedServer server;
    private final TestbedDatabase database;
    private final TestbedClient http;
    private final Thread cleanup = new Thread(this::close, "testbed-cleanup");
    private boolean closed;

    static synchronized Testbed shared() {
        if (shared == null || shared.closed) shared = start(DatabaseChoice.fromEnvironment());
        return shared;
    }

    static LocalTestbed start(DatabaseChoice choice) {
        Path home;
        try {
            home = Files.createTempDirectory("asyncbench-testbed-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the testbed's temporary folder", e);
        }
        HttpTestbedServer server = null;
        try {
            server = HttpTestbedServer.start("127.0.0.1", 0);
            TestbedDatabase database = TestbedDatabase.start(choice, home.resolve("db"));
            return new LocalTestbed(home, server, database);
        } catch (RuntimeException | Error e) {
            if (server != null) server.close();
            deleteTree(home);
            throw e;
        }
    }

    private LocalTestbed(Path home, HttpTestbedServer server, TestbedDatabase database) {
        this.home = home;
        this.server = server;
        this.database = database;
        this.http = TestbedClient.of(server.uri());
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    @Override
    public TestbedClient http() {
        return http;
    }

    @Override
    public ServerStats serverStats() {
        return server.stats();
    }

    @Override
    public void resetServerStats() {
        server.resetStats();
    }

    @Override
    public OrdersRepository orders(int poolSize) {
        return database.orders(poolSize);
    }

    @Override
    public String database() {
        return database.description();
    }

    @Override
    public Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(home, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder in " + home, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        // The shutdown hook stays registered: should the JVM be stopped while this runs, the
        // hook's call waits for this one (synchronized) and finds the work done.
        try {
            server.close();
        } finally {
            try {
                database.close();
            } finally {
                deleteTree(home);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("testbed: could not remove " + root + ": " + e.getMessage());
        }
    }
}
