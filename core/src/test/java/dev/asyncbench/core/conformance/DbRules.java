package dev.asyncbench.core.conformance;

import dev.asyncbench.core.io.DbWaitWatch;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static java.time.Duration.ofMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scenario 5's concurrency rule, D3: the waits the database really runs at once, as the server
 * itself reports them ({@link DbWaitWatch}, sampled from a connection of its own).
 */
interface DbRules extends KitAccess {

    /** D3: 2 rounds of P, each query held 400 ms server-side, sampled every 5 ms (some 80 looks per wait). */
    int D3_ROUNDS = 2;
    Duration D3_L = ofMillis(400);
    Duration D3_SAMPLE_EVERY = ofMillis(5);

    /** D3: at the peak the server runs exactly P waits at once (W when smaller; the sequential model 1). */
    @Test
    default void d3_theServerRunsPWaitsAtOnce() {
        int p = orders().poolSize();
        int width = widthFor(p);
        DbSpec spec = new DbSpec(orders(), D3_ROUNDS * width, D3_L);
        DbResult result;
        DbWaitWatch waits = DbWaitWatch.start(orders(), D3_SAMPLE_EVERY);
        try (waits) {
            result = model().db(spec);
        }
        assertEquals(spec.queries(), result.queries());
        assertEquals(width, waits.peak(), () -> "P = " + p + " (" + width + " for this model's traits): expected " + width
                + " waits at once at the peak, the database ran " + waits.peak() + ": " + waits);
    }
}
