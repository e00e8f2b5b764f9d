package dev.asyncbench.core.spec;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latency distributions: deterministic per request, with the shape their names promise. */
class DistTest {

    private static long[] draws(Dist d, int n, long nominal) {
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) ms[i] = d.latencyMs(i, nominal);
        Arrays.sort(ms);
        return ms;
    }

    @Test
    void fixedIsTheNominalLatency() {
        assertEquals(20, Dist.FIXED.latencyMs(12345, 20));
        assertEquals(Dist.FIXED, Dist.parse("fixed"));
    }

    @Test
    void lognormalHasItsMedianAtLAndItsP99AtKTimesL() {
        long[] ms = draws(Dist.parse("lognormal:p99=10"), 200_000, 100);
        assertEquals(100, ms[ms.length / 2], 2, "median");
        assertEquals(1000, ms[(int) (ms.length * 0.99)], 30, "p99");
    }

    @Test
    void uniformStaysWithinLPlusOrMinusX() {
        long[] ms = draws(Dist.parse("uniform:x=5"), 100_000, 20);
        assertEquals(15, ms[0]);
        assertEquals(25, ms[ms.length - 1]);
        assertEquals(20, ms[ms.length / 2], 1);
    }

    @Test
    void bimodalPutsItsFractionAtMTimesL() {
        long[] ms = draws(Dist.parse("bimodal:f=0.05,m=10"), 100_000, 20);
        long slow = Arrays.stream(ms).filter(v -> v == 200).count();
        assertEquals(5_000, slow, 300);
        assertEquals(100_000 - slow, Arrays.stream(ms).filter(v -> v == 20).count());
    }

    @Test
    void theSameRequestGetsTheSameLatencyEveryTime() {
        Dist d = Dist.parse("lognormal:p99=10");
        assertEquals(d.latencyMs(42, 20), Dist.parse(d.text()).latencyMs(42, 20));
        assertTrue(Arrays.stream(draws(d, 1000, 20)).distinct().count() > 20, "but requests differ");
    }

    @Test
    void textReadsBackAndMistakesSayWhatIsAccepted() {
        for (String t : new String[] {"fixed", "uniform:x=5", "lognormal:p99=10", "bimodal:f=0.05,m=10"}) assertEquals(t, Dist.parse(t).text());
        for (String bad : new String[] {"pareto", "lognormal", "lognormal:p99=1", "bimodal:f=2,m=10", "uniform:x=abc", "fixed:x=1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dist.parse(bad), bad);
            assertTrue(e.getMessage().contains("fixed, uniform:x=MS, lognormal:p99=K, bimodal:f=F,m=M"), e.getMessage());
        }
    }

    @Test
    void theGreedyMakespanFreesASlotWhenItsWaitEnds() {
        // one slow head (100) and nine of 10, two slots: the other slot takes the nine in turn (90), the slow one ends last
        long[] ms = {100, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        assertEquals(100, Makespan.greedy(ms, 2));
        assertEquals(190, Makespan.greedy(ms, 1));
        assertEquals(100, Makespan.greedy(ms, 10));
        assertEquals(20 * 3, Makespan.greedy(Dist.FIXED, 30, 20, 10), "fixed: ceil(K / C) x L");
        // in order: the fast ones behind the slow head wait for it to be consumed, then go two by two: 100 + 4 x 10
        assertEquals(100 + 10 * 4, Makespan.inOrder(ms, 2), "slot 2 runs wait 1 (10), then each wait j starts when j - 2 is consumed");
        assertEquals(Makespan.greedy(Dist.FIXED, 30, 20, 10), Makespan.inOrder(Makespan.draws(Dist.FIXED, 30, 20), 10), "equal waits: no difference");
    }

    @Test
    void failingHoldsEveryRequestLButItsSeedWhichFailsAtMTimesL() {
        Dist failing = Dist.parse("failing:seed=4,m=0.25");
        assertEquals("failing:seed=4,m=0.25", failing.text());
        assertTrue(failing.fails(4));
        assertFalse(failing.fails(3));
        assertEquals(50, failing.latencyMs(4, 200));
        assertEquals(200, failing.latencyMs(3, 200));
        assertFalse(Dist.FIXED.fails(4));
        assertThrows(IllegalArgumentException.class, () -> Dist.parse("failing:seed=1.5,m=1"));
        assertThrows(IllegalArgumentException.class, () -> Dist.parse("failing:seed=1"));
    }
}
