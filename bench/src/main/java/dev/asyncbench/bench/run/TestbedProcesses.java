package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.ForkReport;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.core.testbed.HttpTestbedServer;
import dev.asyncbench.core.testbed.TestbedDatabase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The testbed's HTTP server and database, each in a JVM of its own, so that none of their
 * threads run inside a measured fork. Started once per run; stopped at the end, on failure,
 * and on Ctrl-C (a shutdown hook), with every process they started (PostgreSQL's too).
 */
public final class TestbedProcesses implements AutoCloseable {

    static final String SERVER_MAIN = HttpTestbedServer.class.getName();
    static final String DB_MAIN = TestbedDatabase.class.getName();
    static final String SERVER_READY = "asyncbench-testbed http listening on ";
    static final String DB_READY = "asyncbench-testbed db ";
    /** The testbed JVMs' flags: not measured, but recorded. */
    static final List<String> FLAGS = List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC");

    private final List<Process> processes = new ArrayList<>();
    private final Thread hook = new Thread(this::close, "testbed-stop");
    private String serverUri;
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;
    private String dbDescription;

    TestbedProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What a run's testbed is, or why a part of it is not up, in the results' words. */
    private String serverNote = "not used";
    private String databaseNote = "not used";
    private String serverProblem;
    private String databaseProblem;

    /**
     * Starts what the run's scenarios use; a part that does not start is noted, and the
     * combinations that need it are recorded as not run ({@link #problemFor}), never the end of the run.
     */
    void startFor(RunSettings settings, Path logs, Progress progress) {
        if (settings.needsServer()) {
            progress.note("starting the HTTP testbed server (its own JVM) ...");
            try {
                String uri = startServer(logs);
                serverNote = "Netty testbed server in its own JVM (" + String.join(" ", FLAGS) + ") at " + uri;
            } catch (RuntimeException e) {
                serverProblem = "the HTTP testbed server did not start: " + ForkReport.oneLine(e.getMessage());
                serverNote = serverProblem;
                progress.note(serverProblem);
            }
        }
        if (settings.needsDatabase()) {
            progress.note("starting the testbed database (" + settings.db() + ") ...");
            try {
                startDatabase(settings.db(), settings.dbUser(), settings.dbPassword(), logs);
                databaseNote = dbDescription();
            } catch (RuntimeException e) {
                databaseProblem = "the testbed database did not start: " + ForkReport.oneLine(e.getMessage());
                databaseNote = databaseProblem;
                progress.note(databaseProblem);
            }
        }
    }

    /** Why {@code s} cannot run (the part of the testbed it needs is not up), or null. */
    String problemFor(BenchScenario s) {
        return s.needsServer() && serverProblem != null ? serverProblem : s.needsDatabase() && databaseProblem != null ? databaseProblem : null;
    }

    /** The HTTP server, for the results; its capacity is added once measured. */
    String serverNote() {
        return serverNote;
    }

    void addToServerNote(String more) {
        serverNote += "; " + more;
    }

    String databaseNote() {
        return databaseNote;
    }

    /** Starts the HTTP server; returns its address. */
    String startServer(Path logs) {
        String line = start(List.of(SERVER_MAIN, "--port", "0"), SERVER_READY, logs.resolve("testbed-http.log"), 60);
        serverUri = line.substring(SERVER_READY.length()).trim();
        return serverUri;
    }

    /**
     * Starts (or, for a jdbc: URL, attaches to) the database; {@code choice} is auto, postgres, h2
     * or a URL. Its files go to a temporary folder the database process removes when it stops.
     */
    void startDatabase(String choice, String user, String password, Path logs) {
        List<String> args = new ArrayList<>(List.of(DB_MAIN, "--db", choice));
        if (user != null) args.addAll(List.of("--user", user));
        if (password != null) args.addAll(List.of("--password", password));
        String line = start(args, DB_READY, logs.resolve("testbed-db.log"), 180);
        // asyncbench-testbed db url=... user=... password=... description=...
        String rest = line.substring(DB_READY.length());
        int d = rest.indexOf("description=");
        dbDescription = d < 0 ? "unknown" : rest.substring(d + "description=".length()).trim();
        for (String part : (d < 0 ? rest : rest.substring(0, d)).trim().split("\\s+")) {
            if (part.startsWith("url=")) jdbcUrl = part.substring(4);
            else if (part.startsWith("user=") && part.length() > 5) dbUser = part.substring(5);
            else if (part.startsWith("password=") && part.length() > 9) dbPassword = part.substring(9);
        }
        if (jdbcUrl == null) throw new IllegalStateException("the testbed database printed no url: '" + line + "'");
    }

    String serverUri() {
        return serverUri;
    }

    String dbDescription() {
        return dbDescription == null ? "not used" : dbDescription;
    }

    /**
     * The system properties a fork needs to attach, only for the parts its scenario uses: a fork
     * that is handed no server address opens no HTTP client (whose threads would count as the
     * model's).
     */
    Map<Property, String> forkProperties(boolean server, boolean database) {
        Map<Property, String> props = new EnumMap<>(Property.class);
        if (server && serverUri != null) props.put(Property.SERVER, serverUri);
        if (database && jdbcUrl != null) {
            props.put(Property.DB, jdbcUrl);
            if (dbUser != null) props.put(Property.DB_USER, dbUser);
            if (dbPassword != null) props.put(Property.DB_PASSWORD, dbPassword);
        }
        return props;
    }

    private String start(List<String> mainAndArgs, String ready, Path log, int timeoutSeconds) {
        List<String> command = new ArrayList<>(JavaCommand.java());
        command.addAll(FLAGS);
        command.addAll(List.of("-cp", JavaCommand.classPath()));
        command.addAll(mainAndArgs);
        Process p;
        try {
            Files.createDirectories(log.getParent());
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + mainAndArgs.getFirst() + ": " + e.getMessage(), e);
        }
        processes.add(p);
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("testbed-log").start(() -> copy(p, ready, readyLine, log));
        try {
            return readyLine.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(mainAndArgs.getFirst() + " did not report ready within " + timeoutSeconds + " s; see " + log);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + "; see " + log, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the testbed", e);
        }
    }

    private static void copy(Process p, String ready, CompletableFuture<String> readyLine, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            String last = "";
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (!line.isBlank()) last = line;
                if (!readyLine.isDone() && line.startsWith(ready)) readyLine.complete(line);
            }
            readyLine.completeExceptionally(new IllegalStateException("the testbed process ended (exit "
                    + p.waitFor() + ") before it was ready" + (last.isEmpty() ? "" : ": " + last)));
        } catch (IOException | InterruptedException e) {
            readyLine.completeExceptionally(e);
        }
    }

    /** Stops every process and their descendants: politely first (the database stops PostgreSQL), then by force. */
    @Override
    public synchronized void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are the hook
        }
        // the tree first: once a process has ended its children are no longer its descendants
        List<ProcessHandle> tree = new ArrayList<>();
        for (Process p : processes) p.descendants().forEach(tree::add);
        for (Process p : processes) p.destroy();
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // still there: below
            }
            if (h.isAlive()) h.destroyForcibly();
        }
        processes.clear();
    }
}
