package dev.asyncbench.core.conformance;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.testbed.Testbed;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The soak: one model runs every scenario many times in one JVM, every answer checked against
 * the sequential model's, and afterwards the JVM holds no more than it did before: live
 * platform and virtual threads, open file descriptors, sockets and the testbed server's
 * connections each end within a stated slack of their baseline ({@link Census.Count} states
 * each slack and why).
 *
 * <h2>Running it for a model</h2>
 * As with the {@link ConformanceKit}, a model module subclasses it in a few lines:
 * <pre>{@code
 * class FuturesSoakTest extends Soak {
 *     @Override
 *     protected TaskScenario createModel() {
 *         return new FuturesModel();
 *     }
 * }
 * }</pre>
 * The soak creates the model, runs it and closes it. The system property
 * {@value #ROUNDS_PROPERTY} sets the rounds, each one operation of every scenario
 * ({@link SoakRound} lists them and their sizes). The default, {@value #DEFAULT_ROUNDS}, keeps
 * the soaks of every model within two minutes of CI on a 2-core machine; the longer run by hand
 * is, for one model:
 * <pre>{@code
 * ./mvnw -B verify -pl futures-impl -am -Dtest=FuturesSoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dasyncbench.soak.operations=10000
 * }</pre>
 * and docs/soak.md gives the figures of such runs for every model. Each soak prints its report
 * (in the module's {@code target/surefire-reports/*-output.txt}): the counts at the baseline, at
 * the end and after the model closed, the time its rounds took and each operation's mean.
 *
 * <h2>The rule</h2>
 * <ol>
 *   <li>Warm-up: rounds until {@value #QUIET_WARM_UP_ROUNDS} in a row end with no more platform
 *       threads than the most seen after an earlier one (pools that start a thread per task
 *       until they are full, such as a fixed pool of 256, are full then), at most as many
 *       rounds as the soak itself.
 *   <li>Baseline: counted once the counts stop moving (two equal readings {@link #POLL} apart),
 *       or after {@link #SETTLE}.
 *   <li>The rounds, each answer checked; a wrong answer fails at once.
 *   <li>End: counted until every count is within its slack of the baseline, for at most
 *       {@link #SETTLE} (what the last round started may still be ending); a count still above
 *       fails the soak, naming the count, its baseline, its end and its slack.
 *   <li>No fail-fast sibling completed after being cancelled, in any round.
 * </ol>
 * A model's pools stay alive for the whole soak: the baseline is taken with them warm, so
 * "return to the starting counts" means that a round leaves nothing behind, not that a model
 * owns no threads.
 */
public abstract class Soak {

    /** The system property that sets the rounds: each round is one operation of every scenario. */
    public static final String ROUNDS_PROPERTY = "asyncbench.soak.operations";
    public static final int DEFAULT_ROUNDS = 1_000;
    /** Warm-up rounds in a row that add no platform thread, after which the pools count as full. */
    static final int QUIET_WARM_UP_ROUNDS = 3;
    /** The longest the soak waits for the counts to settle, before the baseline and at the end. */
    static final Duration SETTLE = Duration.ofSeconds(5);
    /** How often it reads them meanwhile. */
    static final Duration POLL = Duration.ofMillis(100);
    /** Time allowed per round before the soak counts as hung: many times what a round takes. */
    static final Duration ROUND_BUDGET = Duration.ofMillis(100);

    /** The model under soak: a fresh instance, which the soak closes. */
    protected abstract TaskScenario createModel();

    /**
     * The soak's own time limit ({@link #budget}) replaces JUnit's default, which a long run by
     * hand would exceed. Tagged {@value ConformanceKit#HTTP} as the kit's HTTP rules are: the
     * build runs it over each transport (a leak can be the transport's: docs/testbed.md).
     */
    @Test
    @Tag(ConformanceKit.HTTP)
    @Timeout(value = 1, unit = TimeUnit.DAYS)
    void everyScenarioRepeatedLeavesNoThreadFileSocketOrConnectionBehind() {
        int rounds = rounds();
        Report report = assertTimeoutPreemptively(budget(rounds),
                () -> run(createModel(), Testbed.shared(), rounds, SETTLE),
                () -> "the soak of " + rounds + " rounds took longer than " + budget(rounds).toSeconds() + " s: a model hangs");
        System.out.println(report);
    }

    /**
     * What one soak saw: its rounds and warm-up rounds, the counts at the baseline and at the
     * end, how long the rounds took and each operation's mean, and the counts once the model
     * closed and they settled (shown, never compared: shared pools such as the JDK's outlive a
     * model).
     */
    record Report(String model, int rounds, int warmUpRounds, Census baseline, Census end, Duration elapsed,
                  Map<String, Duration> meanTimes, Census closed) {
        @Override
        public String toString() {
            StringJoiner means = new StringJoiner(", ");
            meanTimes.forEach((operation, mean) -> means.add("%s %.2f".formatted(operation, mean.toNanos() / 1e6)));
            return ("soak of %s: %,d rounds of %d operations in %.1f s after %d warm-up rounds%n  baseline: %s%n  end:      %s%n"
                    + "  closed:   %s%n  ms per operation: %s").formatted(model, rounds, SoakRound.OPERATIONS, elapsed.toNanos() / 1e9,
                    warmUpRounds, baseline, end, closed, means);
        }
    }

    /**
     * Soaks {@code model} for {@code rounds} rounds on {@code testbed} and closes it; throws
     * {@link AssertionError} on a wrong answer or a count above its slack after {@code settle}.
     */
    static Report run(TaskScenario model, Testbed testbed, int rounds, Duration settle) throws InterruptedException {
        try (model; SoakRound round = new SoakRound(model, testbed)) {
            int warmUp = warmUp(round, rounds);
            round.meanTimes();
            Census baseline = settled(testbed, settle);
            long start = System.nanoTime();
            for (int i = 1; i <= rounds; i++) round.run(i, false);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Map<String, Duration> means = round.meanTimes();
            Census end = settledWithin(testbed, baseline, settle);
            String grown = end.grownBeyondSlack(baseline);
            if (!grown.isEmpty()) {
                throw new AssertionError("the soak of " + model.name() + " left more behind after " + rounds
                        + " rounds than after its warm-up (counted for up to " + settle.toMillis() + " ms after the last operation): " + grown
                        + "\n  baseline: " + baseline + "\n  end:      " + end);
            }
            round.checkNoCancelledSiblingCompleted();
            model.close();
            return new Report(model.name(), rounds, warmUp, baseline, end, elapsed, means, settled(testbed, settle));
        }
    }

    /** Rounds until {@value #QUIET_WARM_UP_ROUNDS} in a row add no platform thread, at most {@code most}; how many ran. */
    private static int warmUp(SoakRound round, int most) {
        long highest = Census.platformThreads();
        int done = 0, quiet = 0;
        while (done < most && quiet < QUIET_WARM_UP_ROUNDS) {
            round.run(++done, true);
            long now = Census.platformThreads();
            quiet = now <= highest ? quiet + 1 : 0;
            highest = Math.max(highest, now);
        }
        return done;
    }

    /** The counts once two readings {@link #POLL} apart agree, or the last reading after {@code settle}. */
    private static Census settled(Testbed testbed, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        Census last = Census.take(testbed);
        while (System.nanoTime() < deadline) {
            Thread.sleep(POLL);
            Census now = Census.take(testbed);
            if (now.equals(last)) return now;
            last = now;
        }
        return last;
    }

    /** The counts once all are within their slack of {@code baseline}, or the last reading after {@code settle}. */
    private static Census settledWithin(Testbed testbed, Census baseline, Duration settle) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        Census now = Census.take(testbed);
        while (!now.withinSlackOf(baseline) && System.nanoTime() < deadline) {
            Thread.sleep(POLL);
            now = Census.take(testbed);
        }
        return now;
    }

    /** The rounds {@value #ROUNDS_PROPERTY} asks for, else {@value #DEFAULT_ROUNDS}. */
    static int rounds() {
        String value = System.getProperty(ROUNDS_PROPERTY);
        if (value == null || value.isBlank()) return DEFAULT_ROUNDS;
        try {
            int rounds = Integer.parseInt(value.strip());
            if (rounds >= 1) return rounds;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(ROUNDS_PROPERTY + " must be a whole number of rounds, 1 or more, was '" + value + "'");
    }

    /** {@link #ROUND_BUDGET} for each round and as many warm-up rounds, plus settling twice. */
    static Duration budget(int rounds) {
        return ROUND_BUDGET.multipliedBy(2L * rounds).plus(SETTLE.multipliedBy(2));
    }
}
