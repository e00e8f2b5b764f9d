package dev.asyncbench.bench.results;

import dev.asyncbench.core.Traits;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The row note that says a model's own pool, not its way of waiting, set a size's time. */
class PoolLimitTest {

    private static final Traits POOL_OF_10_000 = Traits.boundedPool(10_000);

    @Test
    void aPoolBelowWhatTheSizeLetsWaitIsNamedWithItsRounds() {
        assertEquals("pool-bound: at most 10,000 of the 100,000 tasks this size lets wait at once can wait in the model's pool "
                        + "(the ceiling it declares), so the pool, not the model's way of waiting, sets this time: about 10 rounds where the ideal has one",
                PoolLimit.note(BenchScenario.GATHER_MASS, Size.parse("N=100000 L=1000ms"), POOL_OF_10_000));
        assertEquals(1_000, PoolLimit.wanted(BenchScenario.HTTP_FAN_OUT, Size.parse("K=10000 L=20ms B=1KiB C=1000")), "C, not K");
    }

    @Test
    void noNoteWhereThePoolIsLargeEnoughOrTheModelIsSequentialOrUnbounded() {
        assertNull(PoolLimit.note(BenchScenario.GATHER_MASS, Size.parse("N=10000 L=1000ms"), POOL_OF_10_000));
        assertNull(PoolLimit.note(BenchScenario.HTTP_FAN_OUT, Size.parse("K=10000 L=20ms B=1KiB C=1000"), POOL_OF_10_000));
        assertNull(PoolLimit.note(BenchScenario.GATHER_MASS, Size.parse("N=100000 L=1000ms"), Traits.SEQUENTIAL));
        assertNull(PoolLimit.note(BenchScenario.GATHER_MASS, Size.parse("N=1000000 L=1000ms"), Traits.CONCURRENT));
    }
}
