package dev.asyncbench.bench.minimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The no-harness-tax check's programs give the mass gather's answer, and wait concurrently where their model does. */
class MinimalProgramsTest {

    @ParameterizedTest
    @ValueSource(strings = {"threads", "threads-per-task", "futures", "rx", "virtual-threads", "coroutines"})
    void eachConcurrentProgramSumsTheIndexesWhileItsTasksWaitTogether(String model) throws Throwable {
        int tasks = 200;
        long start = System.nanoTime();
        long sum = MinimalMain.program(model).gatherMany(tasks, 50, tasks);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals((long) tasks * (tasks - 1) / 2, sum);
        // 200 waits of 50 ms one after the other would take 10 s; together, about 50 ms
        assertTrue(ms >= 50 && ms < 5_000, model + " took " + ms + " ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential"})
    void theSequentialProgramWaitsOneAfterTheOther(String model) throws Throwable {
        long start = System.nanoTime();
        assertEquals(3, MinimalMain.program(model).gatherMany(3, 20, 1));
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 60);
    }
}
