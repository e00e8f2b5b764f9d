package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkTestbed;
import dev.asyncbench.bench.fork.ForkProtocol.Property;

import dev.asyncbench.core.io.Completions;
import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 3: K fetches of B bytes, each held L by the testbed server (or its distribution's
 * draw around L), at most C in flight; ideal ceil(K / C) x L (with a distribution, the greedy
 * makespan of the drawn latencies). The server's peak in flight shows the concurrency really reached.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios http-fan-out} (it starts the testbed server
 * and passes its address to the fork as {@link Property#SERVER},
 * {@code -Dasyncbench.server=http://127.0.0.1:PORT}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class HttpFanOutBenchmark extends ScenarioState {

    /** K: requests. */
    @Param("1000")
    public int requests;

    /** L: how long the server holds each. */
    @Param("20")
    public int latencyMs;

    /** B: body bytes. */
    @Param("4096")
    public int bodyBytes;

    /** C: at most in flight. */
    @Param("100")
    public int maxInFlight;

    /** How each request's latency is drawn around L ({@code Dist}): fixed, or e.g. lognormal:p99=10. */
    @Param("fixed")
    public String dist;

    private FanOutSpec spec;
    /** The same work without the latency: the reference's input (answers do not depend on it) and the warm-up's. */
    private FanOutSpec atZeroLatency;

    @Override
    protected void prepare() {
        spec = new FanOutSpec(ForkTestbed.http(), requests, ms(latencyMs), bodyBytes, maxInFlight, Dist.parse(dist));
        atZeroLatency = new FanOutSpec(spec.http(), requests, ms(0), bodyBytes, maxInFlight);
    }

    @Override
    protected void verify() throws IOException {
        // the answer does not depend on the latency: the reference runs without it
        expectReference(first(() -> subject.httpFanOut(spec)), reference -> reference.httpFanOut(atZeroLatency));
    }

    @Override
    protected void warmUp() {
        warmUpWith(() -> subject.httpFanOut(atZeroLatency));
    }

    @Setup(Level.Iteration)
    public void recordLatencies() {
        recordCompletions(Completions.Kind.HTTP, requests);
    }

    @Benchmark
    public FanOutResult httpFanOut() {
        operationStarted();
        return subject.httpFanOut(spec);
    }

    @TearDown(Level.Iteration)
    public void flushLatencies() {
        flushCompletions();
    }
}
