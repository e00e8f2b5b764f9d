package dev.asyncbench.bench.jmh;

import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.SingleShotResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.infra.IterationParams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fork's own profiler, driven the way JMH drives it. Pinning: one measured iteration of two
 * operations in which one virtual thread is pinned (it sleeps inside a class initializer, which
 * JDK 25 still cannot unmount) and another sleeps unpinned; JFR must count exactly the one. And
 * the full GCs between iterations that the large mass gathers ask for, and the time of the fork's
 * first operation.
 */
class ForkProbeTest {

    /** Sleeping in here pins the virtual thread that runs it: a VM call (class initialization) is on its stack. */
    static final class SlowToInitialize {
        static {
            sleep();
        }

        static void touch() {
        }
    }

    /** The same, for the second test (a class initializes once per JVM) ... */
    static final class SlowToInitializeInWarmUp {
        static {
            sleep();
        }

        static void touch() {
        }
    }

    /** ... and once more, in its measured iteration. */
    static final class SlowToInitializeWhileMeasured {
        static {
            sleep();
        }

        static void touch() {
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} with pinning switched on, and leaves the JVM as it found it. */
    private static void withPinning(Body body) throws Exception {
        System.setProperty(Property.PINNING.key, "true");
        try {
            body.run();
        } finally {
            System.clearProperty(Property.PINNING.key);
            ForkProbe.stopPinning();
            ForkProbe.forgetPinning();
        }
    }

    private static Map<String, Double> scores(Collection<? extends Result> results) {
        return results.stream().collect(Collectors.toMap(Result::getLabel, Result::getScore));
    }

    @Test
    void aPinnedVirtualThreadIsCountedPerOperation() throws Exception {
        withPinning(() -> {
            ForkProbe probe = new ForkProbe();
            IterationParams iteration = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.NONE, 1);
            probe.beforeIteration(null, iteration);
            ForkProbe.startPinning(); // the last step of the setup, which comes after the first beforeIteration
            Thread.sleep(1000); // the JFR stream starts asynchronously
            Thread.ofVirtual().start(SlowToInitialize::touch).join();
            Thread.ofVirtual().start(ForkProbeTest::sleep).join();
            Map<String, Double> scores = scores(probe.afterIteration(null, iteration, new IterationResult(null, iteration, new IterationResultMetaData(2, 2))));
            assertTrue(scores.containsKey(Measure.PINNED.label), "reported: " + scores.keySet());
            // one pinned event over two operations
            assertEquals(0.5, scores.get(Measure.PINNED.label), 1e-9, "events per operation");
        });
    }

    @Test
    void withWarmUpIterationsPinningIsCountedOverThemAndTheMeasuredOnesRunWithoutJfr() throws Exception {
        withPinning(() -> {
            ForkProbe probe = new ForkProbe();
            IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.NONE, 1);
            IterationParams measured = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.NONE, 1);
            probe.beforeIteration(null, warmup);
            ForkProbe.startPinning();
            Thread.sleep(1000); // the JFR stream starts asynchronously
            Thread.ofVirtual().start(SlowToInitializeInWarmUp::touch).join();
            probe.afterIteration(null, warmup, new IterationResult(null, warmup, new IterationResultMetaData(4, 4)));
            assertFalse(ForkProbe.pinningRecording(), "the stream stops after the last warm-up iteration");

            probe.beforeIteration(null, measured);
            Thread.ofVirtual().start(SlowToInitializeWhileMeasured::touch).join(); // pinned, but not recorded
            Map<String, Double> scores = scores(probe.afterIteration(null, measured, new IterationResult(null, measured, new IterationResultMetaData(1, 1))));
            // one pinned event over the warm-up's four operations
            assertEquals(0.25, scores.get(Measure.PINNED.label), 1e-9, "events per operation, counted over the warm-up");
        });
    }

    @Test
    void whatTheTeardownDoesAfterTheMeasuringIsNotCountedInTheLastIteration() {
        ForkProbe probe = new ForkProbe();
        IterationParams measured = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.NONE, 1);
        probe.beforeIteration(null, measured);
        ForkProbe.measurementEnded(); // first thing in the trial's teardown
        byte[][] probeGarbage = new byte[64][];
        for (int i = 0; i < probeGarbage.length; i++) probeGarbage[i] = new byte[1 << 20]; // 64 MiB, as a memory probe would
        java.lang.ref.Reference.reachabilityFence(probeGarbage);
        Map<String, Double> scores = scores(probe.afterIteration(null, measured, new IterationResult(null, measured, new IterationResultMetaData(1, 1))));
        assertTrue(scores.get(Measure.ALLOC.label) < 16 << 20, "allocated per operation: " + scores.get(Measure.ALLOC.label));
    }

    /**
     * The setup's checked run is the fork's first operation: {@link ScenarioState#first} times the
     * first call only, and the probe reports it with every measured iteration (JMH averages a
     * fork's secondary results over all its iterations, so one value in the last alone would be
     * divided by their count; with several forks, their mean). A fork whose setup recorded none
     * reports none.
     */
    @Test
    void theForksFirstOperationIsReportedWithEveryMeasuredIteration() {
        ForkProbe probe = new ForkProbe();
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.NONE, 1);
        IterationParams measured = new IterationParams(IterationType.MEASUREMENT, 2, TimeValue.NONE, 1);
        ForkProbe.cold(Double.NaN); // what the trial's setup does first
        probe.beforeIteration(null, warmup);
        HelloBenchmark state = new HelloBenchmark();
        assertEquals("first", state.first(() -> {
            sleep(); // 50 ms
            return "first";
        }));
        assertEquals("second", state.first(() -> {
            sleep(); // not timed: not the first
            sleep();
            sleep();
            sleep();
            return "second";
        }));
        assertFalse(scores(probe.afterIteration(null, warmup, new IterationResult(null, warmup, new IterationResultMetaData(1, 1))))
                .containsKey(Measure.COLD.label), "not with a warm-up iteration");
        List<Double> colds = new ArrayList<>();
        List<IterationResult> iterations = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            probe.beforeIteration(null, measured);
            IterationResult r = new IterationResult(null, measured, new IterationResultMetaData(1, 1));
            r.addResult(new SingleShotResult(ResultRole.PRIMARY, "op", 10_000_000L, TimeUnit.MILLISECONDS));
            r.addResults(probe.afterIteration(null, measured, r));
            colds.add(r.getSecondaryResults().get(Measure.COLD.label).getScore());
            iterations.add(r);
        }
        double cold = colds.getFirst();
        assertTrue(cold >= 49 && cold < 200, "the first call's 50 ms, not the second's 200: " + cold);
        assertEquals(List.of(cold, cold), colds, "the same value with each measured iteration");
        assertEquals(cold, new BenchmarkResult(null, iterations).getSecondaryResults().get(Measure.COLD.label).getScore(), 1e-9,
                "what JMH makes of them: the fork's first operation");

        ForkProbe.cold(Double.NaN);
        ForkProbe again = new ForkProbe();
        IterationParams one = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.NONE, 1);
        again.beforeIteration(null, one);
        assertFalse(scores(again.afterIteration(null, one, new IterationResult(null, one, new IterationResultMetaData(1, 1))))
                .containsKey(Measure.COLD.label), "a fork whose setup timed nothing reports nothing");
    }

    @Test
    void withGcBetweenIterationsEveryIterationButTheFirstStartsWithAFullGc() {
        System.setProperty(Property.GC_BETWEEN.key, "true");
        try {
            ForkProbe probe = new ForkProbe();
            IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.NONE, 1);
            IterationParams measured = new IterationParams(IterationType.MEASUREMENT, 2, TimeValue.NONE, 1);
            long before = collections();
            probe.beforeIteration(null, warmup);
            assertEquals(before, collections(), "none before the first iteration (it holds the setup's check and memory probe)");
            probe.afterIteration(null, warmup, new IterationResult(null, warmup, new IterationResultMetaData(1, 1)));
            probe.beforeIteration(null, measured);
            assertTrue(collections() >= before + 2, "two full GCs before the second");
            long second = collections();
            probe.afterIteration(null, measured, new IterationResult(null, measured, new IterationResultMetaData(1, 1)));
            probe.beforeIteration(null, measured);
            assertTrue(collections() >= second + 2, "and before the third");
        } finally {
            System.clearProperty(Property.GC_BETWEEN.key);
        }
    }

    @Test
    void withoutItNoIterationStartsWithAGc() {
        ForkProbe probe = new ForkProbe();
        IterationParams measured = new IterationParams(IterationType.MEASUREMENT, 3, TimeValue.NONE, 1);
        long before = collections();
        for (int i = 0; i < 3; i++) {
            probe.beforeIteration(null, measured);
            probe.afterIteration(null, measured, new IterationResult(null, measured, new IterationResultMetaData(1, 1)));
        }
        assertEquals(before, collections(), "no full GCs");
    }

    /** Full collections so far (what System.gc() does): young and concurrent cycles are left out. */
    private static long collections() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !gc.getName().matches(".*(Young|Copy|Scavenge|Concurrent).*"))
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
