package dev.asyncbench.bench.minimal;

import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;
import reactor.core.publisher.Mono;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The no-harness-tax check's programs: the mass gather (N tasks, each waits L, sum their
 * indexes) written as plainly as each model allows, with no TaskScenario, no spec record and
 * no JMH. If the suite's numbers for a model are within about 15% of these, the suite measures
 * the model, not itself. Each mirrors its model's choices (pool sizes, timers, executors).
 */
final class MinimalPrograms {

    private MinimalPrograms() {
    }

    /** sequential: one task after the other. */
    static long sequential(int tasks, long delayMs, int unused) throws Exception {
        long sum = 0;
        for (int i = 0; i < tasks; i++) {
            Thread.sleep(delayMs);
            sum += i;
        }
        return sum;
    }

    /** The threads program's pool: made at the first call and kept, as the model keeps its pool between calls. */
    private static ThreadPoolExecutor threadsPool;

    /**
     * threads: one long-lived pool of platform threads kept between runs (idle ones end after
     * 10 s), each task sleeping on one. The model's pool grows to what a call has waiting, up to
     * its ceiling {@code pool}: for a gather of N tasks, min(N, pool) threads. A minimal program
     * runs one N per JVM, so it sizes its pool so once, at the first run.
     */
    static long threads(int tasks, long delayMs, int pool) throws Exception {
        synchronized (MinimalPrograms.class) {
            if (threadsPool == null) {
                int size = Math.min(tasks, pool);
                threadsPool = new ThreadPoolExecutor(size, size, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                        Thread.ofPlatform().name("threads-", 0).daemon().factory());
                threadsPool.allowCoreThreadTimeOut(true);
            }
        }
        return sleepers(threadsPool, tasks, delayMs);
    }

    /** threads-per-task: a new platform thread per task, named and counted while alive as the model's are. */
    static long threadsPerTask(int tasks, long delayMs, int unused) throws Exception {
        ThreadFactory platform = Thread.ofPlatform().name("threads-per-task-", 0).daemon().factory();
        // the model counts live threads against its ceiling (ThreadsConfig); the count is kept here
        // for the same per-task work and objects, the ceiling left out (the runner stays below it)
        AtomicInteger alive = new AtomicInteger();
        ThreadFactory counted = task -> {
            alive.incrementAndGet();
            return platform.newThread(() -> {
                try {
                    task.run();
                } finally {
                    alive.decrementAndGet();
                }
            });
        };
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(counted)) {
            return sleepers(executor, tasks, delayMs);
        }
    }

    /** virtual-threads: a virtual thread per task, forked in a structured task scope as the model does. */
    static long virtualThreads(int tasks, long delayMs, int unused) throws Exception {
        try (var scope = StructuredTaskScope.open(Joiner.<Long>allSuccessfulOrThrow())) {
            for (int i = 0; i < tasks; i++) {
                long value = i;
                scope.fork(() -> {
                    Thread.sleep(delayMs);
                    return value;
                });
            }
            return scope.join().mapToLong(Subtask::get).sum();
        }
    }

    private static long sleepers(ExecutorService executor, int tasks, long delayMs) throws Exception {
        List<Future<Long>> running = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            long value = i;
            running.add(executor.submit(() -> {
                Thread.sleep(delayMs);
                return value;
            }));
        }
        long sum = 0;
        for (Future<Long> f : running) sum += f.get();
        return sum;
    }

    /** futures: a timer (delayedExecutor) per task, completing on a pool of one thread per core (the model's default). */
    static long futures(int tasks, long delayMs, int unused) {
        try (ExecutorService executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            var afterDelay = CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS, executor);
            List<CompletableFuture<Long>> running = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                long value = i;
                running.add(CompletableFuture.supplyAsync(() -> value, afterDelay));
            }
            long sum = 0;
            for (CompletableFuture<Long> f : running) sum += f.join();
            return sum;
        }
    }

    /** rx: a Single.timer per task on Schedulers.computation(), all at once. */
    static long rx(int tasks, long delayMs, int unused) {
        return Flowable.range(0, tasks)
                .flatMapSingle(i -> Single.timer(delayMs, TimeUnit.MILLISECONDS, Schedulers.computation()).map(t -> (long) i), false, tasks)
                .reduce(0L, Long::sum)
                .blockingGet();
    }

    /** reactor: a Mono.delay per task on Reactor's parallel scheduler, all zipped at once (as the model: not flatMap, quadratic in N). */
    static long reactor(int tasks, long delayMs, int unused) {
        List<Mono<Long>> waiting = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) waiting.add(Mono.delay(Duration.ofMillis(delayMs), reactor.core.scheduler.Schedulers.parallel()).thenReturn((long) i));
        return Mono.zip(waiting, done -> {
            long sum = 0;
            for (Object i : done) sum += (Long) i;
            return sum;
        }).block();
    }

    /** coroutines: in Kotlin (MinimalCoroutines.kt), compiled apart; found by name. */
    static long coroutines(int tasks, long delayMs, int unused) throws Throwable {
        return (long) COROUTINES.invokeExact(tasks, delayMs);
    }

    private static final MethodHandle COROUTINES = coroutinesEntry();

    private static MethodHandle coroutinesEntry() {
        try {
            Class<?> kt = Class.forName("dev.asyncbench.bench.minimal.MinimalCoroutinesKt");
            return MethodHandles.publicLookup().findStatic(kt, "gatherMany", MethodType.methodType(long.class, int.class, long.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
