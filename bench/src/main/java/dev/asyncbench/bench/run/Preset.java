package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.MemoryProbe;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Size;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.asyncbench.bench.results.BenchScenario.*;

/**
 * What {@code run --preset} measures, and how hard. Both presets run every model on every
 * scenario; {@code quick} at small and medium sizes within about five minutes on a 2-core
 * machine, {@code full} adds the large sizes (the 1,000,000-task gather) within an hour.
 *
 * <p>A model whose expected time for one operation exceeds {@link #opBudget()} at a size (the
 * sequential model at 10,000 tasks of 100 ms would take 17 minutes per operation) is not run
 * there: its row says so, with the estimate.
 */
public enum Preset {
    QUICK(0, 3, 8, 300, Duration.ofSeconds(2), false, 0, Duration.ofSeconds(2), Duration.ofSeconds(2), List.of(5_000), 1),
    FULL(2, 8, 30, 4000, Duration.ofSeconds(15), true, 5000, Duration.ofSeconds(5), Duration.ofSeconds(5), List.of(100_000, 1_000_000), 4);

    /** Single-shot iterations thrown away, after the setup's checked operation, at least. */
    final int warmups;
    /** Single-shot iterations measured, at least ... */
    final int measurements;
    /** ... and at most: short operations get more, up to about {@link #measureMs} of measuring. */
    final int maxMeasurements;
    final long measureMs;
    private final Duration opBudget;
    /** Whether each fork records JFR's jdk.VirtualThreadPinned events (a JFR stream costs startup time). */
    final boolean recordPinning;
    /** How long a fork of a scenario that {@link BenchScenario#warmsUp()} runs its operation at zero latency first, in ms. */
    final long warmUpMs;
    /** The server capacity probe at the end of the run: its warm-up, then its measuring ({@link ServerCapacity}). */
    final Duration capacityWarmUp, capacityMeasure;
    /** N of the no-harness-tax check (minimal programs vs suite), at this preset's gather-mass delay for that N. */
    final List<Integer> minimalSizes;
    /**
     * How many times the memory probe may run until two readings agree ({@code MemoryProbe}):
     * quick probes once (after the measured iterations the JIT has settled; each repeat costs
     * seconds), full up to four times.
     */
    final int memoryProbes;

    Preset(int warmups, int measurements, int maxMeasurements, long measureMs, Duration opBudget, boolean recordPinning,
           long warmUpMs, Duration capacityWarmUp, Duration capacityMeasure, List<Integer> minimalSizes, int memoryProbes) {
        this.warmups = warmups;
        this.measurements = measurements;
        this.maxMeasurements = maxMeasurements;
        this.measureMs = measureMs;
        this.opBudget = opBudget;
        this.recordPinning = recordPinning;
        this.warmUpMs = warmUpMs;
        this.capacityWarmUp = capacityWarmUp;
        this.capacityMeasure = capacityMeasure;
        this.minimalSizes = minimalSizes;
        this.memoryProbes = memoryProbes;
    }

    /**
     * Warm-up iterations for an operation of about {@code opMs}: the minimum, more for short ones
     * (a third of the measuring). The setup's checked operation always comes first, so even
     * zero warm-up iterations (quick) measure a JVM that has run the scenario once; an operation
     * longer than all of {@link #measureMs} gets only the minimum (quick's 0.6 s tail-latency
     * fan-out is not run again to warm up), one over 3 s at most one, and one over 10 s none
     * (its checked run is a warm-up of 10 s already).
     */
    public int warmups(double opMs) {
        if (opMs > VERY_LONG_OP_MS) return 0;
        if (opMs > LONG_OP_MS) return Math.min(warmups, 1);
        if (opMs > measureMs) return warmups;
        return (int) Math.clamp((long) Math.ceil(measureMs / 3.0 / Math.max(opMs, 1)), warmups, Math.max(2L, 3L * warmups));
    }

    /**
     * Measured iterations for an operation of about {@code opMs}; operations over 3 s, whose
     * noise is relatively small, get at most 5, and over 10 s at most 3.
     */
    public int measurements(double opMs) {
        int min = opMs > VERY_LONG_OP_MS ? Math.min(measurements, 3) : opMs > LONG_OP_MS ? Math.min(measurements, 5) : measurements;
        return (int) Math.clamp((long) Math.ceil(measureMs / Math.max(opMs, 1)), min, maxMeasurements);
    }

    /**
     * Load's operation is a whole run of arrivals, and its figures are its requests' latencies:
     * every request is a sample, so at most one warm-up run and {@value #LOAD_RUNS} measured runs.
     */
    public int warmups(BenchScenario s, double opMs) {
        return s == BenchScenario.LOAD ? Math.min(warmups(opMs), 1) : warmups(opMs);
    }

    /** Measured iterations of scenario {@code s} for an operation of about {@code opMs} (load: {@value #LOAD_RUNS}). */
    public int measurements(BenchScenario s, double opMs) {
        return s == BenchScenario.LOAD ? LOAD_RUNS : measurements(opMs);
    }

    static final int LOAD_RUNS = 3;

    /** An operation this long is measured fewer times. */
    static final double LONG_OP_MS = 3000;
    /** ... and one this long fewer still. */
    static final double VERY_LONG_OP_MS = 10_000;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Duration opBudget() {
        return opBudget;
    }

    public static Preset byId(String id) {
        for (Preset p : values()) if (p.id().equals(id)) return p;
        throw new BadInput("unknown preset '" + id + "'; accepted: " + Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", ")));
    }

    /** The sizes this preset runs a scenario at, smallest first. */
    public List<Size> sizes(BenchScenario s) {
        List<Size> quick = switch (s) {
            // quick keeps one size of most scenarios (full adds the smaller and larger ones back) so that nine models fit its five minutes
            case HELLO -> List.of(Size.of("L", 10));
            case GATHER -> List.of(Size.of("N", 3, "U", 10));
            case GATHER_MASS -> List.of(Size.of("N", 5_000, "L", 20));
            case HTTP_FAN_OUT -> List.of(Size.of("K", 500, "L", 10, "B", 4096, "C", 100),
                    // the tail: a slot must free when its request completes, not in request order (rule F4)
                    Size.of("K", 1000, "L", 10, "B", 4096, "C", 100).withDist("lognormal:p99=10"));
            case FILES -> List.of(Size.of("F", 100, "S", 16384, "C", 16));
            case DB -> List.of(Size.of("Q", 200, "L", 10, "P", 20));
            case AGGREGATE -> List.of(Size.of("N", 200, "L", 10, "C", 50, "P", 20),
                    Size.of("N", 400, "L", 10, "C", 50, "P", 20).withDist("lognormal:p99=10"));
            case TIMEOUT -> List.of(Size.of("L", 10, "D", 100), Size.of("L", 500, "D", 50));
            case FAIL_FAST, COLLECT_ALL -> List.of(Size.of("N", 3, "U", 20));
            case RACE -> List.of(Size.of("R", 16, "W", 20));
            case RETRY -> List.of(Size.of("K", 200, "L", 10, "C", 40, "F", 20, "A", 4, "T", 100));
            // offered rates below and past each model's saturation (full sweeps from 200/s to find the knee)
            case LOAD -> List.of(Size.of("R", 800, "T", 500, "L", 10, "C", 20, "P", 20), Size.of("R", 3200, "T", 500, "L", 10, "C", 20, "P", 20));
        };
        if (this == QUICK) return quick;
        List<Size> full = new ArrayList<>(quick);
        if (SMALLEST_IN_FULL_ONLY.contains(s)) full.addFirst(smallest(s));
        switch (s) {
            // the post's own sizes (hello L=1 s, gather U=1 s) are ./suite demo's: every model takes them in 1 s and 3 s
            case HELLO -> { }
            case GATHER -> full.add(Size.of("N", 30_000, "U", 10));
            case GATHER_MASS -> {
                full.clear();
                for (int n : new int[] {10_000, 100_000, 1_000_000}) full.add(Size.of("N", n, "L", 1000));
            }
            case HTTP_FAN_OUT -> full.add(Size.of("K", 10_000, "L", 20, "B", 1024, "C", 1000));
            case FILES -> full.add(Size.of("F", 2000, "S", 4096, "C", 64));
            case DB -> full.add(Size.of("Q", 5000, "L", 10, "P", 50));
            case AGGREGATE -> full.add(Size.of("N", 5000, "L", 10, "C", 200, "P", 50));
            case TIMEOUT -> { }
            case FAIL_FAST, COLLECT_ALL -> full.add(Size.of("N", 30_000, "U", 20));
            case RACE -> full.add(Size.of("R", 64, "W", 20));
            case LOAD -> {
                full.clear();
                for (int r : new int[] {200, 800, 1200, 1600, 2400, 3200}) full.add(Size.of("R", r, "T", 1000, "L", 10, "C", 20, "P", 20));
            }
            case RETRY -> full.add(Size.of("K", 2000, "L", 20, "C", 200, "F", 20, "A", 4, "T", 200));
        }
        return full;
    }

    /** Scenarios whose {@link #smallest} size only the full preset runs, as its first. */
    private static final Set<BenchScenario> SMALLEST_IN_FULL_ONLY = EnumSet.of(HTTP_FAN_OUT, FILES, DB, AGGREGATE, RACE);

    /**
     * The scenario's smallest size, a few requests or tasks: the size the class archive trains at
     * (every model, the sequential one included, runs it once), and for the scenarios in
     * {@link #SMALLEST_IN_FULL_ONLY} the full preset's first.
     */
    public static Size smallest(BenchScenario s) {
        return switch (s) {
            case GATHER_MASS -> Size.of("N", 10, "L", 20);
            case HTTP_FAN_OUT -> Size.of("K", 20, "L", 10, "B", 1024, "C", 10);
            case FILES -> Size.of("F", 10, "S", 65536, "C", 4);
            case DB -> Size.of("Q", 20, "L", 10, "P", 10);
            case AGGREGATE -> Size.of("N", 20, "L", 10, "C", 10, "P", 10);
            case RACE -> Size.of("R", 3, "W", 20);
            case RETRY -> Size.of("K", 50, "L", 10, "C", 40, "F", 20, "A", 4, "T", 100);
            case LOAD -> Size.of("R", 200, "T", 100, "L", 10, "C", 20, "P", 20);
            default -> QUICK.sizes(s).getFirst();
        };
    }
}
