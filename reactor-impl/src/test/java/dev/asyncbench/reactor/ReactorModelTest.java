package dev.asyncbench.reactor;

import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.testbed.FileTrees;
import dev.asyncbench.core.testbed.ServerStats;
import dev.asyncbench.core.testbed.Testbed;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the conformance kit does not cover: which dropped errors the model's hook keeps quiet, an
 * interrupted caller, a million timers at once, and the blocking pools (files on C threads for a
 * scenario's C, one JDBC pool of P per repository that outlives the call and ends with the model).
 */
class ReactorModelTest {

    @Test
    void echoesOfCancelledWorkAreQuietAndBugsAreNot() {
        for (Throwable echo : List.of(new CancellationException("a request cancelled"), new ClosedByInterruptException(),
                new IOException("a loser's connection closed"), new SQLException("a query after the flow ended"),
                new InterruptedException(), new TaskFailedException("B"), new TimeoutException(),
                new CompletionException(new IOException("a request failing as it was cancelled")))) {
            assertTrue(ReactorConfig.isEchoOfCancelledWork(echo), echo::toString);
        }
        assertFalse(ReactorConfig.isEchoOfCancelledWork(new IllegalStateException("a bug")));
        assertFalse(ReactorConfig.isEchoOfCancelledWork(new NullPointerException()));
        assertFalse(ReactorConfig.isEchoOfCancelledWork(new CompletionException(new IllegalStateException("a bug in a stage"))));
    }

    @Test
    void anInterruptedCallerCancelsTheFlowAndItsRequests() throws InterruptedException {
        Testbed testbed = Testbed.shared();
        FanOutSpec spec = new FanOutSpec(testbed.http(), 8, Duration.ofSeconds(5), 16, 4);
        try (ReactorModel model = new ReactorModel()) {
            awaitServer(testbed, stats -> stats.inFlight() == 0);
            testbed.resetServerStats();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    model.httpFanOut(spec);
                } catch (Throwable e) {
                    failure.set(e);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            });
            awaitServer(testbed, stats -> stats.inFlight() == spec.maxInFlight());
            caller.interrupt();
            caller.join(Duration.ofSeconds(2));
            assertFalse(caller.isAlive(), "block() returns once its caller is interrupted");
            assertTrue(failure.get() instanceof IllegalStateException && failure.get().getCause() instanceof InterruptedException,
                    () -> "expected the interruption, got " + failure.get());
            assertTrue(flagKept.get(), "the caller keeps its interrupt flag");
            ServerStats stats = awaitServer(testbed, s -> s.abandoned() == spec.maxInFlight() && s.inFlight() == 0);
            assertEquals(spec.maxInFlight(), stats.abandoned(), () -> "the requests in flight were cancelled: " + stats.toJson());
            assertEquals(0, stats.completed(), () -> "and no other started: " + stats.toJson());
        }
    }

    /** Polls the server's counters for up to 5 s; the last read. */
    private static ServerStats awaitServer(Testbed testbed, Predicate<ServerStats> settled) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ServerStats stats = testbed.serverStats();
        while (!settled.test(stats) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            stats = testbed.serverStats();
        }
        return stats;
    }

    @Test
    void filesRunOnAPoolOfC() {
        Testbed testbed = Testbed.shared();
        Path tree = testbed.scratch("reactor-files-");
        List<String> names = FileTrees.generate(tree, 200, 1024, 7);
        try (ReactorModel model = new ReactorModel()) {
            model.files(new FilesSpec(tree, names, testbed.scratch("reactor-digests-"), 100));
            assertEquals(100, threadsNamed("reactor-files-").size(), "C = 100: a pool of 100 file threads");
        }
    }

    @Test
    void oneJdbcPoolOfPPerRepositoryOutlivesTheCallAndEndsWithTheModel() throws InterruptedException {
        try (OrdersRepository orders = Testbed.shared().orders(4)) {
            Set<Long> first;
            try (ReactorModel model = new ReactorModel()) {
                model.db(new DbSpec(orders, 12, Duration.ofMillis(20)));
                first = threadsNamed("reactor-jdbc-");
                assertEquals(4, first.size(), () -> "P = 4 JDBC threads alive after the call: " + first);
                model.aggregate(new AggregateSpec(Testbed.shared().http(), orders, 8, Duration.ofMillis(20), 4));
                assertEquals(first, threadsNamed("reactor-jdbc-"), "the next calls reuse the same P threads");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!threadsNamed("reactor-jdbc-").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "JDBC threads still alive 10 s after close()");
                Thread.sleep(20);
            }
        }
    }

    /** Ids of the live threads named {@code prefix} and a number (a pool's factory names them so). */
    private static Set<Long> threadsNamed(String prefix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "\\d+");
        return Thread.getAllStackTraces().keySet().stream().filter(t -> name.matcher(t.getName()).matches())
                .map(Thread::threadId).collect(Collectors.toSet());
    }

    @Test
    void aMillionTimersWaitAtOnce() {
        MassGatherSpec spec = new MassGatherSpec(1_000_000, Duration.ofSeconds(1));
        try (ReactorModel model = new ReactorModel()) {
            long start = System.nanoTime();
            assertEquals(spec.expectedSum(), model.gatherMany(spec));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // one round of L plus the cost of creating and scheduling a million timers on a shared 2-core machine
            assertTrue(took.compareTo(spec.delay()) >= 0 && took.compareTo(Duration.ofSeconds(60)) < 0, () -> "took " + took);
        }
    }
}
