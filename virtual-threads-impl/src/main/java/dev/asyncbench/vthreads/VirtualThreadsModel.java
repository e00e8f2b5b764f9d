package dev.asyncbench.vthreads;

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
 * {@code virtual-threads}: a virtual thread per task, plain blocking IO, {@code Semaphore}s for
 * the limits, and {@code StructuredTaskScope} (JDK 25 preview) where the scenario is about
 * a group of tasks: gather, timeout, race. Each scenario runs in its file; the executor and the
 * limits live in {@link VirtualThreadsConfig}. Creating this model in a JVM started without
 * {@code --enable-preview} fails at once with an {@link IllegalStateException} saying so.
 */
public final class VirtualThreadsModel implements TaskScenario {

    private final VirtualThreadsConfig config = new VirtualThreadsConfig();
    private final ExecutorService executor = config.executor();

    @Override
    public String name() {
        return "virtual-threads";
    }

    @Override
    public int rank() {
        return 50;
    }

    /** A virtual thread in a structured scope: about 4 us with its share of the GC at N = 1,000,000. */
    @Override
    public Duration taskStart() {
        return Duration.ofNanos(4_000);
    }

    @Override
    public String describe() {
        return config.describe();
    }

    @Override
    public Traits traits() {
        return new Traits(true, Integer.MAX_VALUE, config.maxMassTasks());
    }

    @Override
    public void hello(Duration pause, EventLog log) {
        Hello.hello(executor, pause, log);
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        return Gather.gather(spec, log);
    }

    @Override
    public List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        return Gather.gatherAll(spec, log);
    }

    @Override
    public long gatherMany(MassGatherSpec spec) {
        return Gather.gatherMany(spec, config.maxMassTasks());
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
        return Timeout.fetchWithTimeout(spec);
    }

    @Override
    public String race(RaceSpec spec) {
        return Race.race(spec);
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
