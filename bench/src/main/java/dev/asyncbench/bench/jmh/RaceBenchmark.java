package dev.asyncbench.bench.jmh;

import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;

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

    static List<Replica> replicas(int count, long winnerMs) {
        List<Replica> list = new ArrayList<>(count);
        list.add(Replica.failing("r0", ms(winnerMs / 2)));
        for (int i = 1; i < count; i++) list.add(Replica.of("r" + i, ms(winnerMs * i)));
        return list;
    }

    @Override
    protected void prepare() {
        spec = new RaceSpec(ForkTestbed.http(), replicas(replicas, winnerMs));
    }

    /**
     * The reference (one replica after the other) answers r1's body. With real latencies a
     * loaded machine can let r2's answer arrive first, 2W later or not: any successful replica's
     * body is a correct answer; the failing r0's never is.
     */
    @Override
    protected void verify() throws java.io.IOException {
        String winner = subject.race(spec);
        for (Replica r : spec.replicas().subList(1, replicas)) {
            RaceSpec alone = new RaceSpec(spec.http(), List.of(Replica.failing("r0", ms(0)), new Replica(r.name(), ms(0), false)));
            String body = reference().race(alone);
            if (body.equals(winner)) {
                if (!r.name().equals("r1")) ForkReport.note("race: " + r.name() + " won the checked run, not r1 (timing on a loaded machine)");
                return;
            }
        }
        throw incorrect(winner, "the body of a successful replica (r1 .. r" + (replicas - 1) + ")");
    }

    @Benchmark
    public String race() {
        return subject.race(spec);
    }
}
