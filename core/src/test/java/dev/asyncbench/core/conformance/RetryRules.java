package dev.asyncbench.core.conformance;

import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.Faults;
import dev.asyncbench.core.spec.Makespan;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;
import dev.asyncbench.core.testbed.Attempt;
import dev.asyncbench.core.testbed.ServerStats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.time.Duration.ofMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenario 10 ({@code retry}) of the conformance kit: rules RT1 to RT6 of {@code SPEC.md}. Part of
 * {@link ConformanceKit}, which runs them with its model; kept apart so each file stays readable.
 *
 * <p>The plan: K = 4 rounds of C = 20, L = 50 ms, a third of attempts failing (503, dropped or
 * stall in equal parts), at most 3 attempts of 150 ms each, backoff 20 ms doubling up to 80 ms;
 * enough requests that the plan has every fault and a request out of attempts.
 */
interface RetryRules extends KitAccess {

    int RETRY_C = 20;
    int RETRY_ROUNDS = 4;
    Duration RETRY_L = ofMillis(50);
    int RETRY_B = 256;
    Faults RETRY_FAULTS = new Faults(0.33);
    int RETRY_ATTEMPTS = 3;
    Duration RETRY_TIMEOUT = ofMillis(150);
    /**
     * An attempt's start may come this much before the server's clock says its backoff ended: the
     * server sees a failure's end and the next attempt's start a little after the client does, by
     * different amounts. Well below the shortest backoff (10 ms), so a model that skips it fails.
     */
    Duration CLOCK_SLACK = ofMillis(5);

    /**
     * K = 4 rounds of the model's width, or more: the fewest requests whose plan shows every fault
     * and a request out of attempts (41 for a model that does one at a time).
     */
    private RetrySpec retrySpec() {
        int requests = RETRY_ROUNDS * widthFor(RETRY_C);
        while (!showsEverything(requests)) requests++;
        return new RetrySpec(testbed().http(), requests, RETRY_L, RETRY_B, RETRY_C, RETRY_FAULTS, RETRY_ATTEMPTS,
                RETRY_TIMEOUT, ofMillis(20), ofMillis(80));
    }

    private static boolean showsEverything(int requests) {
        java.util.Set<Fault> seen = java.util.EnumSet.noneOf(Fault.class);
        boolean exhausted = false;
        for (int i = 0; i < requests; i++) {
            int attempts = RETRY_FAULTS.attempts(i, RETRY_ATTEMPTS);
            for (int a = 1; a <= attempts; a++) if (RETRY_FAULTS.of(i, a) != null) seen.add(RETRY_FAULTS.of(i, a));
            exhausted |= RETRY_FAULTS.outcome(i, RETRY_ATTEMPTS) != null;
        }
        return seen.size() == Fault.values().length && exhausted;
    }

    /**
     * The model's retry of the kit's plan on a fresh server, run once and shared by the rules: the
     * result and every attempt the server saw, in flight or not.
     */
    private Run run(RetrySpec spec) {
        return once("retry", () -> runNow(spec));
    }

    private Run runNow(RetrySpec spec) {
        // first a round without faults, so that no attempt of the run meets a cold client (its
        // first connections, code not yet compiled) and times out for that
        model().retry(new RetrySpec(spec.http(), spec.maxInFlight(), spec.latency(), spec.bodyBytes(), spec.maxInFlight(), Faults.NONE,
                1, java.time.Duration.ofSeconds(5), java.time.Duration.ZERO, java.time.Duration.ZERO));
        resetServerWhenQuiet(ConformanceKit.SETTLE);
        ConformanceKit.Timed<RetryResult> call = ConformanceKit.time(() -> model().retry(spec));
        ServerStats stats = testbed().serverStats();
        Map<Long, List<Attempt>> bySeed = testbed().http().attempts().stream()
                .collect(Collectors.groupingBy(Attempt::seed, TreeMap::new, Collectors.toList()));
        return new Run(call.value(), call.elapsed(), stats, bySeed);
    }

    record Run(RetryResult result, Duration elapsed, ServerStats stats, Map<Long, List<Attempt>> attempts) {
    }

    @Test @Tag(ConformanceKit.HTTP)
    default void rt1_resultEqualsTheOracles() {
        RetrySpec spec = retrySpec();
        RetryResult expected = oracle().retry(spec);
        RetryResult result = run(spec).result();
        assertEquals(spec.requests(), result.requests());
        assertEquals(expected, result);
    }

    @Test @Tag(ConformanceKit.HTTP)
    default void rt2_theServerSeesExactlyTheExpectedAttempts() {
        RetrySpec spec = retrySpec();
        Run run = run(spec);
        for (int i = 0; i < spec.requests(); i++) {
            List<Integer> seen = run.attempts().getOrDefault((long) i, List.of()).stream().map(Attempt::attempt).toList();
            List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, spec.attempts(i)).boxed().toList();
            int request = i;
            assertEquals(expected, seen, () -> "request " + request + ": attempts 1 to " + spec.attempts(request)
                    + ", each once, in order (" + describe(spec, request) + ")");
        }
        assertEquals(spec.requests(), run.attempts().size(), () -> "attempts of requests that do not exist: " + run.attempts().keySet());
        long peak = peakInFlight(spec, run.attempts());
        assertTrue(peak <= spec.maxInFlight(), () -> "C is " + spec.maxInFlight() + " but the server saw " + peak + " attempts in flight");
    }

    @Test @Tag(ConformanceKit.HTTP)
    default void rt3_noAttemptStartsBeforeItsBackoff() {
        RetrySpec spec = retrySpec();
        Run run = run(spec);
        run.attempts().forEach((seed, attempts) -> {
            for (int k = 1; k < attempts.size(); k++) {
                Attempt failed = attempts.get(k - 1), next = attempts.get(k);
                // a stall failed when the model gave up on it: the server sees the connection close then,
                // or sooner than start + timeout when connecting made the server see the attempt late
                long failedAt = failed.planned() == Fault.STALL
                        ? Math.min(failed.endMicros(), failed.startMicros() + spec.attemptTimeout().toNanos() / 1000) : failed.endMicros();
                long earliest = failedAt + spec.backoff(seed.intValue(), failed.attempt()).toNanos() / 1000 - CLOCK_SLACK.toNanos() / 1000;
                assertTrue(next.startMicros() >= earliest, () -> "request " + seed + " attempt " + next.attempt() + " started "
                        + (earliest + CLOCK_SLACK.toNanos() / 1000 - next.startMicros()) / 1000.0 + " ms before its backoff of "
                        + spec.backoff(seed.intValue(), failed.attempt()).toMillis() + " ms ended (after " + failed.planned() + ")");
            }
        });
    }

    @Test @Tag(ConformanceKit.HTTP)
    default void rt4_aStalledAttemptIsAbandonedAndNeverCompletesLater() {
        RetrySpec spec = retrySpec();
        Run run = run(spec);
        // a stall not abandoned would be answered at the end of its hold: wait that long
        ServerStats after = awaitServerStats(s -> s.inFlight() == 0, spec.stallHold().plus(ConformanceKit.SETTLE));
        List<Attempt> stalls = testbed().http().attempts().stream().filter(a -> a.planned() == Fault.STALL).toList();
        assertTrue(!stalls.isEmpty(), "the kit's plan has stalls");
        for (Attempt stall : stalls) {
            assertEquals(Attempt.End.ABANDONED, stall.end(), () -> "request " + stall.seed() + "'s attempt " + stall.attempt()
                    + " stalled; the model must give up on it at its timeout and close it: " + stall);
        }
        assertEquals(0, after.inFlight(), () -> "nothing in flight once the stalls' hold has passed: " + after.toJson());
        assertEquals(stalls.size(), after.abandoned(), () -> "exactly the stalled attempts abandoned: " + after.toJson());
    }

    @Test @Tag(ConformanceKit.HTTP)
    default void rt5_aRequestOutOfAttemptsReportsItsLastFailure() {
        RetrySpec spec = retrySpec();
        Map<Integer, Fault> expected = new TreeMap<>();
        for (int i = 0; i < spec.requests(); i++) {
            Fault last = spec.faults().outcome(i, spec.maxAttempts());
            if (last != null) expected.put(i, last);
        }
        RetryResult result = run(spec).result();
        assertEquals(RetryResult.describe(expected), RetryResult.describe(result.failures()), "each failed request's last fault");
        assertEquals(spec.requests() - expected.size(), result.succeeded());
    }

    @Test @Tag(ConformanceKit.HTTP)
    default void rt6_wallTimeIsTheGreedyMakespanOfTheAttemptsAndBackoffs() {
        RetrySpec spec = retrySpec();
        int width = widthFor(spec.maxInFlight());
        Run run = run(spec);
        Window.around("retry(K=" + spec.requests() + ", C=" + spec.maxInFlight() + ", L=" + RETRY_L.toMillis() + " ms, "
                        + spec.faults().text() + ", A=" + spec.maxAttempts() + ")", ofMillis(Makespan.greedy(spec.chainsMs(), width)))
                .check(run.elapsed());
    }

    /**
     * The most attempts in flight at once, from the server's log: a stall counts until the model
     * gave up on it (its close, or start + timeout if the server saw the close later), since a
     * slot it frees at its timeout may start the next request before the close reaches the server.
     */
    private static long peakInFlight(RetrySpec spec, Map<Long, List<Attempt>> attempts) {
        java.util.TreeMap<Long, Integer> changes = new java.util.TreeMap<>();
        long timeout = spec.attemptTimeout().toNanos() / 1000;
        for (List<Attempt> request : attempts.values()) {
            for (Attempt a : request) {
                long end = a.endMicros() < 0 ? Long.MAX_VALUE : a.endMicros();
                if (a.planned() == Fault.STALL) end = Math.min(end, a.startMicros() + timeout);
                changes.merge(a.startMicros(), 1, Integer::sum);
                changes.merge(end, -1, Integer::sum);
            }
        }
        long now = 0, peak = 0;
        for (int change : changes.values()) peak = Math.max(peak, now += change);
        return peak;
    }

    private static String describe(RetrySpec spec, int i) {
        StringBuilder s = new StringBuilder();
        for (int a = 1; a <= spec.attempts(i); a++) {
            Fault f = spec.faults().of(i, a);
            s.append(a == 1 ? "" : ", ").append("attempt ").append(a).append(": ").append(f == null ? "ok" : f.text());
        }
        return s.toString();
    }
}
