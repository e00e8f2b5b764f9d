package dev.asyncbench.reactor;

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
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * {@code reactor}: Project Reactor 3.8. Each scenario is a {@code Mono} assembled in its file:
 * HTTP by the client's non-blocking {@code sendAsync}, waits by timers, blocking JDBC and file
 * calls on explicit bounded schedulers ({@link ReactorConfig}); the caller's thread subscribes
 * and waits at one line, {@code block()}.
 *
 * <p>{@code block()} rethrows an unchecked failure as it is ({@code TaskFailedException} itself)
 * but wraps a checked one in Reactor's own {@code RuntimeException}, and two errors that met
 * in a {@code flatMap} in a composite; {@link #call} hands the first over as every model does, and {@link #fetchWithTimeout} rethrows
 * its {@link TimeoutException} itself. An interrupted {@code block()} cancels the flow.
 */
public final class ReactorModel implements TaskScenario {

    private final ReactorConfig config = new ReactorConfig();

    public ReactorModel() {
        ReactorConfig.quietDroppedErrors();
    }

    @Override
    public String name() {
        return "reactor";
    }

    @Override
    public int rank() {
        return 45;
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
        call(Hello.hello(config, pause, log));
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        return call(Gather.gather(config, spec, log));
    }

    @Override
    public List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        return call(Gather.gatherAll(config, spec, log));
    }

    @Override
    public long gatherMany(MassGatherSpec spec) {
        return call(Gather.gatherMany(config, spec));
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        return call(HttpFanOut.httpFanOut(spec));
    }

    @Override
    public Manifest files(FilesSpec spec) {
        return call(FileDigests.files(config, spec));
    }

    @Override
    public DbResult db(DbSpec spec) {
        return call(Db.db(config, spec));
    }

    @Override
    public AggregateResult aggregate(AggregateSpec spec) {
        return call(Aggregate.aggregate(config, spec));
    }

    @Override
    public String fetchWithTimeout(TimeoutSpec spec) throws TimeoutException {
        Mono<String> fetch = Timeout.fetchWithTimeout(config, spec);
        try {
            return fetch.block();
        } catch (RuntimeException e) {
            if (failure(e) instanceof TimeoutException timeout) throw timeout;
            throw unwrap(e);
        }
    }

    @Override
    public String race(RaceSpec spec) {
        return call(Race.race(spec));
    }

    @Override
    public RetryResult retry(RetrySpec spec) {
        return call(Retry.retry(config, spec));
    }

    @Override
    public LoadResult load(LoadSpec spec) {
        return call(Load.load(config, spec));
    }

    @Override
    public void close() {
        config.close();
    }

    /** Subscribes and waits at the one blocking line, handing its failure over as every model does. */
    private static <T> T call(Mono<T> scenario) {
        try {
            return scenario.block();
        } catch (RuntimeException e) {
            throw unwrap(e);
        }
    }

    /**
     * What {@code block()} wrapped, unwrapped: runtime exceptions as they are; IO errors as
     * {@link UncheckedIOException}; an interrupted caller (its flow already cancelled) keeps its
     * flag; anything else (SQL) wrapped in an {@link IllegalStateException}.
     */
    private static RuntimeException unwrap(RuntimeException e) {
        Throwable failure = failure(e);
        if (failure instanceof RuntimeException unchecked) return unchecked;
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while waiting for the scenario's tasks", failure);
        }
        if (failure instanceof IOException io) return new UncheckedIOException(io);
        if (failure instanceof Error error) throw error;
        return new IllegalStateException(failure.toString(), failure);
    }

    /**
     * The failure {@code block()} threw, out of Reactor's wrapper; of two errors that met in a
     * {@code flatMap} at the same instant (Reactor's composite), the first.
     */
    private static Throwable failure(RuntimeException e) {
        Throwable failure = Exceptions.unwrap(e);
        return Exceptions.isMultiple(failure) ? Exceptions.unwrapMultiple(failure).getFirst() : failure;
    }
}
