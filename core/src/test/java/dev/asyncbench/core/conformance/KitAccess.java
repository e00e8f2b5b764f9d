package dev.asyncbench.core.conformance;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.Traits;
import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.testbed.ServerStats;
import dev.asyncbench.core.testbed.Testbed;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * What the kit's rule interfaces ({@link FilesRules}, {@link DbRules}, {@link FanOutFailureRules},
 * {@link InterruptRules}, {@link QuiescenceRules}, {@link RetryRules}, {@link LoadRules}) see of the {@link ConformanceKit} that
 * implements them: the model under test, its traits and the testbed, plus helpers every rule
 * shares. Their default {@code @Test} methods are the kit's tests like its own: named after
 * their rule id, listed in {@link ConformanceKit#ruleIds()}, skipped only by the known-gaps file.
 */
interface KitAccess {

    /** The model under test. */
    TaskScenario model();

    /** Its traits, read once. */
    Traits traits();

    /** The shared testbed. */
    Testbed testbed();

    /** The expected answers: the sequential model's. */
    Oracle oracle();

    /**
     * The value of {@code call}, made once per kit for the name {@code run}: several rules that
     * check one operation (retry's, load's under overload) share it instead of each waiting for
     * its own. A run that throws is not kept.
     */
    <T> T once(String run, java.util.function.Supplier<T> call);

    /** The pool of P connections the kit's database rules use. */
    OrdersRepository orders();

    /** How many of {@code limit} things the model lets wait at once: W when smaller, 1 for the sequential model. */
    default int widthFor(int limit) {
        return traits().concurrent() ? Math.min(limit, traits().maxWaiting()) : 1;
    }

    /** Waits (at most {@code within}) until nothing of an earlier test is in flight, then resets the counters. */
    default void resetServerWhenQuiet(Duration within) {
        awaitServerStats(s -> s.inFlight() == 0, within);
        testbed().resetServerStats();
    }

    /** Polls the server's counters until they satisfy {@code settled} or {@code within} passes; the last read. */
    default ServerStats awaitServerStats(Predicate<ServerStats> settled, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        ServerStats stats = testbed().serverStats();
        while (!settled.test(stats) && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(10));
            stats = testbed().serverStats();
        }
        return stats;
    }

    /** Sleeps, turning an interrupt of the kit's own thread into a failure. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the kit was interrupted", e);
        }
    }

    /** {@code error} itself or its first cause of {@code type}, or null. */
    static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }
}
