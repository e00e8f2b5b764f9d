package dev.asyncbench.reactor;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.Task;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Scenarios 2 and 8, the post's second example: gather (fail fast), collect-all, and the mass
 * gather of N identical tasks.
 *
 * <ul>
 *   <li>Threads: every task is subscribed at once; after its delay its end runs on a
 *       parallel-scheduler thread, so any number of tasks wait at once.
 *   <li>Blocking: none; a task's wait is a timer ({@code Mono.delay}), no thread is held
 *       through it.
 *   <li>Cancellation: {@code zip} cancels every sibling when one fails: their timers are
 *       cancelled and they never log their completion.
 *   <li>Errors: gather is {@code Mono.zip}, which fails with the first failure, cancelling
 *       the siblings; its {@code TaskFailedException} is rethrown unwrapped. Collect-all turns
 *       each task's result or failure into an outcome ({@code map}, {@code onErrorResume}) and
 *       zips them all. The mass gather zips N timers too: not {@code flatMap} with a
 *       concurrency of N, whose drain loop scans every inner still running on each completion,
 *       a cost that grows with the square of N (at N = 100,000 the operation takes many times
 *       its wait).
 * </ul>
 */
final class Gather {
    private Gather() {
    }

    static Mono<List<String>> gather(ReactorConfig config, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<Mono<String>> running = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) running.add(run(task, log, config));
        return Mono.zip(running, names -> Arrays.stream(names).map(String.class::cast).toList());   // results in input order
    }

    static Mono<List<Outcome>> gatherAll(ReactorConfig config, GatherSpec spec, EventLog log) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(log, "log");
        List<Mono<Outcome>> outcomes = new ArrayList<>(spec.tasks().size());
        for (Task task : spec.tasks()) {
            outcomes.add(run(task, log, config)
                    .map(name -> Outcome.success(task.name(), name))
                    .onErrorResume(error -> Mono.just(Outcome.failure(task.name(), error))));
        }
        return Mono.zip(outcomes, done -> Arrays.stream(done).map(Outcome.class::cast).toList());   // waits for every task, failed or not
    }

    static Mono<Long> gatherMany(ReactorConfig config, MassGatherSpec spec) {
        Objects.requireNonNull(spec, "spec");
        List<Mono<Long>> tasks = new ArrayList<>(spec.tasks());
        for (int i = 0; i < spec.tasks(); i++) {
            tasks.add(Mono.delay(spec.delay(), config.timers()).thenReturn((long) i));   // every task waits at once
        }
        return Mono.zip(tasks, done -> {
            long sum = 0;
            for (Object i : done) sum += (Long) i;
            return sum;
        });
    }

    /** One task, as in the post: log its start, wait its delay (a timer, no thread), then end. */
    private static Mono<String> run(Task task, EventLog log, ReactorConfig config) {
        return Mono.defer(() -> {
            log.log(task.startLine());
            return Mono.delay(task.delay(), config.timers());
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
