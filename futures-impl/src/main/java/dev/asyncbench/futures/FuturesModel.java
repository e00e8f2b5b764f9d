package dev.asyncbench.futures;

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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * {@code futures}: {@code CompletableFuture} composition. HTTP by the JDK client's non-blocking
 * {@code sendAsync}, waits by timers, blocking JDBC and file calls on explicit pools
 * ({@link FuturesConfig}); each scenario runs in its file and the caller's thread joins the
 * result at one line.
 */
public final class FuturesModel implements TaskScenario {

    private final FuturesConfig config = new FuturesConfig();
    private final ExecutorService executor = config.executor();

    @Override
    public String name() {
        return "futures";
    }

    @Override
    public int rank() {
        return 30;
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
        Hello.hello(executor, pause, log);
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        return Gather.gather(config, spec, log);
    }

    @Override
    public List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        return Gather.gatherAll(config, spec, log);
    }

    @Override
    public long gatherMany(MassGatherSpec spec) {
        return Gather.gatherMany(executor, spec);
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        return HttpFanOut.httpFanOut(spec);
    }

    @Override
    public Manifest files(FilesSpec spec) {
        return FileDigests.files(config, spec);
    }

    @Override
    public DbResult db(DbSpec spec) {
        return Db.db(config, spec);
    }

    @Override
    public AggregateResult aggregate(AggregateSpec spec) {
        return Aggregate.aggregate(config, spec);
    }

    @Override
    public String fetchWithTimeout(TimeoutSpec spec) throws TimeoutException {
        return Timeout.fetchWithTimeout(spec);
    }

    @Override
    public String race(RaceSpec spec) {
        return Race.race(spec);
    }

    @Override
    public RetryResult retry(RetrySpec spec) {
        return Retry.retry(config, spec);
    }

    @Override
    public LoadResult load(LoadSpec spec) {
        return Load.load(config, spec);
    }

    @Override
    public void close() {
        config.close();
    }
}
