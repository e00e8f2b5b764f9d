package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkTestbed;

import dev.asyncbench.core.io.Completions;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.Dist;
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
 * Scenario 6: per id, the profile over HTTP and the orders from the database at once (each
 * waits L), combined with a little CPU work and stored; at most C ids in flight, a pool of P;
 * ideal max(ceil(N / C), ceil(N / P)) x L (with a distribution for the profiles, the greedy
 * makespan of each id's longer wait, profile or orders). A task's latency ends at its store.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios aggregate}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class AggregateBenchmark extends ScenarioState {

    /** N: ids. */
    @Param("500")
    public int ids;

    /** L: how long the profile and the orders each wait. */
    @Param("20")
    public int latencyMs;

    /** C: ids in flight. */
    @Param("50")
    public int maxInFlight;

    /** P: database connections. */
    @Param("20")
    public int poolSize;

    /** How each profile's latency is drawn around L ({@code Dist}): fixed, or e.g. lognormal:p99=10. */
    @Param("fixed")
    public String dist;

    private OrdersRepository orders;
    private AggregateSpec spec;
    /** The same work without the latency: the reference's input (answers do not depend on it) and the warm-up's. */
    private AggregateSpec atZeroLatency;

    @Override
    protected void prepare() {
        orders = ForkTestbed.orders(poolSize);
        spec = new AggregateSpec(ForkTestbed.http(), orders, ids, ms(latencyMs), maxInFlight, Dist.parse(dist));
        atZeroLatency = new AggregateSpec(spec.http(), orders, ids, ms(0), maxInFlight);
    }

    @Override
    protected void verify() throws IOException {
        expectReference(first(() -> subject.aggregate(spec)), reference -> reference.aggregate(atZeroLatency));
    }

    @Override
    protected void warmUp() {
        warmUpWith(() -> subject.aggregate(atZeroLatency));
    }

    @Override
    protected void cleanUp() {
        if (orders != null) orders.close();
    }

    @Setup(Level.Iteration)
    public void recordLatencies() {
        recordCompletions(Completions.Kind.STORE, ids);
    }

    @Benchmark
    public AggregateResult aggregate() {
        operationStarted();
        return subject.aggregate(spec);
    }

    @TearDown(Level.Iteration)
    public void flushLatencies() {
        flushCompletions();
    }
}
