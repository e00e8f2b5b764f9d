package dev.asyncbench.core.testbed;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The testbed's HTTP server: real sockets on the loopback interface (beyond it only when asked:
 * {@link #startOpen}), answers after a latency the
 * request asks for, and counters that show what a concurrency model really did.
 *
 * <table>
 *   <caption>Endpoints (a bad or unknown parameter is a 400 naming it; another path is a 404)</caption>
 *   <tr><th>request</th><th>answer</th></tr>
 *   <tr><td>{@code GET /bytes?seed=S&size=B&delayMs=L}</td><td>after L ms, B bytes determined by S (see {@link Bodies})</td></tr>
 *   <tr><td>{@code GET /profile?id=I&delayMs=L}</td><td>after L ms, customer I's profile, about 300 bytes of JSON</td></tr>
 *   <tr><td>{@code GET /replica?name=X&delayMs=L&fail=F}</td><td>after L ms, {@code replica X}, or 503 {@code replica X failed} when F is true</td></tr>
 *   <tr><td>{@code POST /store?id=I&digest=HEX}</td><td>204 at once; counts one stored summary</td></tr>
 *   <tr><td>{@code GET /stats}</td><td>the counters as {@link ServerStats#toJson() JSON}</td></tr>
 *   <tr><td>{@code POST /reset}</td><td>204; restarts the peak from what is in flight now and zeroes the totals</td></tr>
 * </table>
 *
 * <p>The three delayed paths are counted: in flight from parse to answer, the peak since the last
 * reset, completed, and abandoned (the client closed the connection before its answer left; this
 * is how a test sees that cancelling a task really cancelled its request). {@code delayMs} is
 * optional (0) and at most ten minutes. Connections are counted too: open now, opened and closed
 * since the last reset (how the soak sees that a model's clients give their connections back).
 *
 * <p>The server must never be what a benchmark measures, so it waits without threads: each
 * delay is a timer on the connection's event loop, two event-loop threads serve every
 * connection with HTTP/1.1 keep-alive, and a thread of its own accepts connections, so that a
 * burst of connects never waits behind request handling while the kernel's accept queue (at
 * most {@code net.core.somaxconn} long, 4096 here) fills up. docs/testbed.md gives the load it
 * was measured to sustain: about 15,000 requests/s, and 19,000 requests waiting at once.
 *
 * <p>In a test, {@link #start} it in-process; for a benchmark, run it as a process of its own
 * with {@link #main} so that its sockets and CPU are not the measured JVM's.
 */
public final class HttpTestbedServer implements AutoCloseable {

    /** Event-loop threads for the connections: two carry the measured load (docs/testbed.md) and leave CPU to the models. */
    static final int THREADS = 2;
    /** Accept queue length asked of the kernel; Linux silently caps it at net.core.somaxconn. */
    static final int BACKLOG = 16_384;
    /** Port 0 picks from here: below the Linux ephemeral range (32768-60999) that clients' sockets use. */
    static final int FIRST_PICKED_PORT = 20_000, LAST_PICKED_PORT = 32_000;

    private final EventLoopGroup acceptor, group;
    private final Channel listener;
    private final URI uri;
    private final Counters counters;

    private HttpTestbedServer(EventLoopGroup acceptor, EventLoopGroup group, Channel listener, Counters counters) {
        this.acceptor = acceptor;
        this.group = group;
        this.listener = listener;
        this.counters = counters;
        InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
        try {
            this.uri = new URI("http", null, Addresses.reachable(bound.getAddress()), bound.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot name the bound address " + bound, e);
        }
    }

    /**
     * Starts a server on {@code host} (a loopback address: only {@link #startOpen} listens on a
     * network) and {@code port}; port 0 picks a free port from 20000 to 32000, never one of the
     * ephemeral ports that this machine's clients need.
     *
     * @throws IllegalArgumentException if the host is not a loopback address or the port is out of range
     * @throws UncheckedIOException if the port is taken, or no free port was found
     */
    public static HttpTestbedServer start(String host, int port) {
        return start(loopback(host), port);
    }

    /**
     * As {@link #start(String, int)} on any address, loopback or not: opt-in ({@code ./suite
     * testbed --bind}), for a load or models on another machine. Bound to the wildcard (0.0.0.0),
     * its {@link #uri()} names this machine's first non-loopback address.
     */
    public static HttpTestbedServer startOpen(String host, int port) {
        return start(Addresses.parse(host), port);
    }

    private static HttpTestbedServer start(InetAddress address, int port) {
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        Counters counters = new Counters();
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("testbed-http-accept", true), NioIoHandler.newFactory());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(THREADS,
                new DefaultThreadFactory("testbed-http", true), NioIoHandler.newFactory());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(acceptor, group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, BACKLOG)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(
                                    new HttpServerCodec(),
                                    new HttpObjectAggregator(64 * 1024),
                                    new HttpServerKeepAliveHandler(),
                                    new TestbedHandler(counters));
                        }
                    });
            return new HttpTestbedServer(acceptor, group, bind(bootstrap, address, port), counters);
        } catch (RuntimeException | Error e) {
            acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw e;
        }
    }

    private static InetAddress loopback(String host) {
        InetAddress address = Addresses.parse(host);
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the testbed listens on loopback only (127.0.0.1), not on " + host + " (unless --open)");
        }
        return address;
    }

    /** Binds {@code port}, or for 0 tries random ports of the picked range until one is free. */
    private static Channel bind(ServerBootstrap bootstrap, InetAddress address, int port) {
        int attempts = port == 0 ? 100 : 1;
        Throwable last = null;
        for (int i = 0; i < attempts; i++) {
            int candidate = port != 0 ? port : ThreadLocalRandom.current().nextInt(FIRST_PICKED_PORT, LAST_PICKED_PORT + 1);
            ChannelFuture bound = bootstrap.bind(address, candidate).awaitUninterruptibly();
            if (bound.isSuccess()) return bound.channel();
            last = bound.cause();
            if (!(last instanceof BindException)) break;
        }
        String where = port == 0 ? "any of " + attempts + " random ports from " + FIRST_PICKED_PORT + " to " + LAST_PICKED_PORT : "port " + port;
        throw new UncheckedIOException(new IOException("cannot listen on " + address.getHostAddress() + ", " + where + ": " + last, last));
    }

    /** The server's address, e.g. {@code http://127.0.0.1:23456}. */
    public URI uri() {
        return uri;
    }

    /** The counters now (in-process; other processes use {@code GET /stats}). */
    public ServerStats stats() {
        return counters.snapshot();
    }

    /** Before a measurement: the peak restarts from what is in flight now, the totals from zero. */
    public void resetStats() {
        counters.reset();
    }

    /**
     * Stops listening, closes every connection (a request still waiting counts as abandoned),
     * and waits until the event-loop threads have ended and the port is free again.
     */
    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /**
     * Runs the server as a process of its own: {@code [--host 127.0.0.1 [--open]] [--port N]}
     * ({@code --open} lets the host be other than loopback: {@link #startOpen}; port 0, the
     * default, picks a port). Prints exactly one line to stdout,
     * {@code asyncbench-testbed http listening on http://127.0.0.1:PORT}, for a parent process to
     * read the address from, then serves until it gets SIGTERM or SIGINT, or until its standard
     * input ends: a parent that holds the pipe open and dies takes the server with it. With
     * {@code --ignore-stdin} only a signal stops it (for {@code nohup} or {@code &}, where stdin
     * is /dev/null). A bad option exits with status 2 and the usage; a port that cannot be had, with status 1 and why.
     */
    public static void main(String[] args) throws IOException {
        String host = "127.0.0.1";
        int port = 0;
        boolean watchStdin = true;
        boolean open = false;
        HttpTestbedServer server = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--host" -> host = valueOf(args, ++i, "--host");
                    case "--port" -> port = Integer.parseInt(valueOf(args, ++i, "--port"));
                    case "--ignore-stdin" -> watchStdin = false;
                    case "--open" -> open = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("asyncbench-testbed http: " + e.getMessage()
                    + "\nusage: HttpTestbedServer [--host 127.0.0.1 [--open]] [--port N (0 picks one below 32768)] [--ignore-stdin]");
            System.exit(2);
        }
        try {
            server = open ? startOpen(host, port) : start(host, port);
        } catch (RuntimeException e) {
            // not a usage mistake: the reason alone
            System.err.println("asyncbench-testbed http: " + e.getMessage());
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "testbed-http-stop"));
        System.out.println("asyncbench-testbed http listening on " + server.uri());
        System.out.flush();
        if (watchStdin) {
            InputStream in = System.in;
            while (in.read() != -1) {
                // the parent writes nothing; end of input means it is gone
            }
            System.err.println("asyncbench-testbed http: standard input closed, stopping");
            System.exit(0);
        }
        server.listener.closeFuture().awaitUninterruptibly();
    }

    private static String valueOf(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }
}
