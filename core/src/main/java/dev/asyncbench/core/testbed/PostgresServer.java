package dev.asyncbench.core.testbed;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of our own: a fresh cluster in a temporary folder under the work folder,
 * the {@code postgres} server as our child process on a loopback port (another address when
 * asked), stopped (fast shutdown)
 * and removed on {@link #close()}, which a shutdown hook also calls.
 */
final class PostgresServer implements AutoCloseable {

    /*
     * Overview:
     *
     * Layout: <workDir>/postgres-<random>/ holds data/ (the cluster), initdb.log and server.log.
     *
     * PostgreSQL refuses to run as root. When we are root (the uid of a folder we just created
     * is 0) every PostgreSQL binary runs through `runuser -u postgres --`, the temporary folder
     * is chown'd to postgres, and folders above it that we may change (those inside the system
     * temporary folder or the work folder) get o+x so that postgres can reach it.
     *
     * Settings: listen on 127.0.0.1 only (unless started with another address, opt-in: then
     * there, and pg_hba.conf lets any host in with the password), no unix socket (its path limit of 107 bytes would
     * fail in deep work folders, and nothing here uses it), durability off (fsync,
     * synchronous_commit, full_page_writes: a throwaway cluster), dynamic shared memory in
     * files of the cluster (mmap: nothing in /dev/shm outlives the folder), max_connections room for two
     * pools of the largest size at once. Password (scram-sha-256) generated per server.
     *
     * Stopping: SIGINT to the postmaster (fast shutdown: ends sessions, exits once its children
     * did), then SIGQUIT (immediate), then SIGKILL to the whole process tree. The postmaster's
     * pid comes from postmaster.pid, or from the process tree while it starts (under runuser
     * the postmaster is runuser's child). A running initdb is killed.
     *
     * Races with the shutdown hook: close() may run (from the hook, on SIGTERM or Ctrl-C) while
     * start() is still working in another thread. Every child is spawned under this object's
     * lock and only while not closed, so close() either sees it and stops it, or it is never
     * spawned. The hook stays registered until close() is done, so a JVM told to exit while
     * close() runs in another thread waits for it instead of halting halfway.
     */

    static final String USER = "asyncbench";
    static final String DATABASE = "postgres";
    static final int MAX_CONNECTIONS = 2 * TestbedDatabase.MAX_POOL_SIZE + 40;
    private static final String OS_USER = "postgres";
    private static final int PORT_ATTEMPTS = 5;
    private static final Duration INITDB_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(5);

    private final Path bin;
    private final Path workDir;
    private final boolean createdWorkDir;
    private final Path home;
    private final boolean root;
    /** Where it listens: 127.0.0.1 unless asked otherwise. */
    private final InetAddress listen;
    private final String password = TestbedDatabase.randomToken(24);
    private final Thread cleanup = new Thread(this::close, "testbed-postgres-cleanup");
    /** initdb while it runs (spawned and read under this object's lock, like the next one). */
    private Process initdb;
    /** The server: postgres itself, or runuser above it when we are root. */
    private Process process;
    /** The postgres postmaster, once it accepted a connection (the pid in postmaster.pid). */
    private volatile ProcessHandle postmaster;
    private volatile int port;
    private boolean closed;

    private PostgresServer(Path bin, Path workDir, InetAddress listen) throws IOException {
        this.bin = bin;
        this.listen = listen;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.createdWorkDir = !Files.exists(this.workDir);
        Files.createDirectories(this.workDir);
        this.home = Files.createTempDirectory(this.workDir, "postgres-");
        this.root = isRoot(home);
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** The newest server binaries: /usr/lib/postgresql/N/bin, else the folder of pg_ctl on PATH. */
    static Optional<Path> binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions
                        .filter(v -> version(v) != null && hasServer(v.resolve("bin")))
                        .max(Comparator.comparing(PostgresServer::version))
                        .map(v -> v.resolve("bin"));
                if (newest.isPresent()) return newest;
            } catch (IOException e) {
                // fall through to PATH
            }
        }
        return onPath("pg_ctl").map(PostgresServer::realParent).filter(PostgresServer::hasServer);
    }

    /** Makes, starts and waits for a server; on any failure, stops what started and removes the folder. */
    static PostgresServer start(Path bin, Path workDir, Duration readyTimeout) {
        return start(bin, workDir, readyTimeout, List.of());
    }

    /** As {@link #start(Path, Path, Duration)}, with settings ({@code name=value}) that override ours: for tests. */
    static PostgresServer start(Path bin, Path workDir, Duration readyTimeout, List<String> overrides) {
        return start(bin, workDir, readyTimeout, overrides, Addresses.LOOPBACK);
    }

    /**
     * As {@link #start(Path, Path, Duration)}, listening on {@code listen}; beyond loopback
     * (opt-in: {@code ./suite testbed --bind}) any host may log in with the password, and
     * {@link #jdbcUrl()} names an address other machines reach.
     */
    static PostgresServer start(Path bin, Path workDir, Duration readyTimeout, List<String> overrides, InetAddress listen) {
        PostgresServer server;
        try {
            server = new PostgresServer(bin, workDir, listen);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for PostgreSQL in " + workDir, e);
        }
        try {
            server.initdb();
            server.launch(readyTimeout, overrides);
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + Addresses.urlHost(Addresses.reachable(listen)) + ":" + port + "/" + DATABASE;
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    /** The temporary folder holding the cluster and logs; gone after close. */
    Path home() {
        return home;
    }

    /** The postmaster, once it accepted a connection. */
    Optional<ProcessHandle> postmaster() {
        return Optional.ofNullable(postmaster);
    }

    private void initdb() {
        Path passwordFile = home.resolve("password");
        try {
            if (root) {
                grantTraversal();
                Files.setOwner(home, osUser());
            }
            Files.writeString(passwordFile, password);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            if (root) Files.setOwner(passwordFile, osUser());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home + " for PostgreSQL", e);
        }
        try {
            runInitdb(List.of(bin.resolve("initdb").toString(), "-D", dataDir().toString(), "-U", USER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"),
                    home.resolve("initdb.log"));
            if (!listen.isLoopbackAddress()) {
                // initdb lets in loopback clients only; beyond loopback, anyone with the password
                Files.writeString(dataDir().resolve("pg_hba.conf"), "host all all all scram-sha-256\n", StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot let remote clients into PostgreSQL (pg_hba.conf)", e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                System.err.println("testbed: could not remove " + passwordFile + ": " + e.getMessage());
            }
        }
    }

    private void launch(Duration readyTimeout, List<String> overrides) {
        Path log = home.resolve("server.log");
        for (int attempt = 1; ; attempt++) {
            port = TestbedDatabase.freeLoopbackPort();
            List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(), "-D", dataDir().toString(),
                    "-c", "listen_addresses=" + (listen.isAnyLocalAddress() ? "*" : listen.getHostAddress()), "-c", "port=" + port, "-c", "unix_socket_directories=",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "max_connections=" + MAX_CONNECTIONS,
                    // dynamic shared memory as files in the cluster's folder, not /dev/shm: removed with it whatever happens
                    "-c", "dynamic_shared_memory_type=mmap"));
            overrides.forEach(setting -> command.addAll(List.of("-c", setting)));
            spawn(command, ProcessBuilder.Redirect.appendTo(log.toFile()), true);
            if (awaitReady(readyTimeout, log)) break;
            String tail = tail(log);
            boolean portTaken = tail.contains("could not bind") || tail.contains("already in use");
            if (!portTaken || attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException("PostgreSQL exited with code " + process.exitValue()
                        + " while starting; " + log + " ends with:\n" + tail);
            }
        }
        postmaster = readPostmasterPid().flatMap(ProcessHandle::of).orElseThrow(() ->
                new IllegalStateException("PostgreSQL accepts connections but " + dataDir().resolve("postmaster.pid")
                        + " names no live process"));
    }

    /** True once our server accepts a connection with our password; false if it exited first. */
    private boolean awaitReady(Duration timeout, Path log) {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", password);
        login.setProperty("connectTimeout", "5");
        login.setProperty("loginTimeout", "5");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) return false;
            try (Connection ignored = DriverManager.getConnection(jdbcUrl(), login)) {
                return true;
            } catch (SQLException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("PostgreSQL did not accept connections on " + jdbcUrl() + " within "
                            + timeout.toSeconds() + " s (last error: " + notYet.getMessage() + "); " + log
                            + " ends with:\n" + tail(log));
                }
            }
            sleep(Duration.ofMillis(20));
        }
    }

    /** Starts the server or initdb (as the postgres user when we are root) and records it, unless closed. */
    private synchronized Process spawn(List<String> command, ProcessBuilder.Redirect output, boolean server) {
        if (closed) throw new IllegalStateException("PostgreSQL was stopped while it started");
        try {
            Process child = new ProcessBuilder(asOsUser(command)).redirectErrorStream(true).redirectOutput(output).start();
            if (server) process = child;
            else initdb = child;
            child.getOutputStream().close();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            killTree(initdb);
            stop();
        } finally {
            LocalTestbed.deleteTree(home);
            if (createdWorkDir) {
                try {
                    Files.deleteIfExists(workDir);
                } catch (IOException notEmpty) {
                    // someone else's files live there too: leave it
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException alreadyShuttingDown) {
                // we may be the hook
            }
        }
    }

    /** SIGKILL to a child and everything under it, and wait for them: for initdb, which has nothing to save. */
    private static void killTree(Process child) {
        if (child == null) return;
        List<ProcessHandle> tree = Stream.concat(Stream.of(child.toHandle()), child.descendants()).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, IMMEDIATE_SHUTDOWN);
    }

    private void stop() {
        if (process == null) return;
        List<ProcessHandle> targets = shutdownTargets();
        signal("INT", targets);
        if (!awaitExit(targets, FAST_SHUTDOWN)) {
            System.err.println("testbed: PostgreSQL did not stop within " + FAST_SHUTDOWN.toSeconds()
                    + " s of a fast shutdown; stopping it immediately");
            signal("QUIT", targets);
            if (!awaitExit(targets, IMMEDIATE_SHUTDOWN)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                targets.forEach(ProcessHandle::destroyForcibly);
            }
        }
        try {
            if (!process.waitFor(IMMEDIATE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(IMMEDIATE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The postmaster if known; else, while it starts, runuser's children or our own child. */
    private List<ProcessHandle> shutdownTargets() {
        if (postmaster != null) return List.of(postmaster);
        Optional<ProcessHandle> fromFile = readPostmasterPid().flatMap(ProcessHandle::of);
        if (fromFile.isPresent()) return List.of(fromFile.get());
        if (root) {
            List<ProcessHandle> children = process.children().toList();
            if (!children.isEmpty()) return children;
        }
        return List.of(process.toHandle());
    }

    private static void signal(String signal, List<ProcessHandle> targets) {
        List<String> command = new ArrayList<>(List.of(onPath("kill").map(Path::toString).orElse("kill"), "-s", signal));
        targets.stream().filter(ProcessHandle::isAlive).forEach(p -> command.add(Long.toString(p.pid())));
        if (command.size() == 3) return;
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(IMMEDIATE_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            System.err.println("testbed: cannot send SIG" + signal + " to PostgreSQL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False if they still run after the timeout, or if we are interrupted (then the caller kills them). */
    private static boolean awaitExit(List<ProcessHandle> targets, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (targets.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() - deadline > 0) return false;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private Optional<Long> readPostmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir().resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Path dataDir() {
        return home.resolve("data");
    }

    /** Runs initdb to completion, its output into {@code log}; fails with the log's tail. */
    private void runInitdb(List<String> command, Path log) {
        Process tool = spawn(command, ProcessBuilder.Redirect.to(log.toFile()), false);
        try {
            if (!tool.waitFor(INITDB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(tool);
                throw new IllegalStateException("initdb did not finish within " + INITDB_TIMEOUT.toSeconds()
                        + " s; " + log + " ends with:\n" + tail(log));
            }
        } catch (InterruptedException e) {
            killTree(tool);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("initdb was interrupted", e);
        }
        if (tool.exitValue() != 0) {
            throw new IllegalStateException("initdb failed with code " + tool.exitValue() + unreachableHint()
                    + "; " + log + " ends with:\n" + tail(log));
        }
    }

    private List<String> asOsUser(List<String> command) {
        if (!root) return command;
        List<String> wrapped = new ArrayList<>(List.of(runuser(), "-u", OS_USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static String runuser() {
        for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, "runuser");
            if (Files.isExecutable(candidate)) return candidate.toString();
        }
        return onPath("runuser").map(Path::toString).orElseThrow(() -> new IllegalStateException(
                "PostgreSQL refuses to run as root and runuser (util-linux) was not found to run it as " + OS_USER));
    }

    private UserPrincipal osUser() throws IOException {
        try {
            return home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
        } catch (UserPrincipalNotFoundException e) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and there is no '" + OS_USER
                    + "' user to run it as; run as another user or use --db h2", e);
        }
    }

    /** o+x on folders above home that we may change: inside the system temporary folder or the work folder. */
    private void grantTraversal() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Path work = workDir.toRealPath();
        for (Path dir = home.toRealPath().getParent(); dir != null; dir = dir.getParent()) {
            boolean ours = (dir.startsWith(tmp) && !dir.equals(tmp)) || dir.startsWith(work);
            if (ours && !othersMayEnter(dir)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
                permissions.add(PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(dir, permissions);
            }
        }
    }

    /** Names the folders above home that postgres may not be able to enter, to explain an initdb failure. */
    private String unreachableHint() {
        if (!root) return "";
        List<String> closed = new ArrayList<>();
        for (Path dir = home.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (!othersMayEnter(dir)) closed.add(dir.toString());
        }
        return closed.isEmpty() ? "" : " (user " + OS_USER + " may not enter " + String.join(", ", closed) + ")";
    }

    private static boolean othersMayEnter(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)
                    || Files.getOwner(dir).getName().equals(OS_USER);
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    /** We run as root if a folder we just created belongs to uid 0. */
    private static boolean isRoot(Path ours) {
        try {
            return ((Integer) Files.getAttribute(ours, "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb"));
    }

    private static Runtime.Version version(Path dir) {
        try {
            return Runtime.Version.parse(dir.getFileName().toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path realParent(Path program) {
        try {
            return program.toRealPath().getParent();
        } catch (IOException e) {
            return program.getParent();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}
