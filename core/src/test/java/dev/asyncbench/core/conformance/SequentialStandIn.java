package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.Traits;
import dev.asyncbench.core.sequential.SequentialModel;
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
 * The sequential model's answers for every scenario: what the kit's and the soak's own test
 * models ({@link LeakyModel}, {@link BrokenModel}) start from, overriding only what they break.
 */
abstract class SequentialStandIn implements TaskScenario {

    protected final SequentialModel sequential = new SequentialModel();

    @Override
    public Traits traits() {
        return sequential.traits();
    }

    @Override
    public void hello(Duration pause, EventLog log) {
        sequential.hello(pause, log);
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        return sequential.gather(spec, log);
    }

    @Override
    public List<Outcome> gatherAll(GatherSpec spec, EventLog log) {
        return sequential.gatherAll(spec, log);
    }

    @Override
    public long gatherMany(MassGatherSpec spec) {
        return sequential.gatherMany(spec);
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        return sequential.httpFanOut(spec);
    }

    @Override
    public Manifest files(FilesSpec spec) {
        return sequential.files(spec);
    }

    @Override
    public DbResult db(DbSpec spec) {
        return sequential.db(spec);
    }

    @Override
    public AggregateResult aggregate(AggregateSpec spec) {
        return sequential.aggregate(spec);
    }

    @Override
    public String fetchWithTimeout(TimeoutSpec spec) throws TimeoutException {
        return sequential.fetchWithTimeout(spec);
    }

    @Override
    public String race(RaceSpec spec) {
        return sequential.race(spec);
    }

    @Override
    public RetryResult retry(RetrySpec spec) {
        return sequential.retry(spec);
    }

    @Override
    public LoadResult load(LoadSpec spec) {
        return sequential.load(spec);
    }

    @Override
    public void close() {
        sequential.close();
    }
}
