package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkTestbed;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.core.io.Completions;
import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.spec.Faults;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;
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

import java.util.concurrent.TimeUnit;

/**
 * Scenario 10: K requests held L by the testbed server, F% of their attempts failing by the
 * seeded plan (503, dropped mid-answer, or a stall past the timeout), each retried up to A
 * attempts of at most T ms with exponential backoff and jitter, at most C in flight; ideal: the
 * greedy makespan of every request's attempts and backoffs ({@code BenchScenario.idealMs}).
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios retry}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class RetryBenchmark extends ScenarioState {

    /** K: requests. */
    @Param("400")
    public int requests;

    /** L: how long the server holds each attempt. */
    @Param("10")
    public int latencyMs;

    /** C: at most in flight. */
    @Param("40")
    public int maxInFlight;

    /** F: the percentage of attempts that fail. */
    @Param("20")
    public int faultPercent;

    /** A: at most this many attempts per request. */
    @Param("4")
    public int maxAttempts;

    /** T: each attempt's timeout. */
    @Param("100")
    public int attemptTimeoutMs;

    private RetrySpec spec;

    @Override
    protected void prepare() {
        spec = new RetrySpec(ForkTestbed.http(), requests, ms(latencyMs), BenchScenario.RETRY_BODY, maxInFlight,
                new Faults(faultPercent / 100.0), maxAttempts, ms(attemptTimeoutMs),
                ms(BenchScenario.RETRY_BACKOFF_MS), ms(BenchScenario.RETRY_MAX_BACKOFF_MS));
    }

    @Override
    protected void verify() {
        // the answer depends on the plan only (RetryTally.expected, the sequential model's answer too, which
        // its kit checks): no reference run whose slow successes could read as stalls
        RetryResult expected = RetryTally.expected(spec.plan(), requests, spec.bodyBytes());
        RetryResult cold = first(() -> subject.retry(spec));
        // in a fresh JVM, a first attempt slowed by connecting and compiling can outlast its timeout
        // and be retried, which changes the answer; then the check is of the next, warm, run
        if (!cold.equals(expected)) expect(subject.retry(spec), expected);
    }

    @Setup(Level.Iteration)
    public void recordLatencies() {
        recordCompletions(Completions.Kind.HTTP, requests);
    }

    @Benchmark
    public RetryResult retry() {
        operationStarted();
        return subject.retry(spec);
    }

    @TearDown(Level.Iteration)
    public void flushLatencies() {
        flushCompletions();
    }
}
