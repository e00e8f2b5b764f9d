package dev.asyncbench.core.testbed;

import org.h2.engine.SysProperties;
import org.h2.tools.Server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2 in TCP server mode, in this JVM: an in-memory database that clients reach over a loopback
 * socket with the real H2 driver, so every query crosses the network stack as with PostgreSQL.
 * Remote database creation stays disabled: the server serves only the database made here.
 */
final class H2Server implements AutoCloseable {

    static final String USER = "asyncbench";
    private static final int PORT_ATTEMPTS = 5;

    private final Server tcp;
    private final Connection keeper;
    private final String jdbcUrl;
    private final String password;
    private boolean closed;

    private H2Server(Server tcp, Connection keeper, String jdbcUrl, String password) {
        this.tcp = tcp;
        this.keeper = keeper;
        this.jdbcUrl = jdbcUrl;
        this.password = password;
    }

    static H2Server start() {
        warnUnlessLoopback();
        String name = "asyncbench-" + TestbedDatabase.randomToken(8);
        String password = TestbedDatabase.randomToken(24);
        Connection keeper;
        try {
            // created in-process; DB_CLOSE_DELAY=-1 keeps it until SHUTDOWN, whoever connects
            keeper = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", USER, password);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the H2 database: " + e.getMessage(), e);
        }
        try {
            Server tcp = listen();
            return new H2Server(tcp, keeper, "jdbc:h2:tcp://127.0.0.1:" + tcp.getPort() + "/mem:" + name, password);
        } catch (RuntimeException e) {
            shutdown(keeper);
            throw e;
        }
    }

    private static Server listen() {
        SQLException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = TestbedDatabase.freeLoopbackPort();
            try {
                return Server.createTcpServer("-tcpPort", Integer.toString(port), "-tcpDaemon").start();
            } catch (SQLException e) {
                last = e; // taken between our check and H2's bind: try another port
            }
        }
        throw new IllegalStateException("H2 could not listen on a free port in " + PORT_ATTEMPTS + " attempts: "
                + last.getMessage(), last);
    }

    /** H2 reads h2.bindAddress once; TestbedDatabase sets it before H2 loads. */
    private static void warnUnlessLoopback() {
        String bind = SysProperties.BIND_ADDRESS;
        boolean loopback;
        try {
            loopback = bind != null && InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            System.err.println("testbed: H2 listens on " + (bind == null ? "all interfaces" : bind)
                    + " (h2.bindAddress was set, or H2 loaded before the testbed); it still refuses remote clients");
        }
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String password() {
        return password;
    }

    int port() {
        return tcp.getPort();
    }

    /** Drops the database (its clients' sessions end) and stops listening. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            shutdown(keeper);
        } finally {
            tcp.stop();
        }
    }

    private static void shutdown(Connection keeper) {
        try (keeper; Statement s = keeper.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            System.err.println("testbed: H2 shutdown: " + e.getMessage());
        }
    }
}
