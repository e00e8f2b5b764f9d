package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Manifest;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;
import dev.asyncbench.core.spec.Task;
import dev.asyncbench.core.spec.TimeoutSpec;
import dev.asyncbench.core.testbed.FileTrees;
import dev.asyncbench.core.testbed.Testbed;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;

/**
 * One round of the soak: one operation of every scenario of SPEC.md, at small sizes, on the
 * shared testbed, each answer checked against the sequential model's (the {@link Oracle}) as
 * the conformance kit checks them. The expected answers are computed once, before the first
 * round; a wrong answer or an unexpected exception fails the soak at once, naming the round
 * and the operation.
 *
 * <p>A round is nine calls, one per scenario: hello; gather; fail-fast; http-fan-out; files;
 * db; aggregate; timeout; race. Scenarios with two forms alternate them, odd rounds first:
 * gather ({@code gather} of named tasks, {@code gatherMany}), fail-fast ({@code gather} with a
 * failing task, which must throw that task's exception; collect-all {@code gatherAll}) and
 * timeout (too late, which must throw {@code TimeoutException}; in time). Sizes are the
 * smallest that still have things going at once, so that a thousand rounds take seconds:
 * <ul>
 *   <li>tasks wait {@link #WAIT} in odd rounds (hello's pause, gather's and fail-fast's tasks),
 *       so that the models' timers fire, and not at all in even rounds (hello, the mass gather,
 *       collect-all), so that their no-wait path runs too;
 *   <li>the HTTP server and the database answer at once (latency 0), except the requests that
 *       must be abandoned, which the server holds {@link #HELD}: the soak is about what a call
 *       leaves behind, and the conformance kit checks how long calls wait;
 *   <li>gather: three tasks; mass gather: {@link #MASS_TASKS}; fail-fast: A, and B which fails,
 *       then C at {@link #CANCELLED}, which must never complete; collect-all: A, B failing, C;
 *   <li>C = P = {@link #WIDTH}: http-fan-out, {@link #REQUESTS} requests of {@link #BODY_BYTES}
 *       bytes; files, {@link #FILES} files of {@link #FILE_BYTES} bytes (in RAM where the
 *       machine allows it: see {@link #fileRoot}); db, {@link #WIDTH} queries through a pool of
 *       {@link #WIDTH}; aggregate, {@link #WIDTH} ids;
 *   <li>timeout: too late, a deadline of {@link #WAIT} for a request held {@link #HELD}; in
 *       time, a deadline of {@link #DEADLINE}; race: a replica that fails at once, the winner,
 *       and a loser held {@link #HELD}.
 * </ul>
 * Only a model that cancels the held requests (abandons them: the server sees their
 * connections close) leaves no connection behind.
 */
final class SoakRound implements AutoCloseable {

    /** How long tasks wait in odd rounds, and the too-late fetch's deadline. */
    static final Duration WAIT = ofMillis(1);
    /** Operations in a round: one of every scenario. */
    static final int OPERATIONS = 9;
    /** C and P: how many requests, files, queries or ids a step has going at once. */
    static final int WIDTH = 2;
    /** The most requests any step has in flight at once: the race's three replicas (C is {@link #WIDTH}). */
    static final int MOST_AT_ONCE = 3;
    static final int MASS_TASKS = 4;
    static final int REQUESTS = 2 * WIDTH;
    static final int BODY_BYTES = 256;
    static final int FILES = WIDTH;
    static final int FILE_BYTES = 1024;
    /** fail-fast's slow sibling: cancelled when B fails, so its completion must never be logged. */
    static final Duration CANCELLED = ofMillis(100);
    static final GatherSpec GATHER = GatherSpec.of(Task.of("A", WAIT), Task.of("B", WAIT), Task.of("C", WAIT));
    static final MassGatherSpec MASS = new MassGatherSpec(MASS_TASKS, Duration.ZERO);
    static final GatherSpec FAIL_FAST = GatherSpec.of(Task.of("A", WAIT), Task.failing("B", WAIT), Task.of("C", CANCELLED));
    static final GatherSpec GATHER_ALL = GatherSpec.of(Task.of("A", Duration.ZERO), Task.failing("B", Duration.ZERO), Task.of("C", Duration.ZERO));
    /** How long the server holds a request that must be abandoned: the too-late fetch, the race's loser. */
    static final Duration HELD = ofSeconds(10);
    /** The in-time fetch's deadline: far above its latency. */
    static final Duration DEADLINE = ofSeconds(5);

    private final TaskScenario model;
    private final Path fileRoot;
    private final OrdersRepository orders;
    private final FanOutSpec fanOut;
    private final FilesSpec files;
    private final DbSpec db;
    private final AggregateSpec aggregate;
    private final TimeoutSpec inTime, tooLate;
    private final RaceSpec race;
    private final Expected expected;
    private final List<FailFast> failFasts = new ArrayList<>();
    /** Per operation: how many calls, and their nanoseconds in all. */
    private final Map<String, long[]> times = new LinkedHashMap<>();

    /** A fail-fast call's log, and when (on the log's clock) its gather had failed. */
    private record FailFast(EventLog log, Duration failedAt) {
    }

    /** The answers every round must give, from the oracle. */
    private record Expected(List<String> gather, List<Outcome> gatherAll, FanOutResult fanOut, Manifest manifest,
                            DbResult db, AggregateResult aggregate, String body, String race) {
    }

    /** The specs of every round on {@code testbed}, and their answers from the oracle; {@link #close} releases them. */
    SoakRound(TaskScenario model, Testbed testbed) {
        this.model = model;
        this.fileRoot = fileRoot(testbed);
        this.fanOut = new FanOutSpec(testbed.http(), REQUESTS, Duration.ZERO, BODY_BYTES, WIDTH);
        this.inTime = new TimeoutSpec(testbed.http(), Duration.ZERO, DEADLINE);
        this.tooLate = new TimeoutSpec(testbed.http(), HELD, WAIT);
        this.race = RaceSpec.of(testbed.http(), Replica.failing("a", Duration.ZERO), Replica.of("b", Duration.ZERO), Replica.of("c", HELD));
        OrdersRepository pool = null;
        try {
            Path inputDir = fileRoot.resolve("tree");
            this.files = new FilesSpec(inputDir, FileTrees.generate(inputDir, FILES, FILE_BYTES, 12), fileRoot.resolve("out"), WIDTH);
            pool = testbed.orders(WIDTH);
            this.db = new DbSpec(pool, WIDTH, Duration.ZERO);
            this.aggregate = new AggregateSpec(testbed.http(), pool, WIDTH, Duration.ZERO, WIDTH);
            Oracle oracle = new Oracle();
            this.expected = new Expected(oracle.gather(GATHER), oracle.gatherAll(GATHER_ALL),
                    oracle.httpFanOut(fanOut), oracle.files(files, fileRoot.resolve("oracle")), oracle.db(db),
                    oracle.aggregate(aggregate), oracle.fetchWithTimeout(inTime), oracle.race(race));
        } catch (RuntimeException | Error e) {
            if (pool != null) pool.close();
            removeFiles();
            throw e;
        }
        this.orders = pool;
    }

    /**
     * Where the files scenario reads and writes: a RAM-backed folder ({@code /dev/shm}) where the
     * machine has one, else the testbed's scratch folder. The soak counts the descriptors a model
     * leaves open, which are the same on either, while forcing files to a shared disk took much
     * of a round's time (docs/soak.md). The conformance kit and the bench use the disk.
     */
    private static Path fileRoot(Testbed testbed) {
        Path ram = Path.of("/dev/shm");
        if (!Files.isDirectory(ram) || !Files.isWritable(ram)) return testbed.scratch("soak-files-");
        try {
            return Files.createTempDirectory(ram, "asyncbench-soak-");
        } catch (IOException e) {
            return testbed.scratch("soak-files-");
        }
    }

    /**
     * One operation of every scenario, each answer checked; odd and even rounds alternate the
     * forms of gather, fail-fast and timeout, and whether tasks wait. {@code round} counts from 1
     * and names the round in a failure.
     */
    void run(int round, boolean warmUp) {
        String name = (warmUp ? "warm-up round " : "round ") + round;
        boolean odd = round % 2 == 1;
        step(name, "hello", () -> {
            EventLog log = EventLog.recording();
            model.hello(odd ? WAIT : Duration.ZERO, log);
            assertEquals(List.of("Hello", "world"), log.lines());
        });
        if (odd) {
            step(name, "gather", () -> assertEquals(expected.gather, model.gather(GATHER, EventLog.recording())));
        } else {
            step(name, "gatherMany", () -> assertEquals((long) MASS_TASKS * (MASS_TASKS - 1) / 2, model.gatherMany(MASS)));
        }
        if (odd) {
            step(name, "gather (fail-fast)", () -> {
                EventLog log = EventLog.recording();
                TaskFailedException error = assertThrowsExactly(TaskFailedException.class, () -> model.gather(FAIL_FAST, log));
                failFasts.add(new FailFast(log, log.elapsed()));
                assertEquals("B", error.task());
            });
        } else {
            step(name, "gatherAll", () -> assertEquals(expected.gatherAll, model.gatherAll(GATHER_ALL, EventLog.recording())));
        }
        step(name, "httpFanOut", () -> assertEquals(expected.fanOut, model.httpFanOut(fanOut)));
        step(name, "files", () -> checkFiles(model.files(files)));
        step(name, "db", () -> assertEquals(expected.db, model.db(db)));
        step(name, "aggregate", () -> assertEquals(expected.aggregate, model.aggregate(aggregate)));
        if (odd) {
            step(name, "fetchWithTimeout (too late)", () -> assertThrowsExactly(TimeoutException.class, () -> model.fetchWithTimeout(tooLate)));
        } else {
            step(name, "fetchWithTimeout (in time)", () -> assertEquals(expected.body, model.fetchWithTimeout(inTime)));
        }
        step(name, "race", () -> assertEquals(expected.race, model.race(race)));
    }

    /** Each operation's mean time (its checks included) since the last call, in round order; then starts again. */
    Map<String, Duration> meanTimes() {
        Map<String, Duration> means = new LinkedHashMap<>();
        times.forEach((operation, t) -> means.put(operation, Duration.ofNanos(t[1] / t[0])));
        times.clear();
        return Collections.unmodifiableMap(means);
    }

    /**
     * Fail-fast's rule X3 over every round, as the conformance kit checks it but for the one
     * sibling still waiting when B fails: C never logs its completion after the gather failed.
     * (A completion logged before, for instance when the machine stalled A's and B's threads past
     * C's delay, is no sign of a missed cancellation; A, which ends with B at these delays, may
     * log its own just as the gather fails.) Waits until the last round's C would have
     * completed, so call it once, after the rounds.
     */
    void checkNoCancelledSiblingCompleted() throws InterruptedException {
        if (failFasts.isEmpty()) return;
        Duration wait = CANCELLED.multipliedBy(2).minus(failFasts.getLast().log().elapsed());
        if (wait.isPositive()) Thread.sleep(wait);
        for (int i = 0; i < failFasts.size(); i++) {
            FailFast call = failFasts.get(i);
            for (EventLog.Event event : call.log().events()) {
                if (event.line().equals("Task C completed") && event.at().compareTo(call.failedAt()) > 0) {
                    throw new AssertionError("fail-fast operation " + (i + 1) + ": '" + event.line() + "' at " + event.at().toMillis()
                            + " ms, after gather failed at " + call.failedAt().toMillis() + " ms: a sibling was not cancelled\n"
                            + call.log().events());
                }
            }
        }
    }

    /** FI1 and FI2: the manifest is the oracle's and every output file holds its line, nothing else; then they go. */
    private void checkFiles(Manifest manifest) throws IOException {
        assertEquals(expected.manifest, manifest);
        try (Stream<Path> written = Files.list(files.outputDir())) {
            assertEquals(FILES, written.count(), "one output file per input file, nothing else");
        }
        for (Manifest.Entry entry : manifest.entries()) {
            Path output = files.output(entry.file());
            assertEquals(entry.line(), Files.readString(output, StandardCharsets.UTF_8), output.toString());
            Files.delete(output);
        }
    }

    private void step(String round, String operation, Executable call) {
        long start = System.nanoTime();
        try {
            call.execute();
            long[] t = times.computeIfAbsent(operation, o -> new long[2]);
            t[0]++;
            t[1] += System.nanoTime() - start;
        } catch (AssertionError e) {
            throw new AssertionError(round + ", " + operation + ": " + e.getMessage(), e);
        } catch (Throwable e) {
            throw new AssertionError(round + ", " + operation + " threw " + e, e);
        }
    }

    /** Closes the database pool and removes the files. */
    @Override
    public void close() {
        orders.close();
        removeFiles();
    }

    private void removeFiles() {
        try (Stream<Path> tree = Files.walk(fileRoot)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        } catch (IOException e) {
            System.err.println("soak: could not remove " + fileRoot + ": " + e.getMessage());
        }
    }
}
