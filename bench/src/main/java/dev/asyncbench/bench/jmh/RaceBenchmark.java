package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkReport;
import dev.asyncbench.bench.fork.ForkTestbed;
import dev.asyncbench.bench.results.BenchScenario;

import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 9: R replicas; r0 fails after W/2, r1 answers after W, r(i) after i x W. The first
 * success (r1) wins in about W, and the losers still running are cancelled.
 *
 * <p>HOW TO RUN: {@code ./suite run --scenarios race}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsPrepend = "--enable-preview")
public class RaceBenchmark extends ScenarioState {

    /** R: replicas. */
    @Param("3")
    public int replicas;

    /** W: the winner's latency. */
    @Param("20")
    public int winnerMs;

    private RaceSpec spec;

    @Override
    protected void prepare() {
        spec = new RaceSpec(ForkTestbed.http(), BenchScenario.raceReplicas(replicas, winnerMs));
    }

    /**
     * The reference (one replica after the other) answers r1's body: r1 is the first success.
     * The first runs in a fresh JVM are slow enough that r2 (W later) can win one of them, so
     * the check gives the model three runs to return r1, and fails only if it never does. The
     * model's first run comes before the reference's requests, which would warm the client.
     */
    @Override
    protected void verify() throws IOException {
        String winner = first(() -> subject.race(spec));
        RaceSpec instant = new RaceSpec(spec.http(), spec.replicas().stream()
                .map(r -> new Replica(r.name(), ms(0), r.fails())).toList());
        String expected = reference().race(instant);
        List<String> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) winner = subject.race(spec);
            if (winner.equals(expected)) {
                if (!answers.isEmpty()) ForkReport.note("race: " + answers + " won the first checked runs before " + expected + " (a cold JVM)");
                return;
            }
            answers.add(winner);
        }
        throw incorrect(answers, expected + " (the first successful replica) in one of three runs");
    }

    /** Every measured race starts from a quiet server and R warm connections ({@link ForkTestbed#quietAndWarm}). */
    @Setup(Level.Iteration)
    public void quietAndWarm() {
        ForkTestbed.quietAndWarm(replicas);
    }

    @Benchmark
    public String race() {
        operationStarted();
        try {
            return subject.race(spec);
        } finally {
            operationEnded();
        }
    }

    /** Time to quiescence: until the losers the race cancelled have stopped at the server ({@link #awaitQuiet}). */
    @TearDown(Level.Iteration)
    public void quiet() {
        awaitQuiet();
    }
}
