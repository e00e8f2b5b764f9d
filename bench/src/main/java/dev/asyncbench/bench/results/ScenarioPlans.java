package dev.asyncbench.bench.results;

import dev.asyncbench.core.spec.Arrivals;
import dev.asyncbench.core.spec.Faults;
import dev.asyncbench.core.spec.Makespan;
import dev.asyncbench.core.spec.RetryPlan;

import java.time.Duration;

/** What retry's and load's sizes mean before any testbed is up: their plans, ideals and request counts. */
public final class ScenarioPlans {
    private ScenarioPlans() {
    }

    /** Retry's plan at this size: what the fork builds its {@code RetrySpec} from. */
    public static RetryPlan retryPlan(Size size) {
        return new RetryPlan(ms(size.get("L")), new Faults(size.get("F") / 100.0), (int) size.get("A"), ms(size.get("T")),
                ms(BenchScenario.RETRY_BACKOFF_MS), ms(BenchScenario.RETRY_MAX_BACKOFF_MS));
    }

    /**
     * Load's wall time with {@code slots} served at once, each request taking L from the later of
     * its arrival and the first free slot, in arrival order: the arrivals' span when the slots
     * keep up, the queue's drain when they do not.
     */
    public static double loadMakespanMs(Size size, long slots) {
        return Makespan.withArrivals(Arrivals.poisson((int) size.get("R"), ms(size.get("T"))), size.get("L"), slots);
    }

    /** How many attempts one retry operation makes at this size: every request's, by the plan. */
    static double retryAttempts(Size size) {
        RetryPlan plan = retryPlan(size);
        long attempts = 0;
        for (int i = 0; i < size.get("K"); i++) attempts += plan.attempts(i);
        return attempts;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
