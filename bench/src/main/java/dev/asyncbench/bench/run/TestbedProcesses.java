package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.ForkReport;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.core.io.TestbedClient;
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
 * threads run inside a measured fork. Started once per run, each in a session of its own
 * ({@code setsid}: a Ctrl-C at the terminal reaches the run, which stops them in order) with a
 * sub-folder of the {@link RunFolder} as its temporary folder; stopped at the end, on failure
 * and on a signal, the database first (PostgreSQL stopped, its cluster and shared memory
 * removed), then the server, then whatever their folders still hold.
 */
public final class TestbedProcesses implements AutoCloseable {

    static final String SERVER_MAIN = HttpTestbedServer.class.getName();
    static final String DB_MAIN = TestbedDatabase.class.getName();
    static final String SERVER_READY = "asyncbench-testbed http listening on ";
    static final String DB_READY = "asyncbench-testbed db ";
    /** The testbed JVMs' flags: not measured, but recorded. */
    static final List<String> FLAGS = List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC");
    private static final String SERVER_ROLE = "testbed-http";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String DB_ROLE = "testbed-db";
    /** PostgreSQL's fast shutdown may take this long (PostgresServer allows 30 s, then an immediate one). */
    private static final int DB_STOP_SECONDS = 45;

    private final Interruption interruption;
    private final RunFolder folder;
    private final TestbedClient.Transport httpClient;
    private final Thread hook = new Thread(this::close, "testbed-stop");
    private Process server;
    private Process database;
    private String serverUri;
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;
    private String dbDescription;
    private final List<Process> started = new ArrayList<>();
    /** Put before each testbed process's command: taskset to the testbed's CPUs, when the run splits them. */
    private List<String> cpuPrefix = List.of();

    TestbedProcesses(Interruption interruption, RunFolder folder, TestbedClient.Transport httpClient) {
        this.interruption = interruption;
        this.folder = folder;
        this.httpClient = httpClient;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** What a run's testbed is, in the results' words. */
    private String serverNote = "not used";
    private String databaseNote = "not used";

    /**
     * Starts what the run's scenarios use. A part that does not start ends the run before
     * anything is measured: a {@link RunProblem} saying which and why.
     */
    void startFor(RunSettings settings, Path logs, Progress progress) {
        cpuPrefix = settings.cpuSets().testbedPrefix();
        if (settings.needsServer() && settings.server() != null) {
            TestbedAddress.reach(settings.server());
            serverUri = settings.server();
            serverNote = "HTTP testbed server given with --http at " + serverUri + " (started elsewhere, e.g. by ./suite testbed)";
        } else if (settings.needsServer() && !interruption.requested()) {
            progress.note("starting the HTTP testbed server (its own JVM) ...");
            try {
                String uri = startServer(logs, LOOPBACK);
                serverNote = "Netty testbed server in its own JVM (" + String.join(" ", FLAGS) + ") at " + uri;
            } catch (RuntimeException e) {
                if (interruption.requested()) return;
                throw new RunProblem("the HTTP testbed server did not start: " + ForkReport.oneLine(e.getMessage()), e);
            }
        }
        if (settings.needsDatabase() && !interruption.requested()) {
            progress.note("starting the testbed database (" + settings.db() + ") ...");
            try {
                startDatabase(settings.db(), settings.dbUser(), settings.dbPassword(), logs, LOOPBACK);
                databaseNote = dbDescription();
            } catch (RuntimeException e) {
                if (interruption.requested()) return;
                throw new RunProblem("the testbed database did not start: " + ForkReport.oneLine(e.getMessage()), e);
            }
        }
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

    /** Starts the HTTP server listening on {@code host} (127.0.0.1 unless asked otherwise: then opt-in, open); returns its address. */
    String startServer(Path logs, String host) {
        List<String> args = new ArrayList<>(List.of(SERVER_MAIN, "--host", host, "--port", "0"));
        if (!TestbedAddress.loopback(host)) args.add("--open");
        Started started = start(SERVER_ROLE, args, SERVER_READY,
                logs.resolve("testbed-http.log"), 60);
        server = started.process();
        serverUri = started.line().substring(SERVER_READY.length()).trim();
        return serverUri;
    }

    /**
     * Starts (or, for a jdbc: URL, attaches to) the database; {@code choice} is auto, postgres, h2
     * or a URL. Its files go to the run folder's testbed-db, which the database process empties when it stops.
     * A PostgreSQL it starts listens on {@code host} (127.0.0.1 unless asked otherwise).
     */
    void startDatabase(String choice, String user, String password, Path logs, String host) {
        List<String> args = new ArrayList<>(List.of(DB_MAIN, "--db", choice, "--bind", host));
        if (user != null) args.addAll(List.of("--user", user));
        if (password != null) args.addAll(List.of("--password", password));
        Started started = start(DB_ROLE, args, DB_READY, logs.resolve("testbed-db.log"), 180);
        database = started.process();
        String line = started.line();
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

    /** Whether a testbed process (the HTTP server, the database) was started here. */
    synchronized boolean startedLocally() {
        return !started.isEmpty();
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
        if (server && serverUri != null) {
            props.put(Property.SERVER, serverUri);
            props.put(Property.HTTP_CLIENT, httpClient.id());
        }
        if (database && jdbcUrl != null) {
            props.put(Property.DB, jdbcUrl);
            if (dbUser != null) props.put(Property.DB_USER, dbUser);
            if (dbPassword != null) props.put(Property.DB_PASSWORD, dbPassword);
        }
        return props;
    }

    /** A testbed process that reported ready, and its ready line. */
    private record Started(Process process, String line) {
    }

    private Started start(String role, List<String> mainAndArgs, String ready, Path log, int timeoutSeconds) {
        List<String> command = new ArrayList<>();
        // a session of its own: a Ctrl-C at the terminal reaches the run, which stops the testbed in order
        if (Files.isExecutable(SETSID)) command.add(SETSID.toString());
        command.addAll(cpuPrefix);
        command.add(JavaCommand.javaBinary());
        command.add("-Djava.io.tmpdir=" + folder.child(role));
        command.addAll(FLAGS);
        command.addAll(List.of("-cp", JavaCommand.classPath()));
        command.addAll(mainAndArgs);
        Process p;
        synchronized (this) {
            if (interruption.requested()) throw new IllegalStateException("interrupted");
            try {
                Files.createDirectories(log.getParent());
                p = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + mainAndArgs.getFirst() + ": " + e.getMessage(), e);
            }
            interruption.spare(p.pid());
            started.add(p);
        }
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("testbed-log").start(() -> copy(p, ready, readyLine, log));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            while (true) {
                try {
                    return new Started(p, readyLine.get(100, TimeUnit.MILLISECONDS));
                } catch (TimeoutException notYet) {
                    if (interruption.requested()) throw new IllegalStateException("interrupted while starting " + mainAndArgs.getFirst());
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(mainAndArgs.getFirst() + " did not report ready within " + timeoutSeconds + " s; see " + log);
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage() + "; see " + log, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the testbed", e);
        }
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private static void copy(Process p, String ready, CompletableFuture<String> readyLine, Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            String first = "";
            while ((line = in.readLine()) != null) {
                out.println(line);
                // the first line that says what went wrong, not a usage line after it
                if (first.isEmpty() && !line.isBlank() && !line.startsWith(ready)) first = line;
                if (!readyLine.isDone() && line.startsWith(ready)) readyLine.complete(line);
            }
            readyLine.completeExceptionally(new IllegalStateException("the testbed process ended (exit "
                    + p.waitFor() + ") before it was ready" + (first.isEmpty() ? "" : ": " + first)));
        } catch (IOException | InterruptedException e) {
            readyLine.completeExceptionally(e);
        }
    }

    /**
     * Stops the testbed in order: the database (its JVM stops PostgreSQL, which removes its
     * shared memory, and empties its folder), then the HTTP server, each politely first and by
     * force after a while, with every process they started; then removes what their folders
     * still hold. Safe to call twice (the shutdown hook calls it too).
     */
    @Override
    public synchronized void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are the hook
        }
        stop(database, DB_STOP_SECONDS);
        stop(server, 15);
        for (Process p : started) stop(p, 5);
        started.clear();
        database = null;
        server = null;
        for (String role : List.of(DB_ROLE, SERVER_ROLE)) folder.clear(role);
    }

    private static void stop(Process p, int seconds) {
        if (p == null) return;
        // the tree first: once a process has ended its children are no longer its descendants
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroy();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
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
    }
}
