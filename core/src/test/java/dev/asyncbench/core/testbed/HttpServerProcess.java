package dev.asyncbench.core.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link HttpTestbedServer#main} in a child JVM, the way the bench runs it. A load test needs
 * this: one connection costs a file descriptor on each side, so ten thousand connections inside
 * one JVM would need twenty thousand, and this machine allows a process 20,000 in all.
 */
final class HttpServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("asyncbench-testbed http listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final URI uri;
    private final Path stderr;

    private HttpServerProcess(Process process, URI uri, Path stderr) {
        this.process = process;
        this.uri = uri;
        this.stderr = stderr;
    }

    /** Starts the server on a picked port and waits for its one line on stdout. */
    static HttpServerProcess start() throws IOException {
        Path stderr = Files.createTempFile("testbed-http-", ".err");
        // stdin stays a pipe we hold: if this JVM dies, the server sees end of input and stops
        Process process = new ProcessBuilder(command("--port", "0")).redirectError(stderr.toFile()).start();
        BufferedReader out = process.inputReader();
        String line;
        try {
            line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the server process did not print its address: " + e + "; stderr: " + Files.readString(stderr), e);
        }
        Matcher ready = READY.matcher(line == null ? "" : line);
        if (!ready.matches()) {
            process.destroyForcibly();
            throw new IOException("unexpected first line from the server process: '" + line + "'; stderr: " + Files.readString(stderr));
        }
        return new HttpServerProcess(process, URI.create(ready.group(1)), stderr);
    }

    /** The command line that runs {@link HttpTestbedServer#main} with {@code args} on this JVM's JDK and classpath. */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), HttpTestbedServer.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    URI uri() {
        return uri;
    }

    Process process() {
        return process;
    }

    /** What the server wrote to stderr so far. */
    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(cannot read " + stderr + ": " + e + ")";
        }
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    int stop() throws InterruptedException {
        process.toHandle().destroy(); // SIGTERM alone: Process.destroy() would also close its stdin
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server process ignored SIGTERM for 15 s; stderr: " + stderr());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        try {
            if (process.isAlive()) stop();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans up
            }
        }
    }
}
