package dev.asyncbench.core.conformance;

import dev.asyncbench.core.io.HttpStatusException;
import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.testbed.ServerStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * http-fan-out's failure rule, F5: one request of the fan-out answers 503 in the middle of it
 * ({@link Dist} {@code failing:seed=S,m=M}, which the models pass on as any distribution).
 */
interface FanOutFailureRules extends KitAccess {

    /** F5: 2 rounds of C = 8, L = 2 s; request C / 2 (of the first round) fails after a quarter of L. */
    int F5_C = 8;
    int F5_ROUNDS = 2;
    Duration F5_L = ofSeconds(2);
    double F5_FAILS_AT = 0.25;

    /** The fan-out F5 runs (and Q1 again): request {@code width / 2} answers 503 at a quarter of L, the others at L. */
    default FanOutSpec failingFanOut() {
        int width = widthFor(F5_C);
        Dist failing = new Dist(Dist.Kind.FAILING, width / 2, F5_FAILS_AT);
        return new FanOutSpec(testbed().http(), F5_ROUNDS * width, F5_L, 64, F5_C, failing);
    }

    /**
     * F5: the call fails with the 503's {@link HttpStatusException} (itself or as a cause) soon
     * after it came, well before its siblings would have ended; the siblings in flight are
     * abandoned, none completes and no further request starts (the server sees at most one
     * window of requests, only the failing one answered, nothing in flight soon after).
     */
    @Test @Tag(ConformanceKit.HTTP)
    default void f5_aFailingRequestFailsTheFanOutAndCancelsTheRest() {
        FanOutSpec spec = failingFanOut();
        int width = widthFor(F5_C);
        Duration failsAt = Window.times(F5_L, F5_FAILS_AT);
        resetServerWhenQuiet(ConformanceKit.SETTLE);
        ConformanceKit.Timed<Throwable> call = ConformanceKit.time(() -> assertThrows(Throwable.class, () -> model().httpFanOut(spec),
                "a fan-out with a request answered 503 must fail"));
        HttpStatusException status = KitAccess.causeOfType(call.value(), HttpStatusException.class);
        if (status == null) fail("expected the 503's HttpStatusException, itself or as a cause, got " + call.value(), call.value());
        assertEquals(503, status.status(), status::getMessage);
        Window.around("httpFanOut failing at " + failsAt.toMillis() + " ms", failsAt)
                .tellingApartFrom("the siblings' end", F5_L)
                .check(call.elapsed());
        long siblings = width - 1;
        ServerStats stats = awaitServerStats(s -> s.inFlight() == 0 && s.abandoned() >= siblings, ConformanceKit.SETTLE);
        assertEquals(0, stats.inFlight(), () -> "nothing left in flight within " + ConformanceKit.SETTLE.toSeconds() + " s: " + stats.toJson());
        assertEquals(1, stats.completed(), () -> "only the failing request was answered: " + stats.toJson());
        assertTrue(stats.abandoned() >= siblings && stats.abandoned() <= width,
                () -> "the " + siblings + " siblings in flight abandoned, and no later request started: " + stats.toJson());
    }
}
