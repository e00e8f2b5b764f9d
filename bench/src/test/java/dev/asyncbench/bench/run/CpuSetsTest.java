package dev.asyncbench.bench.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which CPUs the testbed and the measured side get, and what the results say about it. */
class CpuSetsTest {

    private static final List<Integer> EIGHT = List.of(0, 1, 2, 3, 4, 5, 6, 7);

    @Test
    void autoSplitsInHalvesFromFourCpusWithTaskset() {
        CpuSets sets = CpuSets.choose("auto", EIGHT, true);
        assertEquals(new CpuSets("0-3", "4-7", ""), sets);
        assertEquals(List.of("/usr/bin/taskset", "-c", "0-3"), sets.testbedPrefix());
        assertEquals("testbed (HTTP server, database) on CPUs 0-3; measured JVMs, minimal programs and wrk on CPUs 4-7 (taskset; cores counts these)", sets.describe());
        assertEquals(4, sets.measuredCpus());
    }

    @Test
    void autoSaysWhyItDoesNotSplit() {
        CpuSets two = CpuSets.choose("auto", List.of(0, 1), true);
        assertFalse(two.split());
        assertEquals(List.of(), two.testbedPrefix());
        assertEquals("not split: 2 CPUs, so the testbed and the measured JVMs share them (--cpu-sets auto splits 4 or more)", two.describe());
        assertTrue(CpuSets.choose("auto", EIGHT, false).describe().contains("taskset is not installed"));
        assertEquals("not split: --cpu-sets off", CpuSets.choose("off", EIGHT, true).describe());
    }

    @Test
    void explicitSetsAreCheckedAndKept() {
        assertEquals(new CpuSets("0", "1", ""), CpuSets.choose("0:1", List.of(0, 1), true), "two cores can be split when asked");
        assertEquals(new CpuSets("0-1,6", "2-3", ""), CpuSets.choose("6,0-1:3,2", EIGHT, true));
        assertTrue(assertThrows(BadInput.class, () -> CpuSets.choose("0-2:2-3", EIGHT, true)).getMessage().contains("CPU 2 is on both sides"));
        assertTrue(assertThrows(BadInput.class, () -> CpuSets.choose("0:9", EIGHT, true)).getMessage().contains("CPU 9 is not one this process may use (0-7)"));
        assertTrue(assertThrows(BadInput.class, () -> CpuSets.choose("0-1", EIGHT, true)).getMessage().contains("TESTBED:MEASURED"));
        assertTrue(assertThrows(BadInput.class, () -> CpuSets.choose("a:1", EIGHT, true)).getMessage().contains("not a CPU list"));
        assertTrue(assertThrows(BadInput.class, () -> CpuSets.choose("0:1-2147483647", EIGHT, true)).getMessage().contains("CPUs 0 to 8191"),
                "a typo's huge range is refused before it is filled");
        assertTrue(assertThrows(BadInput.class, () -> CpuSets.choose("0:1", EIGHT, false)).getMessage().contains("needs taskset"));
    }

    @Test
    void listsReadAndWriteAsTasksetDoes() {
        assertEquals(List.of(0, 1, 2, 5), CpuSets.parse("5,0-2", "x"));
        assertEquals("0-2,5", CpuSets.list(List.of(0, 1, 2, 5)));
        assertFalse(CpuSets.allowed().isEmpty(), "this process may run somewhere");
    }
}
