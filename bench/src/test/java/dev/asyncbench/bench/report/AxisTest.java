package dev.asyncbench.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chart axes: ticks at powers of ten or 1-2-5 steps, domains snapped to ticks. */
class AxisTest {

    @Test
    void wideLogRangesGetPowersOfTenWithMinorGridBetween() {
        Axis a = Axis.log(10, 1_000_000);
        assertEquals(List.of(10.0, 100.0, 1e3, 1e4, 1e5, 1e6), a.ticks());
        assertEquals(10, a.min());
        assertEquals(1e6, a.max());
        assertTrue(a.minor().contains(20.0) && a.minor().contains(9e5), a.minor().toString());
        assertTrue(a.minor().stream().noneMatch(a.ticks()::contains), "no minor line on a tick");
    }

    @Test
    void dataBetweenPowersIsCoveredByTheEnclosingPowers() {
        Axis a = Axis.log(31.8, 2432);
        assertEquals(10, a.min());
        assertEquals(1e4, a.max());
        assertEquals(List.of(10.0, 100.0, 1e3, 1e4), a.ticks());
    }

    @Test
    void overEightDecadesEveryOtherPowerIsLabelled() {
        Axis a = Axis.log(1, 1e12);
        assertEquals(List.of(1.0, 100.0, 1e4, 1e6, 1e8, 1e10, 1e12), a.ticks());
        assertTrue(a.minor().contains(10.0));
    }

    @Test
    void twoDecadesOrLessGetOneTwoFiveLabels() {
        Axis a = Axis.log(20, 830);
        assertEquals(List.of(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0), a.ticks());
        assertEquals(20, a.min());
        assertEquals(1000, a.max());
        Axis b = Axis.log(10, 52);
        assertEquals(List.of(10.0, 20.0, 50.0, 100.0), b.ticks());
    }

    @Test
    void lessThanHalfADecadeGetsRoundLinearSteps() {
        Axis a = Axis.log(100.2, 105.9);
        assertEquals(List.of(100.0, 102.0, 104.0, 106.0), a.ticks());
        Axis one = Axis.log(50, 50);
        assertTrue(one.min() <= 50 && one.max() > 50, one.toString());
        assertTrue(one.ticks().size() >= 2, one.toString());
    }

    @Test
    void positionsAreLogarithmic() {
        Axis a = Axis.log(10, 1000);
        assertEquals(0, a.fraction(10), 1e-12);
        assertEquals(0.5, a.fraction(100), 1e-12);
        assertEquals(1, a.fraction(1000), 1e-12);
    }

    @Test
    void logAxesRefuseWhatTheyCannotShow() {
        assertThrows(IllegalArgumentException.class, () -> Axis.log(0, 10));
        assertThrows(IllegalArgumentException.class, () -> Axis.log(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> Axis.log(1, Double.NaN));
    }

    @Test
    void linearAxesStartAtZeroInNiceSteps() {
        assertEquals(List.of(0.0, 200.0, 400.0, 600.0, 800.0, 1000.0), Axis.linear(830).ticks());
        assertEquals(List.of(0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 6000.0, 7000.0), Axis.linear(6012).ticks());
        assertEquals(0.5, Axis.linear(1000).fraction(500), 1e-12);
    }

    @Test
    void countLabelsAreShort() {
        assertEquals("10", Axis.countLabel(10));
        assertEquals("1k", Axis.countLabel(1000));
        assertEquals("200k", Axis.countLabel(200_000));
        assertEquals("1M", Axis.countLabel(1_000_000));
        assertEquals("0.5", Axis.countLabel(0.5));
    }
}
