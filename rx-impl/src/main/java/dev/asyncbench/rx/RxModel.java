package dev.asyncbench.rx;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.Traits;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code rx}: RxJava 3. Each scenario is a {@code Single} (or {@code Completable}) assembled in
 * its file: HTTP by the JDK client's non-blocking {@code sendAsync}, waits by timers, blocking
 * JDBC and file calls on explicit bounded schedulers ({@link RxConfig}); the caller's thread
 * subscribes and waits at one line, {@code blockingGet()} or {@code blockingAwait()}.
 *
 * <p>{@code blockingGet()} rethrows an unchecked failure as it is ({@code TaskFailedException}
 * itself) but wraps a checked one in a bare {@link RuntimeException}; {@link #unchecked} hands
 * it over as every model does, and {@link #fetchWithTimeout} rethrows its
 * {@link TimeoutException} itself.
 */
public final class RxModel implements TaskScenario {

    private final RxConfig config = new RxConfig();

    public RxModel() {
        RxConfig.quietUndeliverableErrors();
    }

    @Override
    public String name() {
        return "rx";
    }

    @Override
    public int rank() {
        return 40;
    }

    @Override
    public String describe() {
        return config.describe();
    }

    @Override
    public Traits traits() {
        return Traits.CONCURRENT;
    }

    @Override
    public void hello(Duration pause, EventLog log) {
        try {
            Hello.hello(config, pause, log).blockingAwait();
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        return unchecked(() -> Gather.gather(config, spec, log).blockingGet());
    }

    @Override
    public List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        return unchecked(() -> Gather.gatherAll(config, spec, log).blockingGet());
    }

    @Override
    public long gatherMany(MassGatherSpec spec) {
        return unchecked(() -> Gather.gatherMany(config, spec).blockingGet());
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        return unchecked(() -> HttpFanOut.httpFanOut(spec).blockingGet());
    }

    @Override
    public Manifest files(FilesSpec spec) {
        return unchecked(() -> FileDigests.files(config, spec).blockingGet());
    }

    @Override
    public DbResult db(DbSpec spec) {
        return unchecked(() -> Db.db(config, spec).blockingGet());
    }

    @Override
    public AggregateResult aggregate(AggregateSpec spec) {
        return unchecked(() -> Aggregate.aggregate(config, spec).blockingGet());
    }

    @Override
    public String fetchWithTimeout(TimeoutSpec spec) throws TimeoutException {
        try {
            return Timeout.fetchWithTimeout(config, spec).blockingGet();
        } catch (RuntimeException e) {
            if (checkedFailure(e) instanceof TimeoutException timeout) throw timeout;
            throw unwrap(e);
        }
    }

    @Override
    public String race(RaceSpec spec) {
        return unchecked(() -> Race.race(spec).blockingGet());
    }

    @Override
    public RetryResult retry(RetrySpec spec) {
        return unchecked(() -> Retry.retry(config, spec).blockingGet());
    }

    @Override
    public LoadResult load(LoadSpec spec) {
        return unchecked(() -> Load.load(config, spec).blockingGet());
    }

    @Override
    public void close() {
        config.close();
    }

    /** Runs the one blocking line, handing its failure over as every model does. */
    private static <T> T unchecked(Supplier<T> blocking) {
        try {
            return blocking.get();
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    /**
     * What {@code blockingGet()} wrapped, unwrapped: runtime exceptions as they are; IO errors as
     * {@link UncheckedIOException}; an interrupted caller (its flow already disposed) keeps its
     * flag; anything else (SQL) wrapped in an {@link IllegalStateException}.
     */
    private static RuntimeException unwrap(RuntimeException e) {
        Throwable failure = checkedFailure(e);
        if (failure == null) return e;
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while waiting for the scenario's tasks", failure);
        }
        if (failure instanceof IOException io) return new UncheckedIOException(io);
        return new IllegalStateException(failure.toString(), failure);
    }

    /** The checked failure {@code blockingGet()} wrapped in a bare RuntimeException, or null. */
    private static Throwable checkedFailure(RuntimeException e) {
        return e.getClass() == RuntimeException.class && e.getCause() instanceof Exception checked
                && !(checked instanceof RuntimeException) ? checked : null;
    }
}
