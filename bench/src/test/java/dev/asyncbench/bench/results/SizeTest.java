package dev.asyncbench.bench.results;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sizes as typed and printed, with a latency distribution where one is given. */
class SizeTest {

    @Test
    void aDistributionIsReadAnywhereAndPrintedLast() {
        Size tail = Size.parse("K=1000 L=10ms dist=bimodal:f=0.1,m=10 B=4KiB C=100");
        assertEquals("K=1000 L=10ms B=4KiB C=100 dist=bimodal:f=0.1,m=10", tail.label());
        assertEquals(tail, Size.parse(tail.label()), "the label reads back");
        assertEquals(tail, Size.parse("K=1000,L=10ms,B=4KiB,C=100,dist=bimodal:f=0.1,m=10"), "with commas");
        assertEquals(Size.parse("N=10 L=5ms"), Size.parse("N=10,L=5ms,"), "a trailing comma, as before");
        assertTrue(tail.hasDist());
        assertFalse(Size.parse("K=10 L=1ms B=1 C=1").hasDist());
        assertEquals("K=10 L=1ms B=1 C=1", Size.parse("K=10 L=1ms B=1 C=1 dist=fixed").label(), "fixed is not printed");
    }

    @Test
    void aBadOrRepeatedDistributionSaysSo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Size.parse("K=10 dist=pareto")).getMessage().contains("malformed dist 'pareto'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Size.parse("K=10 dist=lognormal:p99=10 dist=lognormal:p99=5"))
                .getMessage().contains("dist repeats"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchScenario.DB.check(Size.parse("Q=10 L=10ms P=2 dist=lognormal:p99=10")))
                .getMessage().contains("dist= applies to http-fan-out and aggregate only"));
    }

    @Test
    void theIdealWithADistributionIsTheGreedyMakespanOfItsDraws() {
        Size fixed = Size.parse("K=1000 L=10ms B=4KiB C=100");
        Size tail = fixed.withDist("lognormal:p99=10");
        assertEquals(100, BenchScenario.HTTP_FAN_OUT.idealMs(fixed));
        double ideal = BenchScenario.HTTP_FAN_OUT.idealMs(tail);
        assertTrue(ideal > 100 && ideal < 1000, "a long tail takes longer than fixed rounds, far less than one slot doing all: " + ideal);
        assertEquals(BenchScenario.HTTP_FAN_OUT.check(tail), tail, "the check keeps the distribution");
    }
}
