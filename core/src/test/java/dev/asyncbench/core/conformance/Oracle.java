package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
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
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.io.RetryTally;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.spec.RetrySpec;
import dev.asyncbench.core.spec.Task;
import dev.asyncbench.core.spec.TimeoutSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The expected answers: the sequential model run on the same inputs. Latency never changes an
 * answer, only when it comes, so the oracle runs with zero latency and remembers each answer
 * (race is the exception: its answer depends on the latencies, and it is quick).
 */
final class Oracle {

    private final SequentialModel sequential = new SequentialModel();
    private final Map<String, Object> answers = new HashMap<>();

    List<String> gather(GatherSpec spec) {
        return sequential.gather(withoutDelays(spec), EventLog.recording());
    }

    List<Outcome> gatherAll(GatherSpec spec) {
        return sequential.gatherAll(withoutDelays(spec), EventLog.recording());
    }

    FanOutResult httpFanOut(FanOutSpec spec) {
        return remember("fan-out K=" + spec.requests() + " B=" + spec.bodyBytes(), () -> sequential.httpFanOut(
                new FanOutSpec(spec.http(), spec.requests(), Duration.ZERO, spec.bodyBytes(), 1)));
    }

    /** The manifest, its output files written to {@code outputDir} (not the model's). */
    Manifest files(FilesSpec spec, Path outputDir) {
        return sequential.files(new FilesSpec(spec.inputDir(), spec.files(), outputDir, 1));
    }

    DbResult db(DbSpec spec) {
        return remember("db Q=" + spec.queries(), () -> sequential.db(new DbSpec(spec.orders(), spec.queries(), Duration.ZERO)));
    }

    /** Stores its summaries on the server too: ask before resetting the server's counters. */
    AggregateResult aggregate(AggregateSpec spec) {
        return remember("aggregate N=" + spec.ids(), () -> sequential.aggregate(
                new AggregateSpec(spec.http(), spec.orders(), spec.ids(), Duration.ZERO, 1)));
    }

    String fetchWithTimeout(TimeoutSpec spec) {
        return remember("timeout body", () -> {
            try {
                return sequential.fetchWithTimeout(new TimeoutSpec(spec.http(), Duration.ZERO, Duration.ofSeconds(10)));
            } catch (TimeoutException e) {
                throw new IllegalStateException("the oracle's call without latency timed out", e);
            }
        });
    }

    String race(RaceSpec spec) {
        return sequential.race(spec);
    }

    /**
     * From the plan alone ({@link RetryTally#expected}): the sequential model's answer too, which
     * its own kit checks, but with no request whose timing could read a slow success as a stall.
     */
    RetryResult retry(RetrySpec spec) {
        return RetryTally.expected(spec.plan(), spec.requests(), spec.bodyBytes());
    }

    private static GatherSpec withoutDelays(GatherSpec spec) {
        return new GatherSpec(spec.tasks().stream().map(t -> new Task(t.name(), Duration.ZERO, t.fails())).toList());
    }

    @SuppressWarnings("unchecked")
    private <T> T remember(String input, Supplier<T> answer) {
        T known = (T) answers.get(input);
        if (known == null) {
            known = answer.get();
            answers.put(input, known);
        }
        return known;
    }
}
