package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.MemoryProbe;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.ScenarioPlans;
import dev.asyncbench.bench.results.Size;
import dev.asyncbench.bench.fork.ModelsProbe.Model;
import dev.asyncbench.core.Traits;
import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.Makespan;

/**
 * Rough expected times, for the progress bar's estimate and for leaving out what would not
 * fit the run's budget (the sequential model at 10,000 tasks). Never part of a result.
 */
public final class Estimates {

    /**
     * A JVM fork using the testbed: start, class loading (from the class archive), JMH handshake,
     * HTTP client, pools; half that without. The same without the class archive, though each fork
     * then starts later (bench/RESULTS.md has the figure).
     */
    static final double FORK_MS = 1500;

    /** The asyncio row's harness: CPython, its imports, aiohttp's session, asyncpg's pool (0.2 s without them here). */
    static final double PYTHON_MS = 500;

    private Estimates() {
    }

    /** Expected wall time of one operation of this model at this size, in ms. */
    static double opMs(BenchScenario s, Size z, Model model) {
        Traits t = model.traits();
        long w = t.concurrent() ? t.maxWaiting() : 1;
        return switch (s) {
            case HELLO -> z.get("L") + 1;
            case GATHER, COLLECT_ALL -> (waves(z.get("N"), w) <= 1 ? Math.min(z.get("N"), 3) * z.get("U")
                    : z.get("N") * 2.0 * z.get("U") / w) + z.get("N") * startMs(model);
            case FAIL_FAST -> (t.concurrent() ? 2 * z.get("U") : 3 * z.get("U")) + z.get("N") * startMs(model);
            case GATHER_MASS -> waves(z.get("N"), w) * z.get("L") + z.get("N") * startMs(model);
            case HTTP_FAN_OUT -> (z.hasDist()
                    ? Makespan.greedy(Dist.parse(z.dist()), (int) z.get("K"), z.get("L"), (int) Math.min(z.get("C"), w))
                    : waves(z.get("K"), Math.min(z.get("C"), w)) * z.get("L")) + z.get("K") * 0.3;
            case FILES -> z.get("F") * (1.0 + z.get("S") / 100_000.0) / Math.min(Math.min(z.get("C"), w), 4);
            case DB -> waves(z.get("Q"), Math.min(z.get("P"), w)) * z.get("L") + z.get("Q") * 0.3;
            case AGGREGATE -> (t.concurrent() ? 1 : 2) * waves(z.get("N"), Math.min(Math.min(z.get("C"), z.get("P")), w)) * meanMs(z, "N")
                    + z.get("N") * 0.5;
            case TIMEOUT -> Math.min(z.get("L"), z.get("D")) + 2;
            case RACE -> t.concurrent() ? z.get("W") + 2 : z.get("W") * 1.5 + 2;
            case LOAD -> ScenarioPlans.loadMakespanMs(z, Math.min(Math.min(z.get("C"), z.get("P")), w)) * (t.concurrent() ? 1 : 2) + 50;
            case RETRY -> Makespan.greedy(ScenarioPlans.retryPlan(z).chainsMs((int) z.get("K")), (int) Math.min(z.get("C"), w)) + z.get("K") * 0.4;
        };
    }

    /** The mean latency of the size's {@code count} requests: L, or the mean of its distribution's draws. */
    private static double meanMs(Size z, String count) {
        if (!z.hasDist()) return z.get("L");
        return java.util.Arrays.stream(Makespan.draws(Dist.parse(z.dist()), (int) z.get(count), z.get("L"))).average().orElse(z.get("L"));
    }

    /** The whole fork: start, the checked run (with the reference's), the timed warm-up, warm-up and measured iterations. */
    static double combinationMs(BenchScenario s, Size z, Model model, long warmUpMs, int memoryProbes, int warmups, int measurements) {
        double op = opMs(s, z, model);
        double check = s == BenchScenario.FAIL_FAST || s == BenchScenario.COLLECT_ALL ? 2 * op : op;
        double probe = s == BenchScenario.GATHER_MASS ? probeMs(z, model, memoryProbes) : 0;
        double start = model.name().equals(AsyncioRow.NAME) ? PYTHON_MS : FORK_MS;
        double fork = s.needsServer() || s.needsDatabase() ? start : start / 2;
        double warmUp = s.warmsUp() ? warmUpMs : 0;
        return fork + check + probe + warmUp + (warmups + measurements) * op + gcMs(s, z, warmups + measurements);
    }

    /**
     * The mass gather's memory probe ({@code MemoryProbe}), where it runs: {@code probes} of them
     * at most, usually two when that is more than one (it repeats until two readings agree),
     * each waiting its delay after starting the tasks.
     */
    static double probeMs(Size z, Model model, int probes) {
        Traits t = model.traits();
        long n = z.get("N");
        if (n < 1000 || !t.concurrent() || t.maxWaiting() < n) return 0;
        double starting = n * startMs(model);
        if (starting > MemoryProbe.MAX_STARTING_MS) return 0;     // not probed: it says so in the row's note
        // asyncio's harness probes once: no JIT to settle
        int runs = model.name().equals(AsyncioRow.NAME) ? 1 : Math.min(probes, 2);
        return runs * (Math.max(Math.max(2 * z.get("L"), 1000), 3 * starting) * 1.2 + starting);
    }

    /** The full GCs between {@code runs} runs where {@link BenchScenario#collectsBetweenIterations} asks for them. */
    static double gcMs(BenchScenario s, Size z, int runs) {
        return s.collectsBetweenIterations(z) ? Math.max(0, runs - 1) * GC_MS : 0;
    }

    /** Two full GCs of a 4 GiB heap holding little but garbage, with some margin. */
    static final double GC_MS = 300;

    /** Starting one task, as the model declares it ({@code TaskScenario.taskStart}). */
    static double startMs(Model model) {
        return model.taskStart().toNanos() / 1e6;
    }

    private static long waves(long tasks, long atOnce) {
        return (tasks + atOnce - 1) / Math.max(1, atOnce);
    }
}
