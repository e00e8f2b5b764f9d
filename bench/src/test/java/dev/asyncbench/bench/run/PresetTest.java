package dev.asyncbench.bench.run;

import dev.asyncbench.bench.run.Preset;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many iterations each preset gives an operation of a given length. */
class PresetTest {

    @Test
    void shortOperationsAreWarmedUpForAThirdOfTheMeasuring() {
        assertEquals(2, Preset.QUICK.warmups(10), "quick, 10 ms: at most 2");
        assertEquals(1, Preset.QUICK.warmups(100), "quick, 100 ms: a third of 300 ms");
        assertEquals(6, Preset.FULL.warmups(10), "full, 10 ms: at most 3 x its minimum");
        assertEquals(2, Preset.FULL.warmups(1000), "full, 1 s: its minimum");
    }

    @Test
    void operationsLongerThanTheMeasuringGetOnlyTheMinimum() {
        assertEquals(0, Preset.QUICK.warmups(301), "quick: the checked run is the warm-up");
        assertEquals(0, Preset.QUICK.warmups(2100));
        assertEquals(2, Preset.FULL.warmups(2000));
        assertEquals(1, Preset.FULL.warmups(Preset.LONG_OP_MS + 1), "over 3 s: one");
    }

    @Test
    void measurementsFillTheMeasuringTimeWithinTheirBounds() {
        assertEquals(8, Preset.QUICK.measurements(10));
        assertEquals(3, Preset.QUICK.measurements(2100));
        assertEquals(30, Preset.FULL.measurements(10));
        assertEquals(5, Preset.FULL.measurements(Preset.LONG_OP_MS + 1));
        assertEquals(3, Preset.FULL.measurements(Preset.VERY_LONG_OP_MS + 1));
    }

    /** What --sizes is held to (the spec records' own checks) holds the presets' sizes too. */
    @Test
    void everyPresetSizePassesItsScenariosChecks() {
        for (Preset p : Preset.values()) {
            for (var s : dev.asyncbench.bench.results.BenchScenario.values()) {
                for (var size : p.sizes(s)) assertEquals(size, s.check(size), p.id() + " " + s.id());
            }
        }
    }
}
