package dev.asyncbench.threads;

import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.testbed.ServerStats;
import dev.asyncbench.core.testbed.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code threads} model's pools, where the conformance kit only sees what the model
 * declares: its pool reaches the bench's largest C (the kit holds a pool to its declared size,
 * whatever that is), grows no further than a scenario needs, queues above its ceiling, and its
 * JDBC threads live as long as the model, one pool of P per repository.
 */
@Timeout(120)
class ThreadsPoolTest {

    @Test
    void theFanOutReachesAThousandInFlight() throws InterruptedException {
        Testbed testbed = Testbed.shared();
        FanOutSpec spec = new FanOutSpec(testbed.http(), 2000, Duration.ofSeconds(1), 64, 1000);
        try (ThreadsModel model = new ThreadsModel()) {
            awaitQuietServer(testbed);
            testbed.resetServerStats();
            model.httpFanOut(spec);
            ServerStats stats = testbed.serverStats();
            assertTrue(stats.peakInFlight() >= 800 && stats.peakInFlight() <= 1000,
                    () -> "C = 1,000: the server should see about 1,000 in flight (at least 800), saw " + stats.toJson());
        }
    }

    @Test
    void thePoolGrowsOnlyToTheWindowItServes() {
        Testbed testbed = Testbed.shared();
        FanOutSpec spec = new FanOutSpec(testbed.http(), 400, Duration.ofMillis(50), 64, 20);
        try (ThreadsModel model = new ThreadsModel()) {
            model.httpFanOut(spec);
            int threads = threadsNamed("threads-").size();
            // C busy threads, and a few more when a submit comes before a freed thread is back in the pool
            assertTrue(threads >= 20 && threads <= 40, () -> "a window of 20 on a pool of " + threads + " threads");
        }
    }

    @Test
    void aboveTheCeilingTasksQueueAndTakeRounds() {
        String previous = System.setProperty(ThreadsConfig.POOL_PROPERTY, "40");
        try (ThreadsModel model = new ThreadsModel()) {
            assertEquals(40, model.traits().maxWaiting(), "the ceiling is what the kit and the bench see");
            MassGatherSpec spec = new MassGatherSpec(100, Duration.ofMillis(300));
            long start = System.nanoTime();
            assertEquals(spec.expectedSum(), model.gatherMany(spec));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // ceil(100 / 40) = 3 rounds of 300 ms, not one
            assertTrue(took.compareTo(Duration.ofMillis(850)) >= 0 && took.compareTo(Duration.ofMillis(2500)) < 0, () -> "took " + took);
            assertTrue(threadsNamed("threads-").size() <= 40, "never more threads than the ceiling");
        } finally {
            if (previous == null) System.clearProperty(ThreadsConfig.POOL_PROPERTY);
            else System.setProperty(ThreadsConfig.POOL_PROPERTY, previous);
        }
    }

    @Test
    void oneJdbcPoolOfPPerRepositoryOutlivesTheCallAndEndsWithTheModel() throws InterruptedException {
        try (OrdersRepository orders = Testbed.shared().orders(4)) {
            DbSpec spec = new DbSpec(orders, 12, Duration.ofMillis(20));
            Set<Long> first;
            try (ThreadsModel model = new ThreadsModel()) {
                model.db(spec);
                first = threadsNamed("threads-jdbc-");
                assertEquals(4, first.size(), () -> "P = 4 JDBC threads alive after the call: " + first);
                model.aggregate(new AggregateSpec(Testbed.shared().http(), orders, 8, Duration.ofMillis(20), 4));
                assertEquals(first, threadsNamed("threads-jdbc-"), "the next calls reuse the same P threads");
            }
            awaitNoThreads("threads-jdbc-");
        }
    }

    /** Ids of the live threads named {@code prefix} and a number (a pool's factory names them so). */
    static Set<Long> threadsNamed(String prefix) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "\\d+");
        return Thread.getAllStackTraces().keySet().stream().filter(t -> name.matcher(t.getName()).matches())
                .map(Thread::threadId).collect(Collectors.toSet());
    }

    private static void awaitNoThreads(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!threadsNamed(prefix).isEmpty()) {
            if (System.nanoTime() > deadline) throw new AssertionError("threads named " + prefix + "* still alive after close()");
            Thread.sleep(20);
        }
    }

    private static void awaitQuietServer(Testbed testbed) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (testbed.serverStats().inFlight() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
    }
}
