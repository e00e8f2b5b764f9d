package dev.asyncbench.bench.jmh;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.infra.IterationParams;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fork's own profiler, driven the way JMH drives it: one measured iteration of two
 * operations in which one virtual thread is pinned (it sleeps inside a class initializer, which
 * JDK 25 still cannot unmount) and another sleeps unpinned. JFR must count exactly the one.
 */
class ForkProbeTest {

    /** Sleeping in here pins the virtual thread that runs it: a VM call (class initialization) is on its stack. */
    static final class SlowToInitialize {
        static {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    void aPinnedVirtualThreadIsCountedPerOperation() throws Exception {
        System.setProperty(ForkProbe.PINNING, "true");
        try {
            ForkProbe probe = new ForkProbe();
            IterationParams iteration = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.NONE, 1);
            probe.beforeIteration(null, iteration);
            Thread.sleep(1000); // the JFR stream starts asynchronously
            Thread.ofVirtual().start(SlowToInitialize::touch).join();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).join();
            IterationResult result = new IterationResult(null, iteration, new IterationResultMetaData(2, 2));
            Collection<? extends Result> out = probe.afterIteration(null, iteration, result);
            Map<String, Double> scores = out.stream().collect(Collectors.toMap(Result::getLabel, Result::getScore));
            assertTrue(scores.containsKey(ForkProbe.PINNED), "reported: " + scores.keySet());
            // one pinned event over two operations
            assertEquals(0.5, scores.get(ForkProbe.PINNED), 1e-9, "events per operation");
        } finally {
            System.clearProperty(ForkProbe.PINNING);
            ForkProbe.stopPinning();
        }
    }
}
