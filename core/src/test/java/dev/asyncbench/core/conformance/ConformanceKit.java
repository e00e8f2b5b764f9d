package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.Traits;
import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.ServerUnreachableException;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.Makespan;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Manifest;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Faults;
import dev.asyncbench.core.spec.LoadSpec;
import dev.asyncbench.core.spec.RetrySpec;
import dev.asyncbench.core.spec.Replica;
import dev.asyncbench.core.spec.Task;
import dev.asyncbench.core.spec.TimeoutSpec;
import dev.asyncbench.core.testbed.FileTrees;
import dev.asyncbench.core.testbed.ServerStats;
import dev.asyncbench.core.testbed.Testbed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The conformance kit: every numbered rule of {@code SPEC.md} as a test, run against one model
 * on the real testbed (HTTP server, database, files from {@link Testbed#shared()}). Each test's
 * name starts with its rule id. Expected answers come from the sequential model (the oracle);
 * expected times come from the model's {@link TaskScenario#traits() traits}, as windows wide
 * enough for a noisy, shared 2-core machine (see {@link Window}).
 *
 * <h2>Running it for a model</h2>
 * A model module subclasses the kit in a few lines, in its test sources:
 * <pre>{@code
 * class ThreadsConformanceTest extends ConformanceKit {
 *     @Override
 *     protected TaskScenario createModel() {
 *         return new ThreadsModel();
 *     }
 * }
 * }</pre>
 * or in Kotlin:
 * <pre>{@code
 * class CoroutinesConformanceTest : ConformanceKit() {
 *     override fun createModel(): TaskScenario = CoroutinesModel()
 * }
 * }</pre>
 * with core's test-jar and JUnit as test dependencies (versions come from the root POM):
 * <pre>{@code
 * <dependency><groupId>dev.asyncbench</groupId><artifactId>core</artifactId><type>test-jar</type><scope>test</scope></dependency>
 * <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
 * }</pre>
 * The kit creates the model once for the class and closes it at the end.
 *
 * <h2>What a model tells the kit</h2>
 * Capabilities come from {@link Traits}, never from skips: a sequential model
 * ({@code concurrent = false}) is held to one-at-a-time orders and sums of waits; a model that
 * lets at most {@code maxWaiting} things wait at once gets smaller inputs and
 * {@code ceil(n / maxWaiting)} rounds. A rule a model cannot meet is listed, with its reason, in
 * the one known-gaps file ({@code core/src/test/resources/known-gaps.txt}); its test is then
 * aborted with that reason. Hello and gather rules cannot be listed.
 *
 * <h2>Rules in interfaces</h2>
 * Some rules live in test interfaces the kit implements ({@link FilesRules} FI3, {@link DbRules}
 * D3, {@link FanOutFailureRules} F5, {@link InterruptRules} I1, {@link QuiescenceRules} Q1 and
 * X3's task check), over {@link KitAccess}; {@link #ruleIds()} reads their tests too.
 *
 * <h2>Transports</h2>
 * The testbed's client uses this JVM's HTTP transport ({@code TestbedClient.PROPERTY}). The rules
 * whose calls go through it are tagged {@value #HTTP}; the build runs the whole kit over the
 * default transport and the tagged rules once more over each other transport, in a JVM of their
 * own (the root POM's surefire execution {@code conformance-jdk}, which leaves out the sequential
 * oracle and threads-per-task: threads makes the same calls).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
public abstract class ConformanceKit implements FilesRules, DbRules, FanOutFailureRules, InterruptRules, QuiescenceRules, RetryRules, LoadRules {

    /** The tag of the rules whose calls go through {@code TestbedClient}, run once per transport. */
    public static final String HTTP = "http";

    /** The model under test: a fresh instance, which the kit closes after the last test. */
    protected abstract TaskScenario createModel();

    /*
     * Overview: each test waits a few rounds of its scenario's latency, so the whole kit takes
     * seconds. Counts shrink for models that wait for fewer things at once (maxWaiting), so the
     * rounds stay few: the sequential model does 4 fetches where a concurrent one does 200.
     * The oracle runs before the server's counters are reset, so only the model is counted.
     */

    /** gather: the post's example scaled to A 0.2 s, B 0.4 s, C 0.6 s. */
    static final Duration UNIT = ofMillis(200);
    /** mass gather: 10,000 tasks of 200 ms at once, or 4 rounds of maxWaiting. */
    static final int MASS_TASKS = 10_000;
    static final Duration MASS_DELAY = ofMillis(200);
    static final int MASS_ROUNDS = 4;
    static final Duration MASS_ROOM_PER_TASK = Duration.ofNanos(500_000);
    /** http-fan-out: K = 4 rounds of C = 50, L = 100 ms, 1 KiB bodies. */
    static final int FAN_OUT_C = 50;
    static final int FAN_OUT_ROUNDS = 4;
    static final Duration FAN_OUT_L = ofMillis(100);
    static final int FAN_OUT_B = 1024;
    /**
     * http-fan-out at the bench's largest C: one round of C = 1,000, so that a cap below it (a
     * pool, a default concurrency of 64 or 128) shows in the peak. Each request is held 2 s, so
     * that a model starting a platform thread and a connection per request still has all of
     * them in flight at once on a loaded 2-core machine (1,000 of each took up to 1.3 s there).
     */
    static final int LARGEST_C = 1000;
    static final Duration LARGEST_C_L = ofSeconds(2);
    /** F4: a twentieth of the requests twenty times slower (3 of the 64 here), C = 8, 8 rounds of them. */
    static final int TAIL_C = 8;
    static final int TAIL_ROUNDS = 8;
    static final Duration TAIL_L = ofMillis(50);
    static final Dist TAIL_DIST = Dist.parse("bimodal:f=0.05,m=20");
    /** files: 48 files of 16 KiB, 8 at once. */
    static final int FILES = 48;
    static final int FILE_BYTES = 16 * 1024;
    static final int FILES_C = 8;
    /**
     * db and aggregate: a pool of P = 8; Q = 4 rounds of P, L = 150 ms (600 ms, where half the
     * pool takes 1,200 ms and D2's window ends halfway); N = 6 rounds of C = 8, L = 100 ms.
     * C = P for aggregate, so that neither HTTP nor the database hides the other: overlapping
     * profile and orders takes 6 rounds of L, doing them one after the other 12.
     */
    static final int POOL = 8;
    static final int DB_ROUNDS = 4;
    static final Duration DB_L = ofMillis(150);
    static final int AGGREGATE_C = 8;
    static final int AGGREGATE_ROUNDS = 6;
    static final Duration AGGREGATE_L = ofMillis(100);
    /** How long cancellation may take to show in the server's counters. */
    static final Duration SETTLE = ofSeconds(3);
    /** An unreachable server must fail a call within this. */
    static final Duration UNREACHABLE_WITHIN = ofSeconds(10);

    private TaskScenario model;
    private Traits traits;
    private Testbed testbed;
    private OrdersRepository orders;
    private Oracle oracle;
    private KnownGaps knownGaps;
    private Path fileTree;
    private List<String> fileNames;

    @BeforeAll
    void createModelOnce() {
        knownGaps = KnownGaps.load(ruleIds());
        oracle = new Oracle();
        model = createModel();
        traits = model.traits();
    }

    @AfterAll
    void closeModel() {
        if (model != null) model.close();
        if (orders != null) orders.close();
    }

    @Override
    public TaskScenario model() {
        return model;
    }

    @Override
    public Traits traits() {
        return traits;
    }

    /** The shared testbed, started by the first test that needs it (hello and gather do not). */
    @Override
    public Testbed testbed() {
        if (testbed == null) testbed = Testbed.shared();
        return testbed;
    }

    @Override
    public Oracle oracle() {
        return oracle;
    }

    private final java.util.Map<String, Object> runs = new java.util.HashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T once(String run, java.util.function.Supplier<T> call) {
        if (!runs.containsKey(run)) runs.put(run, call.get());
        return (T) runs.get(run);
    }

    /** The database pool of P connections the model and the oracle share. */
    @Override
    public OrdersRepository orders() {
        if (orders == null) orders = testbed().orders(POOL);
        return orders;
    }

    @BeforeEach
    void abortKnownGap(TestInfo test) {
        String rule = ruleOf(test.getTestMethod().orElseThrow().getName());
        knownGaps.reason(model.name(), rule).ifPresent(reason ->
                Assumptions.abort("known gap of " + model.name() + " for " + rule.toUpperCase(Locale.ROOT) + ": " + reason));
    }

    // ---- 1. hello ------------------------------------------------------------------------------

    @Test
    void h1_helloThenWorld() {
        EventLog log = EventLog.recording();
        model.hello(ofMillis(100), log);
        assertEquals(List.of("Hello", "world"), log.lines());
    }

    @Test
    void h2_worldComesAfterThePauseAndTheCallReturnsInTime() {
        Duration pause = ofMillis(300);
        EventLog log = EventLog.recording();
        Timed<Void> call = time(() -> {
            model.hello(pause, log);
            return null;
        });
        List<EventLog.Event> events = log.events();
        assertEquals(2, events.size(), () -> "expected Hello and world, got " + events);
        Duration gap = events.get(1).at().minus(events.get(0).at());
        assertTrue(gap.compareTo(pause.minus(CLOCK_GRAIN)) >= 0,
                () -> "world came " + gap.toMillis() + " ms after Hello, before the pause of " + pause.toMillis() + " ms");
        Window.around("hello(" + pause.toMillis() + " ms)", pause).check(call.elapsed());
    }

    // ---- 2. gather -----------------------------------------------------------------------------

    /** The post's tasks out of delay order: B 2 units, C 3 units, A 1 unit. */
    static GatherSpec shuffledExample() {
        return GatherSpec.of(Task.of("B", UNIT.multipliedBy(2)), Task.of("C", UNIT.multipliedBy(3)), Task.of("A", UNIT));
    }

    @Test
    void g1_resultsEqualTheOraclesInInputOrder() {
        GatherSpec spec = shuffledExample();
        List<String> results = model.gather(spec, EventLog.recording());
        assertEquals(List.of("B", "C", "A"), results, "results in input order, not completion order");
        assertEquals(oracle.gather(spec), results);
    }

    @Test
    void g2_startsAndCompletionsInterleaveAsTheModelPromises() {
        GatherSpec spec = shuffledExample();
        EventLog log = EventLog.recording();
        model.gather(spec, log);
        assertStartsAndCompletions(spec, log.lines());
    }

    @Test
    void g3_completionsHappenInDelayOrder() {
        GatherSpec spec = shuffledExample();
        EventLog log = EventLog.recording();
        model.gather(spec, log);
        List<String> completed = completedTasks(spec, log.lines());
        int n = spec.tasks().size();
        if (width(n) == 1) {
            assertEquals(List.of("B", "C", "A"), completed, "one at a time: completions in input order");
        } else if (width(n) == n) {
            assertEquals(List.of("A", "B", "C"), completed, "all at once: completions in delay order");
        } else {
            // a pool smaller than the task count: the order depends on which worker frees first
            assertEquals(Set.of("A", "B", "C"), Set.copyOf(completed), "every task completes once");
        }
    }

    @Test
    void g4_wallTimeIsTheLongestDelay() {
        GatherSpec spec = GatherSpec.postExample(UNIT);
        Timed<List<String>> call = time(() -> model.gather(spec, EventLog.recording()));
        assertEquals(List.of("A", "B", "C"), call.value());
        gatherWindow(spec).check(call.elapsed());
    }

    /** The post's second example exactly as written: A 1 s, B 2 s, C 3 s. */
    @Test
    void g4_thePostsExampleAtFullScale() {
        GatherSpec spec = GatherSpec.postExample(ofSeconds(1));
        EventLog log = EventLog.recording();
        Timed<List<String>> call = time(() -> model.gather(spec, log));
        assertEquals(oracle.gather(spec), call.value());
        assertStartsAndCompletions(spec, log.lines());
        assertEquals(List.of("A", "B", "C"), completedTasks(spec, log.lines()));
        gatherWindow(spec).check(call.elapsed());
    }

    @Test
    void g5_massGatherSumsAndTakesRoundsOfItsPool() {
        int width = width(MASS_TASKS);
        int n = Math.min(Math.min(MASS_TASKS, MASS_ROUNDS * width), traits.maxMassTasks());
        MassGatherSpec spec = new MassGatherSpec(n, MASS_DELAY);
        Timed<Long> call = time(() -> model.gatherMany(spec));
        assertEquals((long) n * (n - 1) / 2, call.value(), "the sum 0 + 1 + ... + (N - 1)");
        // creating and scheduling a task costs CPU (a platform thread most): room for 0.5 ms each,
        // which still tells 10,000 at once (under 6 s) from a pool of 256 (40 rounds: 8 s)
        Window.around("gatherMany(N=" + n + ", L=" + MASS_DELAY.toMillis() + " ms)", Window.rounds(n, width, MASS_DELAY))
                .withExtraRoom(MASS_ROOM_PER_TASK.multipliedBy(n))
                .check(call.elapsed());
    }

    // ---- 3. http-fan-out -----------------------------------------------------------------------

    private FanOutSpec fanOut() {
        return new FanOutSpec(testbed().http(), FAN_OUT_ROUNDS * width(FAN_OUT_C), FAN_OUT_L, FAN_OUT_B, FAN_OUT_C);
    }

    @Test @Tag(HTTP)
    void f1_resultEqualsTheOracles() {
        FanOutSpec spec = fanOut();
        FanOutResult result = model.httpFanOut(spec);
        assertEquals(spec.requests(), result.responses());
        assertEquals((long) spec.requests() * spec.bodyBytes(), result.bytes());
        assertEquals(oracle.httpFanOut(spec), result);
    }

    @Test @Tag(HTTP)
    void f2_neverMoreThanCInFlight() {
        FanOutSpec spec = fanOut();
        freshServer();
        model.httpFanOut(spec);
        ServerStats stats = testbed().serverStats();
        assertTrue(stats.peakInFlight() <= spec.maxInFlight(),
                () -> "C is " + spec.maxInFlight() + " but the server saw " + stats.peakInFlight() + " in flight: " + stats.toJson());
        assertEquals(spec.requests(), stats.completed(), () -> "every request served once: " + stats.toJson());
    }

    @Test @Tag(HTTP)
    void f3_concurrencyReachesCAndWallTimeIsRoundsOfL() {
        FanOutSpec spec = fanOut();
        int width = width(spec.maxInFlight());
        freshServer();
        Timed<FanOutResult> call = time(() -> model.httpFanOut(spec));
        ServerStats stats = testbed().serverStats();
        long reached = (long) Math.ceil(0.8 * width);
        assertTrue(stats.peakInFlight() >= reached,
                () -> "expected about " + width + " in flight at the peak (at least " + reached + "), the server saw "
                        + stats.peakInFlight() + ": " + stats.toJson());
        Window.around("httpFanOut(K=" + spec.requests() + ", C=" + spec.maxInFlight() + ", L=" + FAN_OUT_L.toMillis() + " ms)",
                Window.rounds(spec.requests(), width, FAN_OUT_L)).check(call.elapsed());
    }

    /**
     * F4: with long-tailed latencies (a twentieth of the requests twenty times slower), a slot frees
     * when its request completes: wall time near the greedy makespan of the drawn latencies,
     * below halfway to what a window freed only in request order takes.
     */
    @Test @Tag(HTTP)
    void f4_aSlowRequestDoesNotHoldTheOthersSlots() {
        int width = width(TAIL_C);
        FanOutSpec spec = new FanOutSpec(testbed().http(), TAIL_ROUNDS * width, TAIL_L, FAN_OUT_B, TAIL_C, TAIL_DIST);
        long[] drawn = Makespan.draws(TAIL_DIST, spec.requests(), TAIL_L.toMillis());
        // the window's top is halfway between the two: at least half a second above the ideal
        assertTrue(width == 1 || Makespan.inOrder(drawn, width) - Makespan.greedy(drawn, width) >= 1000,
                "the kit's own draws must tell the two apart: greedy " + Makespan.greedy(drawn, width) + " ms, in order " + Makespan.inOrder(drawn, width) + " ms");
        Timed<FanOutResult> call = time(() -> model.httpFanOut(spec));
        assertEquals(oracle.httpFanOut(spec), call.value());
        Window.around("httpFanOut(K=" + spec.requests() + ", C=" + spec.maxInFlight() + ", L=" + TAIL_L.toMillis() + " ms, "
                        + TAIL_DIST.text() + ")", ofMillis(Makespan.greedy(drawn, width)))
                .tellingApartFrom("slots freed only in request order", ofMillis(Makespan.inOrder(drawn, width)))
                .check(call.elapsed());
    }

    @Test
    void f3_concurrencyReachesTheBenchsLargestC() {
        int width = width(LARGEST_C);
        FanOutSpec spec = new FanOutSpec(testbed().http(), width, LARGEST_C_L, 64, LARGEST_C);
        freshServer();
        model.httpFanOut(spec);
        ServerStats stats = testbed().serverStats();
        long reached = (long) Math.ceil(0.8 * width);
        assertTrue(stats.peakInFlight() >= reached && stats.peakInFlight() <= LARGEST_C,
                () -> "C = " + LARGEST_C + " (" + width + " for this model's traits): expected about " + width
                        + " in flight at the peak (at least " + reached + "), the server saw " + stats.peakInFlight()
                        + ": " + stats.toJson());
    }

    // ---- 4. files ------------------------------------------------------------------------------

    private FilesSpec filesSpec(Path outputDir) {
        if (fileNames == null) {
            Path tree = testbed().scratch("kit-tree-");
            fileNames = FileTrees.generate(tree, FILES, FILE_BYTES, 42);
            fileTree = tree;
        }
        return new FilesSpec(fileTree, fileNames, outputDir, FILES_C);
    }

    /** A folder that does not exist yet: the model creates it. */
    private Path newOutputFolder() {
        return testbed().scratch("kit-digests-").resolve("out");
    }

    @Test
    void fi1_manifestEqualsTheOraclesAndEachDigestIsTheFilesSha256() throws IOException {
        FilesSpec spec = filesSpec(newOutputFolder());
        Manifest manifest = model.files(spec);
        assertEquals(oracle.files(spec, newOutputFolder()), manifest);
        assertEquals(spec.files(), manifest.entries().stream().map(Manifest.Entry::file).toList(), "entries in input order");
        for (Manifest.Entry entry : manifest.entries()) {
            byte[] content = Files.readAllBytes(spec.input(entry.file()));
            assertEquals(content.length, entry.bytes(), entry.file());
            assertEquals(Digests.sha256Hex(content), entry.sha256(), entry.file());
        }
    }

    @Test
    void fi2_everyOutputFileHoldsItsManifestLine() throws IOException {
        FilesSpec spec = filesSpec(newOutputFolder());
        Manifest manifest = model.files(spec);
        for (Manifest.Entry entry : manifest.entries()) {
            Path output = spec.output(entry.file());
            assertTrue(Files.isRegularFile(output), () -> "missing " + output);
            assertEquals(entry.line(), Files.readString(output, StandardCharsets.UTF_8), output.toString());
        }
        try (Stream<Path> written = Files.list(spec.outputDir())) {
            assertEquals(spec.files().size(), written.count(), "one output file per input file, nothing else");
        }
    }

    // ---- 5. db ---------------------------------------------------------------------------------

    private DbSpec dbSpec() {
        return new DbSpec(orders(), DB_ROUNDS * width(orders().poolSize()), DB_L);
    }

    @Test
    void d1_resultEqualsTheOracles() {
        DbSpec spec = dbSpec();
        DbResult result = model.db(spec);
        assertEquals(spec.queries(), result.queries());
        assertTrue(result.rows() > 0, () -> "the customers have orders: " + result);
        assertEquals(oracle.db(spec), result);
    }

    @Test
    void d2_wallTimeIsRoundsOfThePool() {
        DbSpec spec = dbSpec();
        Timed<DbResult> call = time(() -> model.db(spec));
        Window.around("db(Q=" + spec.queries() + ", P=" + orders().poolSize() + ", L=" + DB_L.toMillis() + " ms)",
                Window.rounds(spec.queries(), width(orders().poolSize()), DB_L))
                .tellingApartFrom("half the pool", Window.rounds(spec.queries(), Math.max(1, width(orders().poolSize()) / 2), DB_L))
                .check(call.elapsed());
    }

    // ---- 6. aggregate --------------------------------------------------------------------------

    private AggregateSpec aggregateSpec() {
        return new AggregateSpec(testbed().http(), orders(), AGGREGATE_ROUNDS * width(AGGREGATE_C), AGGREGATE_L, AGGREGATE_C);
    }

    @Test @Tag(HTTP)
    void a1_resultEqualsTheOraclesAndEverySummaryIsStored() {
        AggregateSpec spec = aggregateSpec();
        AggregateResult expected = oracle.aggregate(spec);
        freshServer();
        AggregateResult result = model.aggregate(spec);
        assertEquals(spec.ids(), result.ids());
        assertEquals(expected, result);
        ServerStats stats = testbed().serverStats();
        assertEquals(spec.ids(), stats.stored(), () -> "one summary stored per id: " + stats.toJson());
    }

    @Test @Tag(HTTP)
    void a2_neverMoreThanCProfileRequestsInFlight() {
        AggregateSpec spec = aggregateSpec();
        freshServer();
        model.aggregate(spec);
        ServerStats stats = testbed().serverStats();
        assertTrue(stats.peakInFlight() <= spec.maxInFlight(),
                () -> "C is " + spec.maxInFlight() + " but the server saw " + stats.peakInFlight() + " in flight: " + stats.toJson());
    }

    @Test @Tag(HTTP)
    void a3_wallTimeIsRoundsOfCAndPWithProfileAndOrdersOverlapping() {
        AggregateSpec spec = aggregateSpec();
        int width = Math.min(width(spec.maxInFlight()), width(orders().poolSize()));
        Duration overlapping = traits.concurrent()
                ? max(Window.rounds(spec.ids(), width(spec.maxInFlight()), AGGREGATE_L),
                      Window.rounds(spec.ids(), width(orders().poolSize()), AGGREGATE_L))
                : AGGREGATE_L.multipliedBy(2L * spec.ids()); // one at a time: profile, then orders
        Duration oneAfterTheOther = Window.rounds(spec.ids(), width, AGGREGATE_L.multipliedBy(2));
        Timed<AggregateResult> call = time(() -> model.aggregate(spec));
        Window.around("aggregate(N=" + spec.ids() + ", C=" + spec.maxInFlight() + ", P=" + orders().poolSize()
                        + ", L=" + AGGREGATE_L.toMillis() + " ms)", overlapping)
                .tellingApartFrom("profile, then orders", oneAfterTheOther)
                .check(call.elapsed());
    }

    // ---- 7. timeout ----------------------------------------------------------------------------

    @Test @Tag(HTTP)
    void t1_aCallFasterThanItsDeadlineReturnsItsBody() throws TimeoutException {
        TimeoutSpec spec = new TimeoutSpec(testbed().http(), ofMillis(100), ofSeconds(2));
        String body = model.fetchWithTimeout(spec);
        assertFalse(body.isEmpty(), "the body of /bytes?seed=7&size=64");
        assertEquals(oracle.fetchWithTimeout(spec), body);
    }

    @Test @Tag(HTTP)
    void t2_aSlowCallThrowsTimeoutExceptionInTime() {
        Duration deadline = ofMillis(300);
        TimeoutSpec spec = new TimeoutSpec(testbed().http(), ofSeconds(3), deadline);
        Timed<TimeoutException> call = time(() -> assertThrowsExactly(TimeoutException.class, () -> model.fetchWithTimeout(spec)));
        Window.around("fetchWithTimeout(deadline " + deadline.toMillis() + " ms)", deadline).check(call.elapsed());
    }

    @Test @Tag(HTTP)
    void t3_theTimedOutRequestIsAbandoned() {
        // the server would hold the request for 5 s: only an abandoned request leaves it sooner
        TimeoutSpec spec = new TimeoutSpec(testbed().http(), ofSeconds(5), ofMillis(300));
        freshServer();
        assertThrowsExactly(TimeoutException.class, () -> model.fetchWithTimeout(spec));
        ServerStats stats = awaitServer(s -> s.abandoned() >= 1 && s.inFlight() == 0, SETTLE);
        assertEquals(1, stats.abandoned(), () -> "the timed-out request counted abandoned within " + SETTLE.toSeconds() + " s: " + stats.toJson());
        assertEquals(0, stats.inFlight(), () -> "nothing left in flight: " + stats.toJson());
        assertEquals(0, stats.completed(), () -> "the timed-out request never completed: " + stats.toJson());
    }

    // ---- 8. fail-fast --------------------------------------------------------------------------

    /** A completes, B fails at 0.3 s, C would take 1.5 s. */
    static GatherSpec failingExample(Duration slowest) {
        return GatherSpec.of(Task.of("A", ofMillis(200)), Task.failing("B", ofMillis(300)), Task.of("C", slowest));
    }

    @Test
    void x1_gatherFailsWithTheTasksOwnException() {
        GatherSpec spec = failingExample(ofMillis(1500));
        TaskFailedException error = assertThrowsExactly(TaskFailedException.class, () -> model.gather(spec, EventLog.recording()));
        assertEquals("B", error.task());
    }

    @Test
    void x2_gatherFailsSoonAfterTheFailure() {
        GatherSpec spec = failingExample(ofMillis(1500));
        List<Duration> delays = spec.tasks().stream().map(Task::delay).toList();
        Duration failsAt = Schedule.ends(delays, width(Integer.MAX_VALUE))[1];
        Duration slowestEnds = Schedule.makespan(delays, width(Integer.MAX_VALUE));
        Timed<TaskFailedException> call = time(() -> assertThrowsExactly(TaskFailedException.class,
                () -> model.gather(spec, EventLog.recording())));
        Window.around("gather of " + describe(spec), failsAt)
                .tellingApartFrom("the slowest sibling's end", slowestEnds)
                .check(call.elapsed());
    }

    @Test
    void x3_everySiblingIsCancelled() throws InterruptedException {
        GatherSpec spec = failingExample(ofMillis(1500));
        List<Duration> delays = spec.tasks().stream().map(Task::delay).toList();
        EventLog log = EventLog.recording();
        assertThrowsExactly(TaskFailedException.class, () -> model.gather(spec, log));
        Duration failedAt = log.elapsed();
        // wait until even the slowest sibling would have completed, then look again
        Duration quietUntil = Schedule.makespan(delays, width(Integer.MAX_VALUE)).plus(ofMillis(300));
        Duration wait = quietUntil.minus(log.elapsed());
        if (wait.isPositive()) Thread.sleep(wait);
        List<EventLog.Event> events = log.events();
        for (EventLog.Event event : events) {
            boolean completion = event.line().startsWith("Task ") && event.line().endsWith(" completed");
            assertTrue(!completion || event.at().compareTo(failedAt) <= 0,
                    () -> "'" + event.line() + "' at " + event.at().toMillis() + " ms, after gather failed at "
                            + failedAt.toMillis() + " ms: a sibling was not cancelled\n" + events);
        }
        assertTrue(events.stream().noneMatch(e -> e.line().equals("Task C completed")), () -> "C completed: " + events);
    }

    @Test
    void x4_gatherAllReturnsEveryOutcomeInInputOrder() {
        GatherSpec spec = failingExample(ofMillis(600));
        Timed<List<Outcome>> call = time(() -> model.gatherAll(spec, EventLog.recording()));
        List<Outcome> outcomes = call.value();
        assertEquals(List.of(Outcome.success("A", "A"), Outcome.failure("B", new TaskFailedException("B")), Outcome.success("C", "C")), outcomes);
        assertEquals(oracle.gatherAll(spec), outcomes);
        gatherWindow(spec).check(call.elapsed());
    }

    // ---- 9. race -------------------------------------------------------------------------------

    @Test @Tag(HTTP)
    void r1_theFirstSuccessWins() {
        RaceSpec spec = RaceSpec.of(testbed().http(),
                Replica.of("b", ofMillis(300)), Replica.of("a", ofMillis(100)), Replica.failing("c", ofMillis(50)));
        String body = model.race(spec);
        assertEquals("replica a", body);
        assertEquals(oracle.race(spec), body);
    }

    @Test @Tag(HTTP)
    void r2_theWinnerReturnsInItsOwnLatency() {
        Duration fast = ofMillis(200);
        RaceSpec spec = RaceSpec.of(testbed().http(), Replica.of("slow", ofSeconds(2)), Replica.of("fast", fast));
        Timed<String> call = time(() -> model.race(spec));
        assertEquals("replica fast", call.value());
        Window.around("race won in " + fast.toMillis() + " ms", fast).check(call.elapsed());
    }

    @Test @Tag(HTTP)
    void r3_theLosersAreCancelled() {
        // the losers would take 5 s: only abandoned requests leave the server sooner
        RaceSpec spec = RaceSpec.of(testbed().http(),
                Replica.of("slow1", ofSeconds(5)), Replica.of("fast", ofMillis(200)), Replica.of("slow2", ofSeconds(5)));
        freshServer();
        assertEquals("replica fast", model.race(spec));
        // a sequential model never starts a loser: nothing to abandon
        long losers = traits.concurrent() ? spec.replicas().size() - 1 : 0;
        ServerStats stats = awaitServer(s -> s.abandoned() >= losers && s.inFlight() == 0, SETTLE);
        assertEquals(losers, stats.abandoned(), () -> "losers counted abandoned within " + SETTLE.toSeconds() + " s: " + stats.toJson());
        assertEquals(0, stats.inFlight(), () -> "nothing left in flight: " + stats.toJson());
        assertEquals(1, stats.completed(), () -> "only the winner completed: " + stats.toJson());
    }

    @Test @Tag(HTTP)
    void r4_aReplicaThatFailsFirstDoesNotWin() {
        RaceSpec spec = RaceSpec.of(testbed().http(),
                Replica.failing("a", ofMillis(100)), Replica.of("b", ofMillis(300)), Replica.of("c", ofSeconds(1)));
        String body = model.race(spec);
        assertEquals("replica b", body);
        assertEquals(oracle.race(spec), body);
    }

    // ---- bad input -----------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> b1_nullArgumentsAreRejectedNamingThem() {
        GatherSpec gather = GatherSpec.postExample(ofMillis(1));
        EventLog log = EventLog.recording();
        return Stream.of(
                rejectsNull("hello", "pause", () -> model.hello(null, log)),
                rejectsNull("hello", "log", () -> model.hello(ofMillis(1), null)),
                rejectsNull("gather", "spec", () -> model.gather(null, log)),
                rejectsNull("gather", "log", () -> model.gather(gather, null)),
                rejectsNull("gatherAll", "spec", () -> model.gatherAll(null, log)),
                rejectsNull("gatherAll", "log", () -> model.gatherAll(gather, null)),
                rejectsNull("gatherMany", "spec", () -> model.gatherMany(null)),
                rejectsNull("httpFanOut", "spec", () -> model.httpFanOut(null)),
                rejectsNull("files", "spec", () -> model.files(null)),
                rejectsNull("db", "spec", () -> model.db(null)),
                rejectsNull("aggregate", "spec", () -> model.aggregate(null)),
                rejectsNull("fetchWithTimeout", "spec", () -> model.fetchWithTimeout(null)),
                rejectsNull("race", "spec", () -> model.race(null)),
                rejectsNull("retry", "spec", () -> model.retry(null)),
                rejectsNull("load", "spec", () -> model.load(null)));
    }

    private static DynamicTest rejectsNull(String operation, String parameter, Executable call) {
        return DynamicTest.dynamicTest(operation + "(" + parameter + " = null)", () -> {
            NullPointerException e = assertThrowsExactly(NullPointerException.class, call);
            assertTrue(String.valueOf(e.getMessage()).contains(parameter),
                    () -> "the message should name '" + parameter + "': " + e.getMessage());
        });
    }

    @TestFactory @Tag(HTTP)
    Stream<DynamicTest> b2_anUnreachableServerFailsFastNamingItsAddress() {
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort());
        TestbedClient http = TestbedClient.of(nowhere);
        return Stream.of(
                unreachable("httpFanOut", nowhere, () -> model.httpFanOut(new FanOutSpec(http, 4, ofMillis(100), 16, 2))),
                unreachable("fetchWithTimeout", nowhere, () -> model.fetchWithTimeout(new TimeoutSpec(http, ofMillis(100), ofSeconds(5)))),
                unreachable("race", nowhere, () -> model.race(RaceSpec.of(http, Replica.of("a", ofMillis(100)), Replica.of("b", ofMillis(200))))),
                unreachable("aggregate", nowhere, () -> model.aggregate(new AggregateSpec(http, orders(), 4, ofMillis(100), 2))),
                unreachable("retry", nowhere, () -> model.retry(new RetrySpec(http, 4, ofMillis(100), 16, 2, Faults.NONE, 3,
                        ofSeconds(1), ofMillis(10), ofMillis(100)))),
                unreachable("load", nowhere, () -> model.load(new LoadSpec(http, orders(), 100, ofMillis(200), ofMillis(10), 2))));
    }

    private static DynamicTest unreachable(String operation, URI nowhere, Executable call) {
        return DynamicTest.dynamicTest(operation + " against " + nowhere, () -> {
            Throwable error = assertTimeoutPreemptively(UNREACHABLE_WITHIN, () -> assertThrows(Throwable.class, call),
                    operation + " must fail within " + UNREACHABLE_WITHIN.toSeconds() + " s, not hang");
            ServerUnreachableException cause = causeOfType(error, ServerUnreachableException.class);
            if (cause == null) fail("expected ServerUnreachableException itself or as a cause, got " + error, error);
            assertTrue(cause.getMessage().contains(nowhere.getAuthority()),
                    () -> "the message should name " + nowhere.getAuthority() + ": " + cause.getMessage());
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** EventLog and timers may each round to the millisecond. */
    static final Duration CLOCK_GRAIN = ofMillis(1);

    /** How many of {@code limit} things this model lets wait at once. */
    private int width(int limit) {
        return traits.concurrent() ? Math.min(limit, traits.maxWaiting()) : 1;
    }

    /** About the longest delay (W at a time, for a pool of W), and clearly not the sum. */
    private Window gatherWindow(GatherSpec spec) {
        List<Duration> delays = spec.tasks().stream().map(Task::delay).toList();
        return Window.around("gather of " + describe(spec), Schedule.makespan(delays, width(Integer.MAX_VALUE)))
                .tellingApartFrom("the sum of the delays", spec.sum());
    }

    /**
     * G2: all at once means every start before any completion; one at a time means each task
     * starts and ends before the next starts; a pool of W never has more than W started and not
     * ended.
     */
    private void assertStartsAndCompletions(GatherSpec spec, List<String> lines) {
        List<String> starts = spec.tasks().stream().map(Task::startLine).toList();
        List<String> ends = spec.tasks().stream().map(Task::completedLine).toList();
        int n = spec.tasks().size();
        assertEquals(2 * n, lines.size(), () -> "one start and one completion per task: " + lines);
        if (!traits.concurrent()) {
            List<String> pairs = IntStream.range(0, n).boxed().flatMap(i -> Stream.of(starts.get(i), ends.get(i))).toList();
            assertEquals(pairs, lines, "one at a time: each task starts and completes before the next starts");
        } else if (traits.maxWaiting() >= n) {
            assertEquals(Set.copyOf(starts), Set.copyOf(lines.subList(0, n)), () -> "every start before any completion: " + lines);
            assertEquals(Set.copyOf(ends), Set.copyOf(lines.subList(n, 2 * n)), () -> "every start before any completion: " + lines);
        } else {
            int open = 0;
            for (String line : lines) {
                open += starts.contains(line) ? 1 : -1;
                int now = open;
                assertTrue(now <= traits.maxWaiting(), () -> now + " tasks waiting at once, more than the pool's " + traits.maxWaiting());
            }
        }
    }

    /** The task names in the order their "completed" lines appear. */
    private static List<String> completedTasks(GatherSpec spec, List<String> lines) {
        return lines.stream().flatMap(line -> spec.tasks().stream().filter(t -> t.completedLine().equals(line)))
                .map(Task::name).toList();
    }

    /** Waits for in-flight requests of earlier tests to end (or give up), then resets the counters. */
    private void freshServer() {
        awaitServer(s -> s.inFlight() == 0, SETTLE);
        testbed().resetServerStats();
    }

    /** Polls the server's counters until they satisfy {@code settled} or {@code within} passes; the last read. */
    private ServerStats awaitServer(Predicate<ServerStats> settled, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        ServerStats stats = testbed().serverStats();
        while (!settled.test(stats) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the server", e);
            }
            stats = testbed().serverStats();
        }
        return stats;
    }

    /** A port below 32768 on 127.0.0.1 where nothing listens. */
    private static int closedPort() {
        for (int port = 1; port < 1024; port++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
            } catch (ConnectException refused) {
                return port;
            } catch (IOException other) {
                // filtered or slow: try the next
            }
        }
        throw new IllegalStateException("every port from 1 to 1023 on 127.0.0.1 answers");
    }

    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static String describe(GatherSpec spec) {
        return spec.tasks().stream().map(t -> t.name() + " " + t.delay().toMillis() + " ms" + (t.fails() ? " (fails)" : ""))
                .toList().toString();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A value and how long the call took. */
    record Timed<T>(T value, Duration elapsed) {
    }

    static <T> Timed<T> time(ThrowingSupplier<T> call) {
        long start = System.nanoTime();
        T value;
        try {
            value = call.get();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The rule id a test method stands for: the part of its name before the first underscore. */
    static String ruleOf(String methodName) {
        int underscore = methodName.indexOf('_');
        if (underscore < 0) throw new IllegalStateException("kit test " + methodName + " does not start with its rule id");
        return methodName.substring(0, underscore);
    }

    /** Every rule id the kit tests, from its test methods' names. */
    static Set<String> ruleIds() {
        Set<String> ids = new TreeSet<>();
        List<Class<?>> kit = Stream.concat(Stream.of(ConformanceKit.class), Arrays.stream(ConformanceKit.class.getInterfaces())).toList();
        for (Method m : kit.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods())).toList()) {
            if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(TestFactory.class)) ids.add(ruleOf(m.getName()));
        }
        return ids;
    }
}
