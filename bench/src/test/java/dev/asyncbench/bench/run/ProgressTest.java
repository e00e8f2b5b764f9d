package dev.asyncbench.bench.run;

import dev.asyncbench.bench.run.Progress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The time left: remaining estimates times the pace so far, which a slow start does not blow up. */
class ProgressTest {

    @Test
    void atTheStartTheEstimatesStand() {
        assertEquals(300_000, Progress.leftMs(300_000, 0, 0), 1);
    }

    @Test
    void oneSlowFirstCombinationBarelyMovesIt() {
        // a 6-minute run whose first 1-second combination took 4 s: about 6 min 18 s left, not 20 min
        double left = Progress.leftMs(360_000, 1_000, 4_000);
        assertEquals(359_000.0 * (36_000 + 4_000) / (36_000 + 1_000.0), left, 1);
    }

    @Test
    void halfWayThePaceSoFarCounts() {
        // half of a 10-minute estimate took 4 minutes: pace (1 + 4) / (1 + 5) of the remaining 5
        assertEquals(300_000.0 * (60_000 + 240_000) / (60_000 + 300_000.0), Progress.leftMs(600_000, 300_000, 240_000), 1);
    }

    @Test
    void thePaceStaysWithinItsBounds() {
        assertEquals(10 * 50_000, Progress.leftMs(100_000, 50_000, 50_000_000), 1);
        assertEquals(0.25 * 50_000, Progress.leftMs(100_000, 50_000, 0), 1);
        assertEquals(0, Progress.leftMs(100_000, 120_000, 130_000), 1);
    }
}
