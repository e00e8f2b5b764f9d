package dev.asyncbench.rx;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.Task;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;

import java.util.Arrays;
import java.util.List;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

/**
 * Scenarios 2 and 8, the post's {@code asyncio.gather}: every task started at once, results in
 * input order; fail-fast or collect-all; and the mass form, N identical tasks.
 *
 * <ul>
 *   <li>Threads: a waiting task is a {@code Single.timer} on the timer scheduler, so N tasks
 *       need N timers, not N threads.</li>
 *   <li>Blocking: none here; the caller blocks once, in {@link RxModel}.</li>
 *   <li>Cancellation: {@code zip} disposes every sibling when one fails: their timers are
 *       cancelled and they never log their completion.</li>
 *   <li>Errors: {@code gather} fails with the first {@link TaskFailedException} itself;
 *       {@code gatherAll} turns each task's error into its {@link Outcome} with {@code onErrorReturn}.</li>
 * </ul>
 */
final class Gather {

    private Gather() {
    }

    /** Every task at once; their names in input order; the first failure fails all and disposes the rest. */
    static Single<List<String>> gather(GatherSpec spec, EventLog log, RxConfig config) {
        List<Single<String>> tasks = spec.tasks().stream().map(task -> task(task, log, config)).toList();
        return Single.zip(tasks, names -> Arrays.stream(names).map(String.class::cast).toList());
    }

    /** Collect-all: every task runs to its end; each outcome, success or error, in input order. */
    static Single<List<Outcome>> gatherAll(GatherSpec spec, EventLog log, RxConfig config) {
        List<Single<Outcome>> tasks = spec.tasks().stream()
                .map(task -> task(task, log, config)
                        .map(name -> Outcome.success(task.name(), name))
                        .onErrorReturn(error -> Outcome.failure(task.name(), error)))
                .toList();
        return Single.zip(tasks, outcomes -> Arrays.stream(outcomes).map(Outcome.class::cast).toList());
    }

    /** N timers at once: maxConcurrency N lets every task wait together; task i returns i. */
    static Single<Long> gatherMany(MassGatherSpec spec, RxConfig config) {
        int n = spec.tasks();
        long delay = spec.delay().toNanos();
        return Flowable.range(0, n)
                .flatMapSingle(i -> Single.timer(delay, NANOSECONDS, config.timers()).map(tick -> (long) i), false, n)
                .reduce(0L, Long::sum);
    }

    /** One task: log its start, wait on a timer, then log its completion and return its name (or fail). */
    private static Single<String> task(Task task, EventLog log, RxConfig config) {
        return Single.defer(() -> {
            log.log(task.startLine());
            return Single.timer(task.delay().toNanos(), NANOSECONDS, config.timers());
        }).map(tick -> {
            if (task.fails()) {
                log.log(task.failedLine());
                throw new TaskFailedException(task.name());
            }
            log.log(task.completedLine());
            return task.name();
        });
    }
}
