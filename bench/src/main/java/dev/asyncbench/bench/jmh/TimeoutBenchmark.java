package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkTestbed;

import dev.asyncbench.core.spec.TimeoutSpec;
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
import java.util.concurrent.TimeoutException;

/**
 * Scenario 7: one call held L by the server with a deadline D. When L &lt; D it returns the
 * body in about L; when L &gt; D it must give up at D (ideal min(L, D)) and abandon the request.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios timeout}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class TimeoutBenchmark extends ScenarioState {

    /** L: how long the server holds the call. */
    @Param("500")
    public int latencyMs;

    /** D: the deadline. */
    @Param("50")
    public int deadlineMs;

    private TimeoutSpec spec;

    @Override
    protected void prepare() {
        spec = new TimeoutSpec(ForkTestbed.http(), ms(latencyMs), ms(deadlineMs));
    }

    /**
     * A late call must time out. A call in time must return the reference's body; the first
     * calls in a fresh JVM can be slow enough to miss a short deadline, so it gets three runs.
     */
    @Override
    protected void verify() throws IOException {
        boolean late = latencyMs > deadlineMs;
        Object actual = first(this::fetch);
        if (late) {
            if (!(actual instanceof TimeoutException)) throw incorrect(actual, "a TimeoutException after " + deadlineMs + " ms");
            return;
        }
        for (int attempt = 1; attempt < 3 && actual instanceof TimeoutException; attempt++) actual = fetch();
        Object answer = actual;
        expectReference(answer, reference -> {
            try {
                return reference.fetchWithTimeout(spec);
            } catch (TimeoutException e) {
                return e;
            }
        });
    }

    /** Every measured call starts from a quiet server and a warm connection ({@link ForkTestbed#quietAndWarm}). */
    @Setup(Level.Iteration)
    public void quietAndWarm() {
        ForkTestbed.quietAndWarm(1);
    }

    /** The body, or the TimeoutException (a timeout is this scenario's expected outcome, not a failure). */
    @Benchmark
    public Object fetch() {
        operationStarted();
        try {
            return subject.fetchWithTimeout(spec);
        } catch (TimeoutException e) {
            return e;
        } finally {
            operationEnded();
        }
    }

    /** Time to quiescence: until a timed-out request has stopped at the server ({@link #awaitQuiet}). */
    @TearDown(Level.Iteration)
    public void quiet() {
        awaitQuiet();
    }
}
