package dev.asyncbench.threads;

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
 * {@code threads}: platform threads from one long-lived pool, blocking IO. Each scenario runs
 * in its file on the pool, which grows to what the scenario has waiting at once (C, or a
 * gather's N) up to its ceiling of {@value ThreadsConfig#CEILING} threads by default; beyond
 * the ceiling tasks queue, and the model's {@link #traits()} declare the ceiling as the most
 * it lets wait at once ({@link ThreadsConfig}). Its sibling {@link ThreadsPerTaskModel} runs
 * the same scenario files on a new thread per task.
 */
public class ThreadsModel implements TaskScenario {

    private final String name;
    private final ThreadsConfig config;
    private final Traits traits;
    private final ExecutorService executor;

    public ThreadsModel() {
        this("threads", ThreadsConfig.growingPool());
    }

    /** For {@link ThreadsPerTaskModel}: the same scenario files, another executor. */
    ThreadsModel(String name, ThreadsConfig config) {
        this.name = name;
        this.config = config;
        this.traits = config.traits();
        this.executor = config.executor();
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public String describe() {
        return config.describe();
    }

    @Override
    public final Traits traits() {
        return traits;
    }

    @Override
    public void hello(Duration pause, EventLog log) {
        Hello.hello(executor, pause, log);
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        return Gather.gather(executor, spec, log);
    }

    @Override
    public List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        return Gather.gatherAll(executor, spec, log);
    }

    @Override
    public long gatherMany(MassGatherSpec spec) {
        return Gather.gatherMany(executor, spec);
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        return HttpFanOut.httpFanOut(executor, spec);
    }

    @Override
    public Manifest files(FilesSpec spec) {
        return FileDigests.files(executor, spec);
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
        return Timeout.fetchWithTimeout(executor, spec);
    }

    @Override
    public String race(RaceSpec spec) {
        return Race.race(executor, spec);
    }

    @Override
    public RetryResult retry(RetrySpec spec) {
        return Retry.retry(executor, spec);
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
