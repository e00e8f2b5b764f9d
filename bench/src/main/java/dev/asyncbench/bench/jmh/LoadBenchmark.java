package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkTestbed;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 11: open-loop load. Requests arrive at R per second for T ms on the arrival clock
 * fixed in advance; each is aggregate's work (profile and orders at once, L each, pool P); at
 * most C are served at once, the others queued. The time of an operation is its wall time (T
 * and the queue's drain); what matters is each request's latency from its intended start,
 * recorded with no coordinated omission into the per-task p50, p99 and max over the measured
 * operations, beside the service time's p99. The bench sweeps R; the report draws p50 and p99
 * against R per model and reads each model's knee.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios load}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class LoadBenchmark extends ScenarioState {

    /** R: arrivals per second. */
    @Param("800")
    public int rate;

    /** T: how long requests arrive, in ms. */
    @Param("500")
    public int durationMs;

    /** L: how long the profile and the orders each wait. */
    @Param("10")
    public int latencyMs;

    /** C: requests served at once. */
    @Param("20")
    public int maxInFlight;

    /** P: database connections. */
    @Param("20")
    public int poolSize;

    private OrdersRepository orders;
    private LoadSpec spec;
    private LoadResult last;

    @Override
    protected void prepare() {
        orders = ForkTestbed.orders(poolSize);
        spec = new LoadSpec(ForkTestbed.http(), orders, rate, ms(durationMs), ms(latencyMs), maxInFlight);
    }

    @Override
    protected void verify() throws IOException {
        // the answer is every arrival's summary: the reference's aggregate of as many ids, without latency
        LoadResult answer = first(() -> subject.load(spec));
        if (answer.answered() != answer.requests()) throw incorrect(answer, answer.requests() + " requests answered");
        expectReference(answer.checksum(), reference -> reference.aggregate(spec.work(answer.requests()).withLatency(ms(0))).checksum());
    }

    @Override
    protected void cleanUp() {
        if (orders != null) orders.close();
    }

    @Benchmark
    public LoadResult load() {
        operationStarted();
        last = subject.load(spec);
        return last;
    }

    @TearDown(Level.Iteration)
    public void flushLatencies() {
        if (last != null) ForkProbe.latencies(last.latency(), last.service());
        last = null;
    }
}
