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
import dev.asyncbench.core.spec.TimeoutSpec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * RxJava 3: each scenario is a {@code Single} or {@code Completable} built in its own file, and
 * this class is where the blocking caller meets it, at one {@code blockingGet()} or
 * {@code blockingAwait()} per method. Schedulers and limits live in {@link RxConfig}.
 *
 * <p>{@code blockingGet()} rethrows unchecked errors as they are ({@link
 * dev.asyncbench.core.TaskFailedException} included) but wraps checked ones in a bare
 * {@link RuntimeException}; {@link #fetchWithTimeout} unwraps its {@link TimeoutException}.
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
    public String describe() {
        return config.describe();
    }

    @Override
    public Traits traits() {
        return Traits.CONCURRENT;
    }

    @Override
    public void hello(Duration pause, EventLog log) {
        requireNonNull(pause, "pause");
        requireNonNull(log, "log");
        Hello.hello(pause, log, config).blockingAwait();
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        requireNonNull(spec, "spec");
        requireNonNull(log, "log");
        return Gather.gather(spec, log, config).blockingGet();
    }

    @Override
    public List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        requireNonNull(spec, "spec");
        requireNonNull(log, "log");
        return Gather.gatherAll(spec, log, config).blockingGet();
    }

    @Override
    public long gatherMany(MassGatherSpec spec) {
        requireNonNull(spec, "spec");
        return Gather.gatherMany(spec, config).blockingGet();
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        requireNonNull(spec, "spec");
        return HttpFanOut.httpFanOut(spec).blockingGet();
    }

    @Override
    public Manifest files(FilesSpec spec) {
        requireNonNull(spec, "spec");
        return FileDigests.files(spec, config).blockingGet();
    }

    @Override
    public DbResult db(DbSpec spec) {
        requireNonNull(spec, "spec");
        return Db.db(spec, config).blockingGet();
    }

    @Override
    public AggregateResult aggregate(AggregateSpec spec) {
        requireNonNull(spec, "spec");
        return Aggregate.aggregate(spec, config).blockingGet();
    }

    @Override
    public String fetchWithTimeout(TimeoutSpec spec) throws TimeoutException {
        requireNonNull(spec, "spec");
        try {
            return Timeout.fetchWithTimeout(spec, config).blockingGet();
        } catch (RuntimeException wrapped) {
            // blockingGet() wraps the checked TimeoutException in a bare RuntimeException: unwrap it
            if (wrapped.getClass() == RuntimeException.class && wrapped.getCause() instanceof TimeoutException timeout) throw timeout;
            throw wrapped;
        }
    }

    @Override
    public String race(RaceSpec spec) {
        requireNonNull(spec, "spec");
        return Race.race(spec).blockingGet();
    }

    @Override
    public void close() {
        config.close();
    }
}
