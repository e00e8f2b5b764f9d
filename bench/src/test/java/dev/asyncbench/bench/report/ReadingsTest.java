package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain-language readings say what the numbers show, and change when the numbers do. */
class ReadingsTest {

    static ScenarioView scenario(ResultSet set, String id) {
        return RunView.of(set).scenarios.stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow();
    }

    static String text(List<String> readings) {
        return String.join("\n", readings);
    }

    @Test
    void massGatherReadsLikeTheNumbers() {
        String r = text(Readings.of(scenario(Fixtures.fullRun(), "gather-mass")));
        // fastest at the largest size: virtual-threads at 1000 + 1e6 * 0.00004 = 1040 ms
        assertTrue(r.contains("At N=1000000 L=1000ms, virtual-threads is fastest: 1,040 ms (0.96 of the ideal 1,000 ms)"), r);
        // 1040 ms is within 5% of 1000 at every size; coroutines (1060 ms) within 10%
        assertTrue(r.contains("virtual-threads stays within 5% of the ideal at every size up to N=1,000,000"), r);
        assertTrue(r.contains("coroutines stays within 10% of the ideal"), r);
        // threads: ceil(N / 256) rounds of 1010 ms; at a million, as if 253 tasks waited at once
        assertTrue(r.contains("threads falls from 0.99 of the ideal at N=10 to 0.00025 at N=1,000,000: "
                + "its time is what about 253 of the 1,000,000 tasks waiting at once would take; its limits are in its configuration (Environment)."), r);
        // sequential only ran at N=10: 10 x 1000 ms
        assertTrue(r.contains("sequential takes 10x the ideal at N=10 L=1000ms"), r);
        // memory per task at the largest size with values, lowest and highest
        assertTrue(r.contains("While 1,000,000 tasks wait (N=1000000 L=1000ms), each costs from 200 B (futures) to 1.1 kB (virtual-threads) of live heap"), r);
        // what was not measured, with the reason
        assertTrue(r.contains("Not measured: threads-per-task at N=1000000 L=1000ms — failed: OutOfMemoryError: unable to create native thread"), r);
        assertTrue(r.contains("Not measured: sequential at N=10000 L=1000ms, N=100000 L=1000ms and N=1000000 L=1000ms — skipped: "
                + "one operation is expected to take about 2.8 h here, over this run's budget of 15 s per operation (--budget); "
                + "figures for N=10000 L=1000ms, the tables give each size's."), r);
    }

    @Test
    void readingsFollowTheData() {
        ResultSet set = Fixtures.fullRun();
        String before = text(Readings.of(scenario(set, "gather-mass")));
        // coroutines becomes the fastest at a million tasks
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow row : set.rows()) {
            if (row.model().equals("coroutines") && row.harness().equals(ResultRow.SUITE) && row.size().x() == 1_000_000) {
                row = new ResultRow(row.scenario(), row.model(), row.harness(), row.size(), row.status(), row.note(),
                        row.metrics().toBuilder().time(1012, 3).build());
            }
            rows.add(row);
        }
        String after = text(Readings.of(scenario(new ResultSet(set.environment(), rows), "gather-mass")));
        assertNotEquals(before, after);
        assertTrue(after.contains("At N=1000000 L=1000ms, coroutines is fastest: 1,012 ms (0.99 of the ideal 1,000 ms)"), after);
        assertFalse(after.contains("virtual-threads is fastest"), after);
    }

    @Test
    void modelsWithinTheNoiseOfTheFastestAreNamed() {
        Size size = Size.parse("K=1000 L=20ms B=4KiB C=100");
        List<ResultRow> rows = List.of(
                Fixtures.ok("http-fan-out", "rx", size, 291.2, 57.7, 200, Metrics.builder()),
                Fixtures.ok("http-fan-out", "coroutines", size, 296.0, 160.2, 200, Metrics.builder()),
                Fixtures.ok("http-fan-out", "threads", size, 521.4, 14.3, 200, Metrics.builder()));
        ResultSet set = new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows);
        String r = text(Readings.of(scenario(set, "http-fan-out")));
        assertTrue(r.contains("At K=1000 L=20ms B=4KiB C=100, rx is fastest: 291 ms (0.69 of the ideal 200 ms); coroutines is within the noise of it; "
                + "the slowest, threads, takes 1.79x as long."), r);
        assertTrue(r.contains("Wide intervals (the 99.9% error is over half the mean): coroutines at K=1,000 (±54%)"), r);
    }

    @Test
    void aFarSlowerModelIsNotWithinTheNoiseHoweverWideItsMargins() {
        // quick's threads-per-task at N=5000: three operations of about a second, ± 1.75 s at 99.9%
        Size size = Size.parse("N=5000 L=20ms");
        List<ResultRow> rows = List.of(
                Fixtures.ok("gather-mass", "futures", size, 23.1, 3.2, 20, Metrics.builder()),
                Fixtures.ok("gather-mass", "rx", size, 24.7, 4.0, 20, Metrics.builder()),
                Fixtures.ok("gather-mass", "threads-per-task", size, 978.4, 1750.8, 20, Metrics.builder()));
        String r = text(Readings.of(scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), "gather-mass")));
        assertTrue(r.contains("At N=5000 L=20ms, futures is fastest: 23.1 ms (0.87 of the ideal 20 ms); rx is within the noise of it; "
                + "the slowest, threads-per-task, takes 42.4x as long."), r);
    }

    @Test
    void aForkBusyOnTheCpuIsNotReadAsALimitOnWaiting() {
        Size small = Size.parse("K=20 L=10ms B=1KiB C=10");
        Size large = Size.parse("K=500 L=10ms B=4KiB C=100");
        List<ResultRow> rows = List.of(
                Fixtures.ok("http-fan-out", "futures", small, 20, 1, 20, Metrics.builder().cpuMsPerOp(5)),
                Fixtures.ok("http-fan-out", "futures", large, 250, 10, 50, Metrics.builder().cpuMsPerOp(400)),
                Fixtures.ok("http-fan-out", "threads", small, 20, 1, 20, Metrics.builder().cpuMsPerOp(5)),
                Fixtures.ok("http-fan-out", "threads", large, 250, 10, 50, Metrics.builder().cpuMsPerOp(40)));
        String r = text(Readings.of(scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), "http-fan-out")));
        // futures used 400 ms of CPU in 250 ms on 2 cores: 80% of the machine
        assertTrue(r.contains("futures falls from 1.00 of the ideal at K=20 to 0.20 at K=500."), r);
        assertTrue(r.contains("futures was CPU-bound at K=500: its fork kept the 2 cores 80% busy (400 ms of CPU per operation of 250 ms), "
                + "so the work around the waits (the HTTP client, JIT, GC; the server shares these cores), not a limit on waiting, is what its fall shows."), r);
        // threads used little CPU: the waits were what took the time
        assertTrue(r.contains("threads falls from 1.00 of the ideal at K=20 to 0.20 at K=500: its time is what about 20 of the 500 requests "
                + "waiting at once would take (C allows 100)"), r);
    }

    /** http-fan-out rows for the models at K=20 and K=500: each falls to a fifth of the ideal, with this much CPU per operation at K=500. */
    static List<ResultRow> fanOut(Map<String, Double> cpuAtLarge) {
        Size small = Size.parse("K=20 L=10ms B=1KiB C=10");
        Size large = Size.parse("K=500 L=10ms B=4KiB C=100");
        List<ResultRow> rows = new ArrayList<>();
        cpuAtLarge.forEach((model, cpu) -> {
            rows.add(Fixtures.ok("http-fan-out", model, small, 20, 1, 20, Metrics.builder().cpuMsPerOp(5)));
            rows.add(Fixtures.ok("http-fan-out", model, large, 250 + rows.size(), 10, 50, Metrics.builder().cpuMsPerOp(cpu)));
        });
        return rows;
    }

    @Test
    void whatManyModelsShareIsOneSentenceNotOneBulletEach() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String m : List.of("threads", "futures", "rx", "coroutines")) cpu.put(m, 380.0 + cpu.size() * 10);
        List<String> readings = Readings.of(scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), fanOut(cpu)), "http-fan-out"));
        String r = text(readings);
        assertEquals(1, readings.stream().filter(x -> x.contains("CPU-bound")).count(), r);
        assertEquals(1, readings.stream().filter(x -> x.contains(" of the ideal at K=20 to ")).count(), r);
        assertTrue(r.contains("Every model falls from 1.00 of the ideal at K=20 to between 0.19 (coroutines) and 0.20 (threads) at K=500."), r);
        assertTrue(r.contains("Every model was CPU-bound at K=500: their forks kept the 2 cores 76% to 80% busy, so the work around the waits "
                + "(the HTTP client, JIT, GC; the server shares these cores), not a limit on waiting, is what their fall shows."), r);
        assertTrue(r.contains("every other model is within the noise of it"), r);
        // all but one: named as such
        cpu.put("sequential", 5.0);
        String allBut = text(Readings.of(scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), fanOut(cpu)), "http-fan-out")));
        assertTrue(allBut.contains("Every model but sequential was CPU-bound at K=500"), allBut);
    }

    @Test
    void modelsAtSimilarDistancesFromTheIdealShareOneRange() {
        Size small = Size.parse("L=10ms D=100ms");
        Size large = Size.parse("L=500ms D=50ms");
        List<ResultRow> rows = new ArrayList<>();
        for (String m : List.of("sequential", "threads", "futures", "rx")) {
            double extra = rows.size();
            rows.add(Fixtures.ok("timeout", m, small, 10.5 + extra / 10, 0.1, 10, Metrics.builder()));
            rows.add(Fixtures.ok("timeout", m, large, 65 + extra, 0.1, 50, Metrics.builder()));
        }
        String r = text(Readings.of(scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), "timeout")));
        assertTrue(r.contains("Every model takes 1.05x to 1.42x the ideal (the furthest, rx, 1.42x)."), r);
        assertFalse(r.contains("threads takes"), r);
    }

    @Test
    void theServersCountOfRequestsInFlightIsReadAgainstC() {
        String r = text(Readings.of(scenario(Fixtures.fullRun(), "http-fan-out")));
        assertTrue(r.contains("At K=10000 L=20ms B=1KiB C=100, the server saw every concurrent model come near C=100 requests in flight "
                + "and never exceed it (peak 100)."), r);
        Size size = Size.parse("K=1000 L=20ms B=4KiB C=100");
        List<ResultRow> rows = List.of(
                Fixtures.ok("http-fan-out", "rx", size, 210, 5, 200, Metrics.builder().serverPeakInFlight(100)),
                Fixtures.ok("http-fan-out", "futures", size, 210, 5, 200, Metrics.builder().serverPeakInFlight(128)),
                Fixtures.ok("http-fan-out", "threads", size, 700, 5, 200, Metrics.builder().serverPeakInFlight(34)));
        String breach = text(Readings.of(scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), "http-fan-out")));
        assertTrue(breach.contains("At K=1000 L=20ms B=4KiB C=100, the server saw futures (128) go over C=100, "
                + "and threads (34) stay under 80% of C=100 requests in flight."), breach);
    }

    @Test
    void aScenarioWithNothingMeasuredSaysSoAndWhy() {
        Size size = Size.parse("Q=20 L=20ms P=10");
        List<ResultRow> rows = new ArrayList<>();
        for (String m : List.of("threads", "rx")) {
            rows.add(new ResultRow("db", m, ResultRow.SUITE, size, ResultRow.Status.FAILED, "not run: the testbed database did not start",
                    Metrics.builder().idealMs(40).build()));
        }
        ResultSet set = new ResultSet(Fixtures.environment(Map.of("threads", "t", "rx", "r"), Map.of()), rows);
        assertEquals(List.of("Nothing was measured in this scenario.",
                        "Not measured: every model at Q=20 L=20ms P=10 — failed: not run: the testbed database did not start."),
                Readings.of(scenario(set, "db")));
    }

    @Test
    void theRunSentenceCountsEveryCombination() {
        // gather-mass 4 sizes x 7 models, gather 1 x 7, http-fan-out 3 x 7 (virtual-threads has no rows there)
        assertEquals("This run has 56 combinations of scenario, size and model: 47 measured, 5 skipped, 1 failed and 3 missing "
                        + "(each listed in its scenario, with the reason). Not in this run: hello, files, db, aggregate, timeout, fail-fast, collect-all, race, retry, load.",
                Readings.run(RunView.of(Fixtures.fullRun())));
    }

    @Test
    void aRowThePoolBoundIsReadAsThePoolsLimitNotTheModels() {
        List<ResultRow> rows = new ArrayList<>();
        for (ResultRow row : Fixtures.fullRun().rows()) {
            if (row.scenario().equals("gather-mass") && row.model().equals("threads") && row.harness().equals(ResultRow.SUITE) && row.size().x() >= 100_000) {
                row = new ResultRow(row.scenario(), row.model(), row.harness(), row.size(), row.status(), "a fork note; "
                        + dev.asyncbench.bench.results.PoolLimit.note(dev.asyncbench.bench.results.BenchScenario.GATHER_MASS, row.size(),
                                dev.asyncbench.core.Traits.boundedPool(256)), row.metrics());
            }
            rows.add(row);
        }
        String r = text(Readings.of(scenario(new ResultSet(Fixtures.environment(Map.of(), Map.of()), rows), "gather-mass")));
        assertTrue(r.contains("At N=1000000 L=1000ms, the pool, not the model, set the time of threads: at most 256 of the 1,000,000 tasks "
                + "this size lets wait at once can wait in the model's pool (the ceiling it declares), so the pool, not the model's way of "
                + "waiting, sets this time: about 3,907 rounds where the ideal has one."), r);
        assertFalse(text(Readings.of(scenario(Fixtures.fullRun(), "gather-mass"))).contains("the pool, not the model"), "no note, no reading");
    }
}
