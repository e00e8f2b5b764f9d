package dev.asyncbench.core.testbed;

import dev.asyncbench.core.spec.Dist;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED;
import static io.netty.handler.codec.http.HttpResponseStatus.NOT_FOUND;
import static io.netty.handler.codec.http.HttpResponseStatus.NO_CONTENT;
import static io.netty.handler.codec.http.HttpResponseStatus.OK;
import static io.netty.handler.codec.http.HttpResponseStatus.SERVICE_UNAVAILABLE;

/**
 * One connection of the HTTP testbed: parses each request, answers it now or after its delay,
 * and notices when the client hangs up first. One instance per connection, always called on
 * that connection's event-loop thread, so its fields need no locks.
 *
 * <p>Overview: a delayed answer is a timer on the connection's own event loop
 * ({@code ctx.executor().schedule}); no thread ever sleeps, so ten thousand waiting requests
 * cost ten thousand small timer entries, not ten thousand threads. Answers leave in request
 * order (HTTP/1.1 allows a client to pipeline), so each request gets a {@link Reply} slot in
 * {@link #replies} and a slot is written once it and every slot before it are ready. When the
 * connection closes with slots still waiting, their timers are cancelled and the delayed ones
 * counted abandoned: that is how the testbed sees a model's cancellation reach the socket.
 * The connection itself is counted open from {@code channelActive} to {@code channelInactive}.
 */
final class TestbedHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Longest delay a request may ask for, as for every duration in the specs: 10 minutes. */
    static final long MAX_DELAY_MS = TimeUnit.MINUTES.toMillis(10);
    /** Largest {@code /bytes} body: 64 MiB, far above any scenario, small enough that a typo cannot eat the heap. */
    static final int MAX_SIZE = 64 << 20;

    private static final String PATHS = "/bytes, /profile, /replica, /store, /stats, /reset";

    private final Counters counters;
    private final ArrayDeque<Reply> replies = new ArrayDeque<>();

    /** One request's place in the answer queue. */
    private static final class Reply {
        boolean inFlight;            // a delayed request, counted by Counters until written or abandoned
        ScheduledFuture<?> timer;    // its pending delay, if any
        FullHttpResponse response;   // set once the answer is ready
    }

    TestbedHandler(Counters counters) {
        this.counters = counters;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Reply reply = new Reply();
        replies.add(reply);
        try {
            route(ctx, request, reply);
        } catch (BadRequest e) {
            reply.response = e.response;
        }
        writeReady(ctx);
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, Reply reply) {
        if (!request.decoderResult().isSuccess()) {
            FullHttpResponse response = text(BAD_REQUEST, "malformed HTTP request: " + request.decoderResult().cause());
            HttpUtil.setKeepAlive(response, false);
            throw new BadRequest(response);
        }
        QueryStringDecoder target = new QueryStringDecoder(request.uri());
        Params params = new Params(target.path(), target.parameters());
        switch (target.path()) {
            case "/bytes" -> {
                params.method(request, HttpMethod.GET);
                long seed = params.number("seed", Long.MIN_VALUE, Long.MAX_VALUE, null);
                int size = (int) params.number("size", 0, MAX_SIZE, null);
                long delayMs = params.delayMs(seed);
                params.noOthers();
                boolean fails = Faults.fails(target.parameters(), seed);   // dist=failing:seed=S,m=M: S answers 503
                answerLater(ctx, reply, delayMs, () -> fails ? text(SERVICE_UNAVAILABLE, "seed " + seed + " failed")
                        : body(OK, "application/octet-stream", Bodies.bytes(seed, size)));
            }
            case "/profile" -> {
                params.method(request, HttpMethod.GET);
                long id = params.number("id", Long.MIN_VALUE, Long.MAX_VALUE, null);
                long delayMs = params.delayMs(id);
                params.noOthers();
                answerLater(ctx, reply, delayMs, () -> body(OK, "application/json", Bodies.profile(id)));
            }
            case "/replica" -> {
                params.method(request, HttpMethod.GET);
                String name = params.text("name");
                long delayMs = params.delayMs();
                boolean fail = params.bool("fail");
                params.noOthers();
                answerLater(ctx, reply, delayMs, () -> fail
                        ? text(SERVICE_UNAVAILABLE, "replica " + name + " failed")
                        : text(OK, "replica " + name));
            }
            case "/store" -> {
                params.method(request, HttpMethod.POST);
                params.number("id", Long.MIN_VALUE, Long.MAX_VALUE, null);
                params.hex("digest");
                params.noOthers();
                counters.stored();
                reply.response = empty(NO_CONTENT);
            }
            case "/stats" -> {
                params.method(request, HttpMethod.GET);
                params.noOthers();
                reply.response = body(OK, "application/json", counters.snapshot().toJson().getBytes(StandardCharsets.UTF_8));
            }
            case "/reset" -> {
                params.method(request, HttpMethod.POST);
                params.noOthers();
                counters.reset();
                reply.response = empty(NO_CONTENT);
            }
            default -> throw new BadRequest(text(NOT_FOUND, "no such path: " + target.path() + "; the testbed serves " + PATHS));
        }
    }

    /** Counts the request in flight and answers it after {@code delayMs}, by a timer of this connection's event loop. */
    private void answerLater(ChannelHandlerContext ctx, Reply reply, long delayMs, Supplier<FullHttpResponse> answer) {
        counters.accepted();
        reply.inFlight = true;
        Runnable respond = () -> {
            reply.response = answer.get();
            writeReady(ctx);
        };
        if (delayMs == 0) respond.run();
        else reply.timer = ctx.executor().schedule(respond, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Writes the ready answers at the head of the queue; one behind a waiting answer waits too. */
    private void writeReady(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!replies.isEmpty() && replies.peek().response != null) {
            Reply reply = replies.poll();
            if (reply.inFlight) counters.completed();
            ctx.write(reply.response);
            wrote = true;
        }
        if (wrote) ctx.flush();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        counters.connected();
        super.channelActive(ctx);
    }

    /** The connection closed: whatever the client still waited for is abandoned, and its timers stop. */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        int waiting = 0;
        for (Reply reply : replies) {
            if (reply.timer != null) reply.timer.cancel(false);
            if (reply.response != null) reply.response.release();
            if (reply.inFlight) waiting++;
        }
        replies.clear();
        counters.disconnected(waiting);
        super.channelInactive(ctx);
    }

    /** A reset connection or a broken request: close it; {@link #channelInactive} does the accounting. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    // ---- responses ------------------------------------------------------------------------

    private static FullHttpResponse body(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType).setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    private static FullHttpResponse text(HttpResponseStatus status, String text) {
        return body(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return response;
    }

    /** A request the testbed refuses, carrying the answer that says why (no stack trace: it is not a bug here). */
    private static final class BadRequest extends RuntimeException {
        final transient FullHttpResponse response;

        BadRequest(FullHttpResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    /**
     * The query parameters of one request, read strictly: a missing, malformed, repeated or
     * unknown parameter is a 400 that names it, so a typo such as {@code delay=1000} cannot
     * silently become a request without delay.
     */
    private static final class Params {
        private final String path;
        private final Map<String, List<String>> values;
        private final Set<String> known = new LinkedHashSet<>();

        Params(String path, Map<String, List<String>> values) {
            this.path = path;
            this.values = values;
        }

        void method(FullHttpRequest request, HttpMethod expected) {
            if (!request.method().equals(expected)) {
                FullHttpResponse response = TestbedHandler.text(METHOD_NOT_ALLOWED, path + " takes " + expected + ", not " + request.method());
                response.headers().set(HttpHeaderNames.ALLOW, expected.name());
                throw new BadRequest(response);
            }
        }

        /** The value of {@code name}, or {@code null} when absent. */
        private String raw(String name) {
            known.add(name);
            List<String> given = values.get(name);
            if (given == null) return null;
            if (given.size() > 1) throw bad("parameter '" + name + "' is given " + given.size() + " times");
            return given.get(0);
        }

        String text(String name) {
            String value = raw(name);
            if (value == null || value.isBlank()) throw bad("parameter '" + name + "' is required");
            return value;
        }

        long number(String name, long min, long max, Long fallback) {
            String value = raw(name);
            if (value == null) {
                if (fallback == null) throw bad("parameter '" + name + "' is required (an integer from " + min + " to " + max + ")");
                return fallback;
            }
            long n;
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw bad("parameter '" + name + "' must be an integer, was '" + value + "'");
            }
            if (n < min || n > max) throw bad("parameter '" + name + "' must be from " + min + " to " + max + ", was " + n);
            return n;
        }

        /** The optional {@code delayMs} of a delayed path: 0 when absent, at most {@link #MAX_DELAY_MS}. */
        long delayMs() {
            return number("delayMs", 0, MAX_DELAY_MS, 0L);
        }

        /** {@link #delayMs()} drawn for request {@code id} from the optional {@code dist} ({@link Dist}; fixed when absent). */
        long delayMs(long id) {
            long nominal = delayMs();
            String dist = raw("dist");
            if (dist == null) return nominal;
            try {
                return Math.min(MAX_DELAY_MS, Dist.parse(dist).latencyMs(id, nominal));
            } catch (IllegalArgumentException e) {
                throw bad("parameter 'dist': " + e.getMessage());
            }
        }

        boolean bool(String name) {
            String value = raw(name);
            if (value == null || value.equals("false")) return false;
            if (value.equals("true")) return true;
            throw bad("parameter '" + name + "' must be true or false, was '" + value + "'");
        }

        void hex(String name) {
            String value = text(name);
            if (value.length() > 128 || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw bad("parameter '" + name + "' must be 1 to 128 hexadecimal digits, was '" + value + "'");
            }
        }

        /** Rejects any parameter this path does not read. */
        void noOthers() {
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    throw bad("unknown parameter '" + name + "'; " + path + " takes " + (known.isEmpty() ? "none" : String.join(", ", known)));
                }
            }
        }

        private BadRequest bad(String message) {
            return new BadRequest(TestbedHandler.text(BAD_REQUEST, path + ": " + message));
        }
    }
}
