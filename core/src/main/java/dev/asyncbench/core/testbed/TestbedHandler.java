package dev.asyncbench.core.testbed;

import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.Faults;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.asyncbench.core.testbed.Responses.body;
import static dev.asyncbench.core.testbed.Responses.empty;
import static dev.asyncbench.core.testbed.Responses.text;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
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

    private static final String PATHS = "/bytes, /profile, /replica, /flaky, /store, /stats, /attempts, /reset";

    private final Counters counters;
    private final ArrayDeque<Reply> replies = new ArrayDeque<>();

    /** One request's place in the answer queue. */
    private static final class Reply {
        boolean inFlight;            // a delayed request, counted by Counters until written or abandoned
        ScheduledFuture<?> timer;    // its pending delay, if any
        AttemptLog.Entry attempt;    // a /flaky attempt's entry in the log
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
        } catch (Responses.BadRequest e) {
            reply.response = e.response;
        }
        writeReady(ctx);
    }

    private void route(ChannelHandlerContext ctx, FullHttpRequest request, Reply reply) {
        if (!request.decoderResult().isSuccess()) {
            FullHttpResponse response = text(BAD_REQUEST, "malformed HTTP request: " + request.decoderResult().cause());
            HttpUtil.setKeepAlive(response, false);
            throw new Responses.BadRequest(response);
        }
        QueryStringDecoder target = new QueryStringDecoder(request.uri());
        QueryParams params = new QueryParams(target.path(), target.parameters());
        switch (target.path()) {
            case "/bytes" -> {
                params.method(request, HttpMethod.GET);
                long seed = params.number("seed", Long.MIN_VALUE, Long.MAX_VALUE, null);
                int size = (int) params.number("size", 0, MAX_SIZE, null);
                long delayMs = params.delayMs(seed);
                params.noOthers();
                boolean fails = FailingSeed.fails(target.parameters(), seed);   // dist=failing:seed=S,m=M: S answers 503
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
            case "/flaky" -> {
                params.method(request, HttpMethod.GET);
                long seed = params.number("seed", Long.MIN_VALUE, Long.MAX_VALUE, null);
                int attempt = (int) params.number("attempt", 1, Faults.MAX_ATTEMPTS, null);
                int size = (int) params.number("size", 0, MAX_SIZE, null);
                long delayMs = params.delayMs();
                Faults faults = params.faults("faults");
                long stallMs = params.number("stallMs", 0, MAX_DELAY_MS, null);
                params.noOthers();
                Fault fault = faults.of(seed, attempt);
                reply.attempt = counters.attempts.started(seed, attempt, fault);
                if (fault == Fault.DROPPED) dropLater(ctx, reply, delayMs);
                else answerLater(ctx, reply, fault == Fault.STALL ? stallMs : delayMs, () -> fault == Fault.UNAVAILABLE
                        ? text(SERVICE_UNAVAILABLE, "attempt " + attempt + " of request " + seed + " failed, as planned")
                        : body(OK, "application/octet-stream", Bodies.bytes(seed, size)));
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
            case "/attempts" -> {
                params.method(request, HttpMethod.GET);
                params.noOthers();
                reply.response = body(OK, "text/plain; charset=utf-8", counters.attempts.text().getBytes(StandardCharsets.UTF_8));
            }
            case "/reset" -> {
                params.method(request, HttpMethod.POST);
                params.noOthers();
                counters.reset();
                reply.response = empty(NO_CONTENT);
            }
            default -> throw new Responses.BadRequest(text(NOT_FOUND, "no such path: " + target.path() + "; the testbed serves " + PATHS));
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

    /**
     * Counts the request in flight and, after {@code delayMs}, starts answering (the status line
     * and headers of a 200 promising 1 KiB, and half of it), then closes the connection, as a
     * server that crashes mid-answer does ({@link Fault#DROPPED}: why not a TCP RST). The request
     * ends there, counted completed, not abandoned: the server ended it.
     */
    private void dropLater(ChannelHandlerContext ctx, Reply reply, long delayMs) {
        counters.accepted();
        reply.inFlight = true;
        reply.timer = ctx.executor().schedule(() -> {
            reply.inFlight = false;
            counters.completed();
            reply.attempt.ended(Attempt.End.DROPPED);
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, OK);
            head.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 1024);
            ctx.write(head);
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[512]))).addListener(written -> ctx.close());
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Writes the ready answers at the head of the queue; one behind a waiting answer waits too. */
    private void writeReady(ChannelHandlerContext ctx) {
        boolean wrote = false;
        while (!replies.isEmpty() && replies.peek().response != null) {
            Reply reply = replies.poll();
            if (reply.inFlight) counters.completed();
            if (reply.attempt != null) reply.attempt.ended(Attempt.End.ANSWERED);
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
            if (reply.inFlight && reply.attempt != null) reply.attempt.ended(Attempt.End.ABANDONED);
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
}
