package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.IncorrectResult;

import dev.asyncbench.bench.fork.ProcessStats;

import dev.asyncbench.bench.fork.ForkModels;
import dev.asyncbench.bench.fork.ForkReport;
import dev.asyncbench.bench.fork.ForkTestbed;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.io.Completions;
import dev.asyncbench.core.testbed.ServerStats;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every benchmark shares: the {@code model} parameter, the model's instance, and the
 * check that comes before any measurement (in the manner of kotlinx.coroutines' scrabble
 * benchmarks and Renaissance): the setup runs the scenario once and compares its answer with
 * the sequential reference's, failing with an {@link IncorrectResult} when they differ.
 *
 * <p>Each subclass is one scenario: its sizes as {@code @Param}s, {@link #prepare()} building
 * the spec, {@link #verify()} checking one run, and a {@code @Benchmark} method making the one
 * blocking call being measured. A failure anywhere (the model cannot create its threads, a
 * wrong answer) is written to the {@link ForkReport}, so the runner records it as a result.
 *
 * <p>The checked run is the fork's first operation: {@link #verify()} makes the model's call
 * through {@link #first}, which times it as the fork's cold time.
 */
@State(Scope.Benchmark)
public abstract class ScenarioState {

    /**
     * The model measured. The runner always names it ({@code -p model=rx} by hand); the default is
     * the reference model alone, so that no list of models is kept here.
     */
    @Param("sequential")
    public String model;

    /** The model being measured. */
    protected TaskScenario subject;

    /** VmRSS before the model was created and first ran: the memory probe's baseline. */
    protected long rssAtStartKb;

    /** The name of the {@code @Benchmark} method this fork measures. */
    protected String measured;

    private TaskScenario reference;
    private String referenceKey;
    private long operationStart;
    private long operationEnd;
    private long[] completions = new long[0];
    private final AtomicInteger completed = new AtomicInteger();
    private boolean ranFirst;

    @Setup(Level.Trial)
    public final void setUpTrial(BenchmarkParams params) throws Exception {
        rssAtStartKb = ProcessStats.statusKb("VmRSS");
        String benchmark = params.getBenchmark();
        measured = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        StringBuilder key = new StringBuilder(getClass().getSimpleName().replace("_jmhType", ""));
        for (String p : params.getParamsKeys()) if (!p.equals("model")) key.append('-').append(p).append('=').append(params.getParam(p));
        referenceKey = key.toString().replaceAll("[^A-Za-z0-9=._-]", "_");
        ranFirst = false;
        ForkProbe.cold(Double.NaN);
        try {
            subject = ForkModels.create(model);
            prepare();
            verify();
            warmUp();
            ForkProbe.startPinning();
        } catch (Throwable t) {
            ForkReport.failure(t);
            throw t;
        }
    }

    @TearDown(Level.Trial)
    public final void tearDownTrial() throws Exception {
        try {
            // JMH runs this before the last iteration's profilers: their figures end here
            ForkProbe.measurementEnded();
            ForkProbe.stopPinning();
            afterMeasuring();
            cleanUp();
        } catch (Throwable t) {
            ForkReport.failure(t);
            throw t;
        } finally {
            if (subject != null) subject.close();
            if (reference != null) reference.close();
        }
    }

    /** Builds the spec from the parameters and attaches to the testbed. */
    protected abstract void prepare() throws Exception;

    /**
     * Runs the scenario once in the model, its call made through {@link #first}, before the
     * reference's; checks the answer, throwing {@link #incorrect} when wrong.
     */
    protected abstract void verify() throws Exception;

    /**
     * Makes the model's call {@code call} and, when it is the first of this fork, records its
     * wall time as the fork's cold time ({@link dev.asyncbench.bench.fork.ForkProtocol.Measure#COLD},
     * reported by {@link ForkProbe} with the measured iterations; {@code cold_ms} in results.csv).
     * Each {@link #verify()} makes the model's first call through it, before the reference runs.
     *
     * <p>It holds the model's first call in a fresh JVM: loading the classes it needs (mapped
     * from the run's class archive when there is one), code the JIT has not compiled yet, and
     * whatever the model and the shared clients make on first use (threads, pools, connections
     * to the testbed). Not in it: creating the model, {@link #prepare()} (the spec, the testbed's
     * clients, the file tree), the reference's answer and the check. It is otherwise the
     * measured operation with the same spec, but runs in the trial's setup: before any warm-up
     * (and, where the preset has them, the zero-latency warm-up and the pinning count), with no
     * per-task latency recorded. Race's check may run the model up to three times: the first is
     * timed. A call that throws records nothing.
     */
    protected final <T> T first(Supplier<T> call) {
        if (ranFirst) return call.get();
        ranFirst = true;
        long start = System.nanoTime();
        T answer = call.get();
        ForkProbe.cold((System.nanoTime() - start) / 1e6);
        return answer;
    }

    /**
     * Runs the operation again, before the iterations, where one operation's CPU work is large
     * enough that a cold JIT would be measured instead of the model (many HTTP requests): the
     * scenarios that override it call {@link #warmUpWith} with the operation at zero latency,
     * and are the ones {@code BenchScenario.warmsUp()} names (the runner's estimate and notes).
     */
    protected void warmUp() throws Exception {
    }

    /**
     * Runs {@code operation} over and over for as many ms as {@link Property#WARM_UP_MS} says, so that the JIT has
     * compiled the shared clients' and the model's code before anything is measured. Every
     * model gets the same time.
     */
    protected final void warmUpWith(Runnable operation) {
        long ms = Property.WARM_UP_MS.number(0);
        long end = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() - end < 0) operation.run();
    }

    /**
     * Anything measured once per fork, after the measured iterations, when the JIT has compiled
     * the model's code (memory per waiting task); outside every iteration's figures.
     */
    protected void afterMeasuring() throws Exception {
    }

    /** Releases what {@link #prepare()} made. */
    protected void cleanUp() throws Exception {
    }

    /** The sequential model: the correctness oracle. */
    protected final TaskScenario reference() {
        if (reference == null) reference = ForkModels.create("sequential");
        return reference;
    }

    /**
     * Compares one answer with the sequential reference's, computed by {@code reference} (at
     * latency 0: answers do not depend on it). A run computes each size's reference once: the
     * first fork writes its text to the folder named by {@link Property#REFERENCES}, and the forks of
     * the other models compare their answer's text with it.
     */
    protected final void expectReference(Object actual, Function<TaskScenario, Object> reference) throws IOException {
        String folder = Property.REFERENCES.get();
        Path file = folder == null ? null : Path.of(folder, referenceKey + ".txt");
        if (file != null && Files.exists(file)) {
            String expected = Files.readString(file);
            if (!String.valueOf(actual).equals(expected)) throw incorrect(actual, expected);
            return;
        }
        Object expected = reference.apply(reference());
        if (file != null) {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), referenceKey, ".tmp");
            Files.writeString(tmp, String.valueOf(expected));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        expect(actual, expected);
    }

    /** Compares one answer with the reference's; the exception the runner records as "incorrect". */
    protected final void expect(Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) throw incorrect(actual, expected);
    }

    protected final IncorrectResult incorrect(Object actual, Object expected) {
        return new IncorrectResult(model, actual, expected);
    }

    protected static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    // ---- per-task latency through core.io's completion marks ----------------------------------

    /**
     * Records, during each measured iteration, when the shared IO clients complete calls of
     * {@code kind}; {@link #operationStarted()} marks the operation's start. Only the first
     * {@code capacity} completions are kept (no allocation while measuring).
     */
    protected final void recordCompletions(Completions.Kind kind, int capacity) {
        completions = new long[capacity];
        completed.set(0);
        Completions.record((k, nanoTime) -> {
            if (k != kind) return;
            int i = completed.getAndIncrement();
            if (i < completions.length) completions[i] = nanoTime;
        });
    }

    /** Call first thing in the measured method. */
    protected final void operationStarted() {
        operationStart = System.nanoTime();
    }

    /** Call last thing in the measured method (in a {@code finally}), where {@link #awaitQuiet} follows. */
    protected final void operationEnded() {
        operationEnd = System.nanoTime();
    }

    /**
     * Waits, after the operation {@link #operationStarted()} and {@link #operationEnded()} marked,
     * until the HTTP testbed has no request in flight, and hands the probe this iteration's time
     * to quiescence ({@link dev.asyncbench.bench.fork.ForkProtocol.Measure#QUIET}): from the
     * operation's start until what the call cancelled (race's losers, a timed-out request) had
     * stopped at the server, or until the call returned if that was later. The server says for
     * how long it has been quiet ({@code ServerStats.quietMicros}), so the moment is known to
     * within the answer's one-way trip, however often this polls (every millisecond, through the
     * shared client; the stats request is not counted in flight). A model that cancels before
     * returning is quiet when it returns; one that returns first and cancels after, later; one
     * that never cancels, when the slowest request ends. Gives up after 10 s, recording nothing.
     */
    protected final void awaitQuiet() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            ServerStats stats = ForkTestbed.http().stats();
            long received = System.nanoTime();
            if (stats.inFlight() == 0) {
                long quietAt = Math.max(received - stats.quietMicros() * 1000, operationEnd);
                ForkProbe.quiet((quietAt - operationStart) / 1e6);
                return;
            }
            if (received - deadline > 0) return;
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Hands the recorded completions to the probe as latencies; call after the iteration. */
    protected final void flushCompletions() {
        Completions.stop();
        int n = Math.min(completed.getAndSet(0), completions.length);
        for (int i = 0; i < n; i++) ForkProbe.latency(completions[i] - operationStart);
    }
}
