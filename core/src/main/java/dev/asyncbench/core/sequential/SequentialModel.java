package dev.asyncbench.core.sequential;

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
import java.util.concurrent.TimeoutException;

/**
 * The synchronous baseline of the asyncio post, and the correctness oracle: every scenario done
 * one step at a time on the caller's thread, with plain loops and blocking calls. Its results
 * are the values every other model must return; its times are the "sum of the waits" that
 * concurrency is there to beat.
 *
 * <p>Each method checks its arguments, then hands over to its scenario file at one line.
 */
public final class SequentialModel implements TaskScenario {

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public String describe() {
        return "one thing at a time on the caller's thread; no pool, no limit but one";
    }

    @Override
    public Traits traits() {
        return Traits.SEQUENTIAL;
    }

    @Override
    public void hello(Duration pause, EventLog log) {
        Hello.hello(pause, log);
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
        return Gather.gatherMany(spec);
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        return HttpFanOut.httpFanOut(spec);
    }

    @Override
    public Manifest files(FilesSpec spec) {
        return FileDigests.files(spec);
    }

    @Override
    public DbResult db(DbSpec spec) {
        return Db.db(spec);
    }

    @Override
    public AggregateResult aggregate(AggregateSpec spec) {
        return Aggregate.aggregate(spec);
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
        return Retry.retry(spec);
    }

    @Override
    public LoadResult load(LoadSpec spec) {
        return Load.load(spec);
    }
}
