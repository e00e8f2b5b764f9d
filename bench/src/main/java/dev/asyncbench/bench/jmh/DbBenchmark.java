package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkTestbed;
import dev.asyncbench.bench.fork.ForkProtocol.Property;

import dev.asyncbench.core.io.Completions;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
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
 * Scenario 5: Q queries, each waiting L server-side, through a HikariCP pool of P connections;
 * ideal ceil(Q / P) x L: the pool, not the model, is the limit.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios db} (it starts the testbed database and passes
 * its JDBC URL to the fork as {@link Property#DB}, {@code -Dasyncbench.db=jdbc:...}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class DbBenchmark extends ScenarioState {

    /** Q: queries. */
    @Param("500")
    public int queries;

    /** L: how long each waits server-side. */
    @Param("20")
    public int latencyMs;

    /** P: connections in the pool. */
    @Param("20")
    public int poolSize;

    private OrdersRepository orders;
    private DbSpec spec;

    @Override
    protected void prepare() {
        orders = ForkTestbed.orders(poolSize);
        spec = new DbSpec(orders, queries, ms(latencyMs));
    }

    @Override
    protected void verify() throws IOException {
        expectReference(first(() -> subject.db(spec)), reference -> reference.db(new DbSpec(orders, queries, ms(0))));
    }

    @Override
    protected void cleanUp() {
        if (orders != null) orders.close();
    }

    @Setup(Level.Iteration)
    public void recordLatencies() {
        recordCompletions(Completions.Kind.DB, queries);
    }

    @Benchmark
    public DbResult db() {
        operationStarted();
        return subject.db(spec);
    }

    @TearDown(Level.Iteration)
    public void flushLatencies() {
        flushCompletions();
    }
}
