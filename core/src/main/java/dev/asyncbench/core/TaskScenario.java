package dev.asyncbench.core;

import dev.asyncbench.core.spec.AggregateResult;
import dev.asyncbench.core.spec.AggregateSpec;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Manifest;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.LoadResult;
import dev.asyncbench.core.spec.LoadSpec;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;
import dev.asyncbench.core.spec.TimeoutSpec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The contract every concurrency model implements: one operation per scenario of {@code SPEC.md}.
 *
 * <p>Inputs and results are plain Java types, so each model adapts to this interface at one
 * visible line ({@code join()}, {@code blockingGet()}, {@code runBlocking}, ...) and is idiomatic
 * above it. Every method blocks the calling thread until the scenario is done, then returns its
 * result or throws the scenario's error. Spec records validate their own inputs, so a bad input
 * is rejected before any model code runs.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (see {@link Models}); each
 * has a public no-argument constructor, a stable short {@link #name()} and a one-line
 * {@link #describe()} of its configuration that every report prints.
 */
public interface TaskScenario extends AutoCloseable {

    /** Stable short name: {@code sequential}, {@code threads}, {@code futures}, {@code rx}, ... */
    String name();

    /** One line: pools, schedulers, dispatchers and limits this model runs with. */
    String describe();

    /** What the model promises, so the conformance kit knows which bounds to expect. */
    default Traits traits() {
        return Traits.CONCURRENT;
    }

    /**
     * Where lists and reports put this model: lower first, equal ranks by name. The reference
     * model is 0; the others leave gaps, so that a new model can sit between two.
     */
    default int rank() {
        return 1000;
    }

    /**
     * Roughly what starting one task costs this model (an operating-system thread, a virtual
     * thread, a timer, a coroutine), for the bench's estimates of a run's length only: never a
     * result, and an estimate well above the truth only costs samples.
     */
    default Duration taskStart() {
        return Duration.ofNanos(3_000);
    }

    /** Scenario 1, the post's first example: log "Hello", wait {@code pause}, log "world". */
    void hello(Duration pause, EventLog log);

    /**
     * Scenario 2, the post's second example: start every task at once, each logs
     * "Starting task X", waits its delay, logs "Task X completed" and returns its name.
     * Results come back in input order. If a task fails (scenario 8, fail-fast) the whole call
     * fails with that task's {@link TaskFailedException} and every sibling is cancelled.
     */
    List<String> gather(GatherSpec spec, EventLog log);

    /**
     * Scenario 8, collect-all mode (asyncio's {@code return_exceptions=True}): like
     * {@link #gather} but every task runs to its end and each outcome is returned in input order.
     */
    List<Outcome> gatherAll(GatherSpec spec, EventLog log);

    /** Scenario 2, mass form: N identical tasks, task i waits L and returns i; returns the sum. */
    long gatherMany(MassGatherSpec spec);

    /** Scenario 3: fetch K bodies with at most C requests in flight; checksum in request order. */
    FanOutResult httpFanOut(FanOutSpec spec);

    /** Scenario 4: read, digest and durably write F files, at most C at once; the manifest. */
    Manifest files(FilesSpec spec);

    /** Scenario 5: Q queries through the pool, each waiting server-side; rows aggregated. */
    DbResult db(DbSpec spec);

    /** Scenario 6: per id, profile over HTTP and orders from the database at once; combine; store. */
    AggregateResult aggregate(AggregateSpec spec);

    /**
     * Scenario 7: one HTTP call that must finish within the deadline. Returns the body when it
     * does; otherwise throws {@link TimeoutException} soon after the deadline, having abandoned
     * the request (the server sees the connection go).
     */
    String fetchWithTimeout(TimeoutSpec spec) throws TimeoutException;

    /**
     * Scenario 9: the same request to every replica at once; the first successful body wins and
     * the others are cancelled. If every replica fails, throws the failure of the last one.
     */
    String race(RaceSpec spec);

    /**
     * Scenario 10: K requests, at most C in flight, each retried in the model's own idiom: every
     * attempt bounded by the spec's per-attempt timeout (a timed-out attempt is abandoned), a
     * failed attempt ({@link dev.asyncbench.core.spec.Fault#of} not null) followed, after exactly
     * {@link RetrySpec#backoff(int, int)}, by the next, up to the spec's maximum of attempts. A
     * request out of attempts is a result, not an error ({@link dev.asyncbench.core.io.RetryTally});
     * any other error ends the call and cancels the rest.
     */
    RetryResult retry(RetrySpec spec);

    /**
     * Scenario 11: open-loop load. Takes each request in at its intended start, by the arrival
     * clock of {@link dev.asyncbench.core.io.LoadClock} (waiting for it in the model's own idiom,
     * never for a free slot), serves at most C at once (aggregate's work for its id), the
     * others waiting their turn in arrival order, and returns once every request is served.
     */
    LoadResult load(LoadSpec spec);

    /** Releases pools, schedulers and dispatchers. Idempotent. */
    @Override
    default void close() {
    }
}
