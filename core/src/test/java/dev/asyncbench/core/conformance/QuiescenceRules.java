package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.Replica;
import dev.asyncbench.core.spec.Task;
import dev.asyncbench.core.spec.TimeoutSpec;
import dev.asyncbench.core.testbed.ServerStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quiescence, Q1, and the second half of X3: once a call has returned or failed, nothing of the
 * model goes on. The kit sees it three ways: the server has nothing in flight; the JVM holds no
 * more threads than the model's pools did before ({@link Census}); and nothing of the model
 * still holds the call's inputs ({@link Reachability}: a thread still waiting out a cancelled
 * task, a timer still queued for it or a request still pending all keep its spec reachable).
 */
interface QuiescenceRules extends FanOutFailureRules {

    /** How soon after a call ends it must have left nothing behind. */
    Duration QUIET_WITHIN = ofSeconds(1);
    /** Platform threads a round of Q1's calls may leave above the warm baseline: pools that grow on demand. */
    long Q1_THREAD_SLACK = 16;

    /** X3's fail-fast gather with a sibling far slower than the check: C would wait 5 s. */
    static GatherSpec slowSiblingExample() {
        return GatherSpec.of(Task.of("A", ofMillis(200)), Task.failing("B", ofMillis(300)), Task.of("C", ofSeconds(5)));
    }

    /**
     * X3, the tasks themselves: within a second of the failure nothing of the model holds the
     * cancelled sibling C any more: no thread waits out its delay, no timer is queued for it
     * (its log staying quiet is checked by the kit's other X3 test).
     */
    @Test
    default void x3_noCancelledSiblingIsLeftPending() {
        WeakReference<Task> c = failFastGather();
        assertTrue(Reachability.clearedWithin(c, QUIET_WITHIN), "a second after gather failed, the model still holds"
                + " the cancelled sibling C (a thread waiting out its 5 s, or a timer still queued for it)");
    }

    /** Runs the slow-sibling gather (it must fail) and keeps only a weak reference to C. */
    private WeakReference<Task> failFastGather() {
        GatherSpec spec = slowSiblingExample();
        assertThrowsExactly(TaskFailedException.class, () -> model().gather(spec, EventLog.recording()));
        return new WeakReference<>(spec.tasks().get(2));
    }

    /**
     * Q1: after each of a fan-out failing in its middle, a race, a timeout and a fail-fast
     * gather, within a second: the server has nothing in flight and nothing of the model holds
     * the call's spec; after all of them the JVM has no more virtual threads than before, and
     * platform threads within a slack of the warm pools'.
     */
    @Test @Tag(ConformanceKit.HTTP)
    default void q1_nothingOfTheModelRunsOnAfterACall() {
        Map<String, Supplier<WeakReference<Object>>> calls = new LinkedHashMap<>();
        calls.put("httpFanOut failing in its middle", () -> ended(failingFanOut(), spec -> model().httpFanOut(spec)));
        calls.put("race", () -> ended(RaceSpec.of(testbed().http(), Replica.of("slow1", ofSeconds(3)), Replica.of("fast", ofMillis(200)),
                Replica.of("slow2", ofSeconds(3))), spec -> model().race(spec)));
        calls.put("fetchWithTimeout past its deadline", () -> ended(new TimeoutSpec(testbed().http(), ofSeconds(5), ofMillis(300)),
                spec -> model().fetchWithTimeout(spec)));
        calls.put("fail-fast gather", () -> ended(slowSiblingExample(), spec -> model().gather(spec, EventLog.recording()),
                spec -> spec.tasks().get(2)));                                          // the cancelled sibling C
        for (Supplier<WeakReference<Object>> warmUp : calls.values()) warmUp.get();   // the pools fill
        awaitServerStats(s -> s.inFlight() == 0, ConformanceKit.SETTLE);
        long platform = Census.platformThreads(), virtual = Census.virtualThreads();
        calls.forEach((name, call) -> {
            WeakReference<Object> spec = call.get();
            ServerStats stats = awaitServerStats(s -> s.inFlight() == 0, QUIET_WITHIN);
            assertEquals(0, stats.inFlight(), () -> name + ": still in flight " + QUIET_WITHIN.toMillis() + " ms after the call ended: " + stats.toJson());
            assertTrue(Reachability.clearedWithin(spec, QUIET_WITHIN), () -> name + ": " + QUIET_WITHIN.toMillis()
                    + " ms after the call ended, the model still holds its spec (a task, timer or request still pending)");
        });
        long platformAfter = Census.platformThreads(), virtualAfter = Census.virtualThreads();
        assertTrue(virtualAfter <= virtual, () -> "virtual threads alive after the calls: " + virtualAfter + ", before: " + virtual);
        assertTrue(platformAfter <= platform + Q1_THREAD_SLACK, () -> "platform threads after the calls: " + platformAfter
                + ", with the pools warm before: " + platform + " (slack " + Q1_THREAD_SLACK + ")");
    }

    /** Runs {@code call} on {@code spec} (whatever it returns or throws), keeping only a weak reference to the spec. */
    private static <S> WeakReference<Object> ended(S spec, ThrowingConsumer<S> call) {
        return ended(spec, call, s -> s);
    }

    /** As above, keeping a weak reference to {@code watched}'s part of the spec. */
    private static <S> WeakReference<Object> ended(S spec, ThrowingConsumer<S> call, Function<S, Object> watched) {
        try {
            call.accept(spec);
        } catch (Throwable ignored) {
            // F5, R*, T*, X* judge the outcome; Q1 judges what is left afterwards
        }
        return new WeakReference<>(watched.apply(spec));
    }

    /** A call on a spec. */
    @FunctionalInterface
    interface ThrowingConsumer<S> {
        void accept(S spec) throws Throwable;
    }
}
