package dev.asyncbench.core.testbed;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.Check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The testbed's database, always reached by a real JDBC driver over a socket (loopback unless
 * asked otherwise) and pooled
 * by HikariCP: PostgreSQL started here (a fresh cluster in a temporary folder, as the
 * {@code postgres} user when we are root, durability off), H2 in TCP server mode (in memory),
 * or an existing database named by a JDBC URL (schema created if missing). See
 * {@link DatabaseChoice}; {@code auto} falls back to H2 when PostgreSQL is missing or fails to
 * start, and {@link #description()} always says which one serves.
 *
 * <p><b>Contents.</b> Table {@code orders(id bigint primary key, customer_id int,
 * amount_cents bigint)} with an index on {@code customer_id}. Customer {@code c} in
 * 1..{@link #CUSTOMERS} has {@code (c % 5) + 1} orders {@code j = 0..c % 5}, with
 * {@code id = 10 c + j} and {@code amount_cents = (37 c + 11 j) % 10000 + 100}: 3000 rows (see
 * {@link #seededOrders(int)}). Function {@code testbed_wait(seconds double precision) returns
 * int} waits server-side, then returns 1: {@code pg_sleep} in plpgsql on PostgreSQL,
 * {@link H2Functions#testbedWait} on H2; both stop waiting when the statement is cancelled.
 *
 * <p><b>As a process of its own.</b> {@link #main} starts a database, prints one
 * {@link ReadyLine} and serves until its standard input closes or it is terminated, then stops
 * the server and removes its files.
 */
public final class TestbedDatabase implements AutoCloseable {

    static {
        // H2 reads this once, when it loads: keep its TCP server on loopback (before anything loads H2)
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /** Customers 1..CUSTOMERS have orders. */
    public static final int CUSTOMERS = 1000;

    /** Largest pool {@link #orders(int)} makes. */
    public static final int MAX_POOL_SIZE = 256;

    /** How long a pool waits for a connection, and for all of its connections when it opens. */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    /**
     * HikariCP's JVM-wide switch (read when a pool is made) to open a new pool's connections on
     * several threads at once. Only set-up time changes: the pool, its size and how queries use
     * it are the same. Set to true unless the JVM was started with it.
     */
    static final String BLOCK_UNTIL_FILLED = "com.zaxxer.hikari.blockUntilFilled";

    /** How long a PostgreSQL server may take to accept connections. */
    static final Duration POSTGRES_READY_TIMEOUT = Duration.ofSeconds(60);

    private static final int PORT_MIN = 20_000;
    private static final int PORT_MAX = 32_000;
    private static final SecureRandom TOKENS = new SecureRandom();

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String description;
    private final AutoCloseable server;
    private final AtomicInteger pools = new AtomicInteger();
    private volatile boolean closed;

    private TestbedDatabase(String jdbcUrl, String user, String password, String description, AutoCloseable server) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.description = description;
        this.server = server;
    }

    /**
     * Starts (or, for a URL, attaches to) the chosen database, seeded; {@code workDir} holds
     * PostgreSQL's data (H2 keeps its database in memory). Fails with an
     * {@link IllegalStateException} explaining why, after stopping whatever it started.
     */
    public static TestbedDatabase start(DatabaseChoice choice, Path workDir) {
        return start(choice, workDir, Addresses.LOOPBACK);
    }

    /**
     * As {@link #start(DatabaseChoice, Path)}, a PostgreSQL it starts listening on {@code listen}
     * (opt-in beyond loopback: {@code ./suite testbed --bind}); H2 stays on loopback.
     */
    public static TestbedDatabase start(DatabaseChoice choice, Path workDir, InetAddress listen) {
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(workDir, "workDir");
        return switch (choice.kind()) {
            case POSTGRES -> startPostgres(PostgresServer.binaries().orElseThrow(() -> new IllegalStateException(
                    "PostgreSQL was asked for, but no server binaries were found under /usr/lib/postgresql/<version>/bin"
                            + " or next to pg_ctl on PATH; install PostgreSQL or use h2")), workDir, listen);
            case H2 -> startH2();
            case URL -> open(choice.jdbcUrl(), choice.user(), choice.password(), "external, " + redact(choice.jdbcUrl()), null);
            case AUTO -> {
                Optional<Path> bin = PostgresServer.binaries();
                if (bin.isEmpty()) yield startH2();
                try {
                    yield startPostgres(bin.get(), workDir, listen);
                } catch (RuntimeException e) {
                    System.err.println("testbed: PostgreSQL did not start, using H2 instead: " + e.getMessage());
                    yield startH2();
                }
            }
        };
    }

    private static TestbedDatabase startPostgres(Path bin, Path workDir, InetAddress listen) {
        PostgresServer server = PostgresServer.start(bin, workDir, POSTGRES_READY_TIMEOUT, List.of(), listen);
        return open(server.jdbcUrl(), PostgresServer.USER, server.password(), "local, fsync off", server);
    }

    private static TestbedDatabase startH2() {
        H2Server server = H2Server.start();
        return open(server.jdbcUrl(), H2Server.USER, server.password(), "TCP server", server);
    }

    /** Creates the schema if missing and names the database; closes {@code server} on failure. */
    private static TestbedDatabase open(String url, String user, String password, String where, AutoCloseable server) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            OrdersSchema.ensure(c);
            DatabaseMetaData meta = c.getMetaData();
            String version = meta.getDatabaseProductVersion().strip().split("\\s+")[0];
            return new TestbedDatabase(url, user, password,
                    meta.getDatabaseProductName() + " " + version + " (" + where + ")", server);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(server, e);
            throw new IllegalStateException("cannot prepare the testbed database at " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    /** The orders of one customer as seeded (empty outside 1..CUSTOMERS), in id order: what a query must return. */
    public static List<Order> seededOrders(int customerId) {
        return OrdersSchema.ordersOf(customerId);
    }

    /** {@link #orders}'s check on P, for a size read before any database is up. */
    public static void checkPoolSize(long poolSize) {
        Check.range(poolSize, "pool size P", 1, MAX_POOL_SIZE);
    }

    /**
     * A fresh HikariCP pool of exactly {@code poolSize} connections (P, 1..{@value #MAX_POOL_SIZE}),
     * all opened before this returns so that no measurement pays for connecting. HikariCP pauses
     * 30 ms after each connection it opens; filling with {@value #BLOCK_UNTIL_FILLED} it opens
     * them on min(16, cores) threads, so this takes about P x 40 ms / cores (some 5 s for P = 256
     * on 2 cores, twice that on one thread): make a pool once per run, not per measurement. The
     * caller closes the repository, hence the pool.
     */
    public OrdersRepository orders(int poolSize) {
        checkPoolSize(poolSize);
        if (closed) throw new IllegalStateException("the testbed database is closed");
        HikariConfig config = new HikariConfig();
        config.setPoolName("orders-P" + poolSize + "-" + pools.incrementAndGet());
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // with BLOCK_UNTIL_FILLED set, the constructor fills the pool on several threads and
        // waits for it, for at most this long (a value over 1 ms is what turns that on)
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
        if (System.getProperty(BLOCK_UNTIL_FILLED) == null) System.setProperty(BLOCK_UNTIL_FILLED, "true");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            awaitConnections(pool, poolSize);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new OrdersRepository(pool, description, CUSTOMERS);
    }

    private void awaitConnections(HikariDataSource pool, int poolSize) {
        long deadline = System.nanoTime() + CONNECTION_TIMEOUT.toNanos();
        int open;
        while ((open = pool.getHikariPoolMXBean().getTotalConnections()) < poolSize) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the pool of P = " + poolSize + " opened only " + open
                        + " connections to " + description + " within " + CONNECTION_TIMEOUT.toSeconds() + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the pool of P = " + poolSize + " opened", e);
            }
        }
    }

    /** E.g. "PostgreSQL 15.18 (local, fsync off)", "H2 2.4.240 (TCP server)", "PostgreSQL 16.4 (external, jdbc:...)". */
    public String description() {
        return description;
    }

    /** How another JVM attaches: DatabaseChoice.parse(jdbcUrl(), user(), password()). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /**
     * Stops the server this started (PostgreSQL: fast shutdown, then its folder is removed;
     * H2: the in-memory database is dropped); open pools lose their connections. Pools are the
     * callers' to close. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        if (server != null) {
            try {
                server.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the testbed database: " + e.getMessage(), e);
            }
        }
    }

    /** The server behind this database when it runs here, for tests. */
    AutoCloseable server() {
        return server;
    }

    // ---- running as a process of its own

    /**
     * The line {@link #main} prints once the database serves:
     * {@code asyncbench-testbed db url=<jdbc url> user=<user> password=<password> description=<text>}.
     * Fields are separated by single spaces; url, user and password hold no whitespace (an empty
     * value means none); the description is last and runs to the end of the line.
     */
    public record ReadyLine(String jdbcUrl, String user, String password, String description) {

        public static final String PREFIX = "asyncbench-testbed db ";

        public ReadyLine {
            Check.name(jdbcUrl, "jdbcUrl");
            Check.notNull(description, "description");
            for (String value : new String[] {jdbcUrl, user, password}) {
                if (value != null && value.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("url, user and password must not hold whitespace, was '" + value + "'");
                }
            }
        }

        public String format() {
            return PREFIX + "url=" + jdbcUrl + " user=" + Objects.requireNonNullElse(user, "")
                    + " password=" + Objects.requireNonNullElse(password, "") + " description=" + description;
        }

        public static ReadyLine parse(String line) {
            Objects.requireNonNull(line, "line");
            if (!line.startsWith(PREFIX)) throw new IllegalArgumentException("not a testbed db line: " + line);
            String[] parts = line.substring(PREFIX.length()).split(" ", 4);
            String[] keys = {"url=", "user=", "password=", "description="};
            if (parts.length != 4) throw new IllegalArgumentException("a testbed db line has 4 fields: " + line);
            for (int i = 0; i < 4; i++) {
                if (!parts[i].startsWith(keys[i])) throw new IllegalArgumentException("expected " + keys[i] + " in: " + line);
                parts[i] = parts[i].substring(keys[i].length());
            }
            return new ReadyLine(parts[0], emptyToNull(parts[1]), emptyToNull(parts[2]), parts[3]);
        }

        /** How a fork attaches: a URL choice. */
        public DatabaseChoice choice() {
            return DatabaseChoice.parse(jdbcUrl, user, password);
        }

        private static String emptyToNull(String s) {
            return s.isEmpty() ? null : s;
        }
    }

    /**
     * Runs the database as a process of its own:
     * {@code [--db auto|postgres|h2|jdbc:...] [--user U] [--password P] [--dir PATH]}.
     * Prints one {@link ReadyLine} on standard output once it serves, then serves until standard
     * input closes (so keep it open, e.g. a pipe from the parent) or the process is terminated
     * (SIGTERM, Ctrl-C), and cleans up: the server stops, its files are removed. Without
     * {@code --db} the choice comes from {@link DatabaseChoice#fromEnvironment()}; without
     * {@code --dir} PostgreSQL's files go to a new folder in the system temporary folder, removed
     * at the end. Exit code 2 for bad arguments, 1 if the database cannot start.
     */
    public static void main(String[] args) throws IOException {
        String db = null;
        String user = null;
        String password = null;
        Path dir = null;
        String bind = "127.0.0.1";
        DatabaseChoice choice;
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    System.out.println(USAGE);
                    return;
                }
                if (i + 1 == args.length) throw new IllegalArgumentException(option + " needs a value");
                String value = args[++i];
                switch (option) {
                    case "--db" -> db = value;
                    case "--user" -> user = value;
                    case "--password" -> password = value;
                    case "--dir" -> dir = Path.of(value);
                    case "--bind" -> bind = value;
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (db == null && (user != null || password != null)) {
                throw new IllegalArgumentException("--user and --password go with --db jdbc:...");
            }
            choice = db == null ? DatabaseChoice.fromEnvironment() : DatabaseChoice.parse(db, user, password);
        } catch (IllegalArgumentException e) {
            System.err.println("testbed db: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        // a folder of our own that PostgreSQL creates and removes; H2 and URLs leave nothing on disk
        Path workDir = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "asyncbench-db-" + randomToken(8));
        TestbedDatabase database;
        try {
            database = start(choice, workDir, Addresses.parse(bind));
        } catch (RuntimeException e) {
            System.err.println("testbed db: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(new ReadyLine(database.jdbcUrl(), database.user(), database.password(),
                database.description()).format());
        System.out.flush();
        try {
            while (System.in.read() != -1) {
                // serve until the parent closes our input
            }
        } finally {
            database.close(); // on SIGTERM instead, PostgreSQL's own shutdown hook stops it
        }
        System.exit(0);
    }

    private static final String USAGE = "usage: TestbedDatabase [--db auto|postgres|h2|jdbc:...] [--user U]"
            + " [--password P] [--dir PATH] [--bind ADDRESS (PostgreSQL only; default 127.0.0.1)]\n  prints '" + ReadyLine.PREFIX
            + "url=... user=... password=... description=...', serves until stdin closes or SIGTERM, then cleans up";

    // ---- small shared helpers

    /**
     * A port on 127.0.0.1, below 32768 (never an ephemeral one), free when we looked; the
     * testbed's servers pick theirs this way, and {@code run} calls it before it starts anything.
     */
    public static int freeLoopbackPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(PORT_MIN, PORT_MAX);
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(false);
                probe.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port on 127.0.0.1 between " + PORT_MIN + " and " + PORT_MAX));
    }

    /** {@code bytes} random bytes as hex: names and passwords. */
    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        TOKENS.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A JDBC URL without the value of any password parameter. */
    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static void closeQuietly(AutoCloseable server, Exception cause) {
        if (server == null) return;
        try {
            server.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
