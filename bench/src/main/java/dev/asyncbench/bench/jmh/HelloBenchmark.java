package dev.asyncbench.bench.jmh;

import dev.asyncbench.core.EventLog;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 1, the post's first example: log "Hello", wait L, log "world". Every model takes
 * about L; what differs is the cost of starting and joining one task, which this shows.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios hello}, or as plain JMH:
 * {@code ./suite jmh HelloBenchmark -p model=rx}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class HelloBenchmark extends ScenarioState {

    /** L: the pause between the two lines. */
    @Param("10")
    public int pauseMs;

    private Duration pause;

    @Override
    protected void prepare() {
        pause = ms(pauseMs);
    }

    @Override
    protected void verify() {
        expect(first(this::hello).lines(), List.of("Hello", "world"));
    }

    @Benchmark
    public EventLog hello() {
        EventLog log = EventLog.recording();
        subject.hello(pause, log);
        return log;
    }
}
