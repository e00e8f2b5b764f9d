package dev.asyncbench.core.conformance;

import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.Makespan;
import dev.asyncbench.core.spec.LoadSpec;
import dev.asyncbench.core.testbed.ServerStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario 11 ({@code load}) of the conformance kit: rules LD1 to LD4 of {@code SPEC.md}. Part of
 * {@link ConformanceKit}, which runs them with its model.
 *
 * <p>Each request waits L = 50 ms (profile and orders at once; 2L one after the other for a
 * model that is not concurrent), C = 8 of them at once, through the kit's pool of P = 8: a
 * capacity of C / L = 160 requests per second (10 for the sequential model). Light load is a
 * quarter of that, overload twice that, for one second of arrivals; LD2 to LD4 check one run
 * under overload. Not tagged {@value ConformanceKit#HTTP}: what they test is the model's arrival
 * clock and queue; its HTTP calls are aggregate's, whose rules run over every transport.
 */
interface LoadRules extends KitAccess {

    int LOAD_C = 8;
    Duration LOAD_L = ofMillis(50);
    Duration LOAD_T = ofSeconds(1);
    /** How late a concurrent model may take a request in, at the 99th percentile: well below L. */
    Duration ARRIVAL_LAG_P99 = ofMillis(20);

    private Duration serviceTime() {
        return traits().concurrent() ? LOAD_L : LOAD_L.multipliedBy(2);
    }

    /** Requests per second this model can serve at the kit's C and L. */
    private int capacity() {
        return (int) (widthFor(LOAD_C) * 1000 / serviceTime().toMillis());
    }

    private LoadSpec loadSpec(double ofCapacity) {
        return new LoadSpec(testbed().http(), orders(), (int) Math.max(1, Math.round(capacity() * ofCapacity)), LOAD_T, LOAD_L, LOAD_C);
    }

    @Test
    default void ld1_everyRequestIsAnsweredAndTheResultEqualsTheOracles() {
        LoadSpec spec = loadSpec(0.25);
        int requests = spec.arrivals().length;
        long expected = oracle().aggregate(spec.work(requests)).checksum();
        resetServerWhenQuiet(ConformanceKit.SETTLE);
        LoadResult result = model().load(spec);
        assertEquals(requests, result.requests(), "every arrival of the clock");
        assertEquals(requests, result.answered(), "every request answered (none shed, none lost)");
        assertEquals(expected, result.checksum(), "the summaries, in id order, equal the oracle's aggregate of as many ids");
        ServerStats stats = testbed().serverStats();
        assertEquals(requests, stats.stored(), () -> "every summary stored once: " + stats.toJson());
    }

    /** The model under overload, run once and shared by LD2 to LD4: its result, its wall time and the server's counters. */
    record Overload(LoadSpec spec, LoadResult result, Duration elapsed, ServerStats stats) {
    }

    private Overload overload() {
        return once("load overload", () -> {
            LoadSpec spec = loadSpec(2);
            resetServerWhenQuiet(ConformanceKit.SETTLE);
            ConformanceKit.Timed<LoadResult> call = ConformanceKit.time(() -> model().load(spec));
            return new Overload(spec, call.value(), call.elapsed(), testbed().serverStats());
        });
    }

    @Test
    default void ld2_neverMoreThanCInServiceAndCReachedUnderOverload() {
        int width = widthFor(LOAD_C);
        ServerStats stats = overload().stats();
        long reached = (long) Math.ceil(0.8 * width);
        assertTrue(stats.peakInFlight() <= LOAD_C && stats.peakInFlight() >= reached, () -> "C = " + LOAD_C
                + ": under overload the server should see " + width + " profile requests in flight at the peak (at least "
                + reached + ", never more than C), it saw " + stats.peakInFlight() + ": " + stats.toJson());
    }

    /**
     * LD3: under overload a concurrent model still takes every request in on time; those waiting
     * for a slot wait in its queue, not in the arrival clock (which would hide their wait from a
     * latency measured from when the model got round to them).
     */
    @Test
    default void ld3_requestsAreTakenInOnTimeEvenUnderOverload() {
        LoadResult result = overload().result();
        long lag = result.arrivalLag().getValueAtPercentile(99);
        long queued = result.latency().getValueAtPercentile(99);
        if (!traits().concurrent()) {
            assertTrue(lag > 0 && queued >= lag, "one at a time, the clock runs ahead: requests are taken in late, and latency counts it");
            return;
        }
        assertTrue(lag <= ARRIVAL_LAG_P99.toNanos() / 1000, () -> "99% of requests should be taken in within "
                + ARRIVAL_LAG_P99.toMillis() + " ms of their intended start, under overload too; the 99th percentile was "
                + lag / 1000.0 + " ms (latency p99 " + queued / 1000.0 + " ms)");
    }

    /**
     * LD4: under overload, wall time is about the makespan of C slots serving the requests as
     * they arrive (request i starts at the later of its arrival and the first free slot); and
     * latency, measured from intended starts, grows with the queue: its 99th percentile is at
     * least half the queue's drain time.
     */
    @Test
    default void ld4_underOverloadWallTimeIsTheQueuesAndLatencyCountsTheQueue() {
        Overload run = overload();
        LoadSpec spec = run.spec();
        int width = widthFor(LOAD_C);
        long[] arrivals = spec.arrivals();
        long makespan = (long) Makespan.withArrivals(arrivals, serviceTime().toMillis(), width);
        Window.around("load(R=" + spec.rate() + "/s, T=" + LOAD_T.toMillis() + " ms, C=" + LOAD_C + ", L=" + LOAD_L.toMillis() + " ms)",
                ofMillis(makespan)).check(run.elapsed());
        assertEquals(arrivals.length, run.result().answered(), "under overload too, every request answered (none shed, none lost)");
        assertEquals(oracle().aggregate(spec.work(arrivals.length)).checksum(), run.result().checksum(), "the summaries under overload");
        long p99 = run.result().latency().getValueAtPercentile(99) / 1000;
        long drain = makespan - LOAD_T.toMillis();
        assertTrue(p99 >= drain / 2, () -> "the latency p99 (" + p99 + " ms) should count the queue: the last arrivals wait about "
                + drain + " ms for a slot");
    }
}
