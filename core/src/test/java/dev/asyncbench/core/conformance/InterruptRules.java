package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Task;
import dev.asyncbench.core.testbed.ServerStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interrupt rule, I1: a caller that interrupts its thread during a call gets the thread back
 * promptly, told so, and the model stops what the call started ({@link Interrupted} runs the
 * call and reads what happened).
 */
interface InterruptRules extends KitAccess {

    /** I1: the call is interrupted this long after it started, and must end within {@link #I1_WITHIN} of that. */
    Duration I1_AFTER = ofMillis(300);
    Duration I1_WITHIN = ofSeconds(1);
    /** I1's fan-out: 4 rounds of C = 8, each held 3 s: a model deaf to the interrupt gets no response within I1_WITHIN. */
    int I1_C = 8;
    Duration I1_L = ofSeconds(3);

    /**
     * I1, fan-out: the call ends within a second of the interrupt, the interrupt honoured
     * ({@link Interrupted#assertHonoured}); the requests in flight are abandoned, none completes
     * and none starts after it (nothing in flight soon after).
     */
    @Test @Tag(ConformanceKit.HTTP)
    default void i1_anInterruptedFanOutEndsPromptlyAndAbandonsItsRequests() {
        int width = widthFor(I1_C);
        FanOutSpec spec = new FanOutSpec(testbed().http(), 4 * width, I1_L, 64, I1_C);
        resetServerWhenQuiet(ConformanceKit.SETTLE);
        Interrupted call = Interrupted.run("httpFanOut", () -> model().httpFanOut(spec), I1_AFTER, I1_WITHIN);
        call.assertHonoured();
        ServerStats stats = awaitServerStats(s -> s.inFlight() == 0, ConformanceKit.SETTLE);
        assertEquals(0, stats.inFlight(), () -> "nothing left in flight within " + ConformanceKit.SETTLE.toSeconds() + " s: " + stats.toJson());
        assertEquals(0, stats.completed(), () -> "no request completed after the interrupt: " + stats.toJson());
        assertTrue(stats.abandoned() >= width && stats.abandoned() <= 2L * width,
                () -> "the " + width + " requests in flight abandoned, and no new window started: " + stats.toJson());
    }

    /**
     * I1, gather: the call ends within a second of the interrupt, the interrupt honoured, and no
     * task completes afterwards, even once its delay has passed.
     */
    @Test
    default void i1_anInterruptedGatherEndsPromptlyAndItsTasksStop() {
        GatherSpec spec = GatherSpec.of(Task.of("A", ofMillis(2000)), Task.of("B", ofMillis(2200)), Task.of("C", ofMillis(2400)));
        EventLog log = EventLog.recording();
        Interrupted call = Interrupted.run("gather", () -> model().gather(spec, log), I1_AFTER, I1_WITHIN);
        call.assertHonoured();
        Duration wait = spec.longest().plus(ofMillis(300)).minus(log.elapsed());
        if (wait.isPositive()) KitAccess.pause(wait);
        List<String> completed = log.lines().stream().filter(line -> line.endsWith(" completed")).toList();
        assertEquals(List.of(), completed, () -> "tasks completed after the interrupt: " + log.events());
    }
}
