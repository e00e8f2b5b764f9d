package dev.asyncbench.rx;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.Task;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Scenarios 2 and 8, the post's second example: gather (fail fast), collect-all, and the mass
 * gather of N identical tasks.
 *
 * <ul>
 *   <li>Threads: every task is subscribed at once; after its delay its end runs on a
 *       computation thread, so any number of tasks wait at once.
 *   <li>Blocking: none; a task's wait is a timer ({@code Single.timer}), no thread is held
 *       through it.
 *   <li>Cancellation: {@code zip} disposes every sibling when one fails: their timers are
 *       cancelled and they never log their completion.
 *   <li>Errors: gather is {@code Single.zip}, which fails with the first failure, disposing
 *       the siblings; its {@code TaskFailedException} is rethrown unwrapped. Collect-all turns
 *       each task's result or failure into an outcome ({@code map}, {@code onErrorReturn}) and
 *       zips them all. The mass gather is {@code flatMapSingle} with a maxConcurrency of N,
 *       so all N timers run at once.
 * </ul>
 */
final class Gather {
    private Gather() {
    }

    static Single<List<String>> gather(RxConfig config, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<Single<String>> running = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) running.add(run(task, log, config));
        return Single.zip(running, names -> Arrays.stream(names).map(String.class::cast).toList());   // results in input order
    }

    static Single<List<Outcome>> gatherAll(RxConfig config, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<Single<Outcome>> outcomes = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) {
            outcomes.add(run(task, log, config)
                    .map(name -> Outcome.success(task.name(), name))
                    .onErrorReturn(error -> Outcome.failure(task.name(), error)));
        }
        return Single.zip(outcomes, done -> Arrays.stream(done).map(Outcome.class::cast).toList());   // waits for every task, failed or not
    }

    static Single<Long> gatherMany(RxConfig config, MassGatherSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int tasks = spec.tasks();
        return Flowable.range(0, tasks)
                .flatMapSingle(i -> Single.timer(spec.delay().toNanos(), TimeUnit.NANOSECONDS, config.timers())
                        .map(tick -> (long) i), false, tasks)                // maxConcurrency N: every task waits at once
                .reduce(0L, Long::sum);
    }

    /** One task, as in the post: log its start, wait its delay (a timer, no thread), then end. */
    private static Single<String> run(Task task, EventLog log, RxConfig config) {
        return Single.defer(() -> {
            log.log(task.startLine());
            return Single.timer(task.delay().toNanos(), TimeUnit.NANOSECONDS, config.timers());
        }).map(tick -> end(task, log));
    }

    /** A task's end: log its completion and return its name, or fail as its spec says. */
    private static String end(Task task, EventLog log) {
        if (task.fails()) {
            log.log(task.failedLine());
            throw new TaskFailedException(task.name());
        }
        log.log(task.completedLine());
        return task.name();
    }
}
