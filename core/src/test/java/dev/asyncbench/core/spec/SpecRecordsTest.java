package dev.asyncbench.core.spec;

import com.zaxxer.hikari.HikariDataSource;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.TestbedClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static java.time.Duration.ofMillis;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B1 for the spec records, which every model shares: bad input is rejected before any model
 * code runs, naming the parameter (and, for a number, its accepted range).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpecRecordsTest {

    static final Duration L = ofMillis(100);
    static final Duration NEGATIVE = ofMillis(-1);
    static final Duration ABSURD = Duration.ofMinutes(11);

    final TestbedClient http = TestbedClient.of(URI.create("http://127.0.0.1:1"));
    OrdersRepository orders;
    @TempDir
    Path dir;

    @BeforeAll
    void unconnectedPool() {
        orders = new OrdersRepository(new HikariDataSource(), "no database (never connected)", 10); // lazy: never connects
    }

    @AfterAll
    void closePool() {
        orders.close();
    }

    @Test
    void b1_nullsAreRejectedNamingTheParameter() {
        rejectsNull("http", () -> new FanOutSpec(null, 1, L, 1, 1));
        rejectsNull("http", () -> new TimeoutSpec(null, L, L));
        rejectsNull("http", () -> new RaceSpec(null, List.of(Replica.of("a", L), Replica.of("b", L))));
        rejectsNull("http", () -> new AggregateSpec(null, orders, 1, L, 1));
        rejectsNull("orders", () -> new AggregateSpec(http, null, 1, L, 1));
        rejectsNull("orders", () -> new DbSpec(null, 1, L));
        rejectsNull("tasks", () -> new GatherSpec(null));
        rejectsNull("replicas", () -> new RaceSpec(http, null));
        rejectsNull("inputDir", () -> new FilesSpec(null, List.of("f"), dir, 1));
        rejectsNull("files", () -> new FilesSpec(dir, null, dir, 1));
        rejectsNull("outputDir", () -> new FilesSpec(dir, List.of("f"), null, 1));
        rejectsNull("L (delay)", () -> new MassGatherSpec(1, null));
        rejectsNull("L (latency)", () -> new DbSpec(orders, 1, null));
        rejectsNull("deadline", () -> new TimeoutSpec(http, L, null));
        rejectsNull("task name", () -> Task.of(null, L));
        rejectsNull("delay of task A", () -> Task.of("A", null));
        rejectsNull("replica name", () -> Replica.of(null, L));
        rejectsNull("tasks", () -> new GatherSpec(java.util.Arrays.asList(Task.of("A", L), null)));
    }

    @Test
    void b1_emptyInputsAreRejected() {
        rejects("tasks", () -> new GatherSpec(List.of()));
        rejects("files", () -> new FilesSpec(dir, List.of(), dir, 1));
        rejects("replicas", () -> new RaceSpec(http, List.of()));
        rejects("number of replicas", () -> RaceSpec.of(http, Replica.of("alone", L)));
        rejects("task name", () -> Task.of(" ", L));
        rejects("inputDir", () -> new FilesSpec(dir.resolve("missing"), List.of("f"), dir, 1));
        rejects("task names must be unique", () -> GatherSpec.of(Task.of("A", L), Task.of("A", L)));
    }

    @Test
    void b1_countsBelowOneAreRejectedWithTheirRange() {
        rejects("N (tasks) must be between 1 and", () -> new MassGatherSpec(0, L));
        rejects("K (requests) must be between 1 and", () -> new FanOutSpec(http, 0, L, 1, 1));
        rejects("C (max in flight) must be between 1 and", () -> new FanOutSpec(http, 1, L, 1, 0));
        rejects("B (body bytes) must be between 0 and", () -> new FanOutSpec(http, 1, L, -1, 1));
        rejects("C (max concurrency) must be between 1 and", () -> new FilesSpec(dir, List.of("f"), dir, 0));
        rejects("Q (queries) must be between 1 and", () -> new DbSpec(orders, 0, L));
        rejects("N (ids) must be between 1 and", () -> new AggregateSpec(http, orders, 0, L, 1));
        rejects("C (max in flight) must be between 1 and", () -> new AggregateSpec(http, orders, 1, L, 0));
        rejects("N (tasks) must be between 1 and", () -> new MassGatherSpec(MassGatherSpec.MAX_TASKS + 1, L));
    }

    @Test
    void b1_negativeOrAbsurdDurationsAreRejectedWithTheirRange() {
        for (Duration bad : List.of(NEGATIVE, ABSURD)) {
            rejects("delay of task A must be between 0 ms and 10 min", () -> Task.of("A", bad));
            rejects("latency of replica a must be between 0 ms and 10 min", () -> Replica.of("a", bad));
            rejects("L (delay) must be between 0 ms and 10 min", () -> new MassGatherSpec(1, bad));
            rejects("L (latency) must be between 0 ms and 10 min", () -> new FanOutSpec(http, 1, bad, 1, 1));
            rejects("L (latency) must be between 0 ms and 10 min", () -> new DbSpec(orders, 1, bad));
            rejects("L (latency) must be between 0 ms and 10 min", () -> new AggregateSpec(http, orders, 1, bad, 1));
            rejects("server latency must be between 0 ms and 10 min", () -> new TimeoutSpec(http, bad, L));
            rejects("deadline must be between 0 ms and 10 min", () -> new TimeoutSpec(http, L, bad));
        }
        rejects("deadline must be greater than 0 ms", () -> new TimeoutSpec(http, L, Duration.ZERO));
    }

    /**
     * The checks a record's constructor makes, as static methods for a size typed before any
     * testbed object exists (the bench's --sizes): the same message, also for a count too large
     * for an int.
     */
    @Test
    void b1_theStaticChecksGiveTheConstructorsMessages() {
        rejects("N (tasks) must be between 1 and 10000000, was 10000001", () -> MassGatherSpec.check(10_000_001, L));
        rejects("N (tasks) must be between 1 and 10000000, was 3000000000", () -> MassGatherSpec.check(3_000_000_000L, L));
        rejects("L (delay) must be between 0 ms and 10 min", () -> MassGatherSpec.check(1, ABSURD));
        rejects("number of tasks must be between 1 and 100000, was 100001", () -> GatherSpec.checkCount(100_001));
        rejects("number of replicas must be between 2 and 64, was 65", () -> RaceSpec.checkCount(65));
        rejects("number of replicas must be between 2 and 64, was 65",
                () -> new RaceSpec(http, java.util.stream.IntStream.range(0, 65).mapToObj(i -> Replica.of("r" + i, L)).toList()));
        rejects("C (max in flight) must be between 1 and 100000, was 100001", () -> FanOutSpec.check(1, L, 1, 100_001));
        rejects("B (body bytes) must be between 0 and", () -> FanOutSpec.check(1, L, 1L << 32, 1));
        rejects("Q (queries) must be between 1 and 1000000, was 1000001", () -> DbSpec.check(1_000_001, L));
        rejects("N (ids) must be between 1 and 1000000, was 1000001", () -> AggregateSpec.check(1_000_001, L, 1));
        rejects("deadline must be greater than 0 ms", () -> TimeoutSpec.check(L, Duration.ZERO));
        rejects("C (max concurrency) must be between 1 and 100000, was 100001", () -> FilesSpec.checkConcurrency(100_001));
        MassGatherSpec.check(MassGatherSpec.MAX_TASKS, L);
        FanOutSpec.check(FanOutSpec.MAX_REQUESTS, Duration.ZERO, 0, FanOutSpec.MAX_IN_FLIGHT);
        RaceSpec.checkCount(2);
    }

    private static void rejectsNull(String parameter, Executable construction) {
        NullPointerException e = assertThrowsExactly(NullPointerException.class, construction);
        assertTrue(String.valueOf(e.getMessage()).contains(parameter), () -> "expected '" + parameter + "' in: " + e.getMessage());
    }

    private static void rejects(String expected, Executable construction) {
        IllegalArgumentException e = assertThrowsExactly(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }
}
