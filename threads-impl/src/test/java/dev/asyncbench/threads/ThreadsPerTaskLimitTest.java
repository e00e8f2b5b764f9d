package dev.asyncbench.threads;

import dev.asyncbench.core.spec.MassGatherSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thread-per-task model's explicit limit: a mass gather it cannot start fails at once with
 * a clear exception and leaves no thread behind, whether its own ceiling refuses the thread or
 * the operating system does.
 */
@Timeout(60)
class ThreadsPerTaskLimitTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);

    @Test
    void aboveTheCeilingTheMassGatherFailsClearlyAndStopsItsThreads() throws InterruptedException {
        String previous = System.setProperty(ThreadsConfig.PER_TASK_PROPERTY, "40");
        try (ThreadsPerTaskModel model = new ThreadsPerTaskModel()) {
            assertEquals(40, model.traits().maxMassTasks());
            long start = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> model.gatherMany(new MassGatherSpec(1000, LONG_WAIT)));
            assertTrue(e.getMessage().contains("task #41 of 1000"), e.getMessage());
            assertTrue(e.getMessage().contains(ThreadsConfig.PER_TASK_PROPERTY), e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0, "failed at once, no wait");
            awaitNoThreadNamed("threads-per-task-");
        } finally {
            restore(previous);
        }
    }

    @Test
    void whenTheKernelRefusesAThreadTheMassGatherFailsClearlyAndStopsItsThreads() throws InterruptedException {
        // what Thread.start throws when the kernel has no thread left, raised here after 25 threads
        AtomicInteger created = new AtomicInteger();
        ThreadFactory platform = Thread.ofPlatform().name("kernel-limited-", 0).daemon().factory();
        ThreadFactory kernelLimited = task -> {
            if (created.incrementAndGet() > 25) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
            }
            return platform.newThread(task);
        };
        try (ExecutorService perTask = Executors.newThreadPerTaskExecutor(kernelLimited)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Gather.gatherMany(perTask, new MassGatherSpec(1000, LONG_WAIT)));
            assertTrue(e.getMessage().contains("task #26 of 1000"), e.getMessage());
            assertTrue(e.getMessage().contains("unable to create native thread"), e.getMessage());
            assertTrue(e.getCause() instanceof OutOfMemoryError);
            awaitNoThreadNamed("kernel-limited-");
        }
    }

    private static void awaitNoThreadNamed(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(prefix))) return;
            Thread.sleep(20);
        }
        throw new AssertionError("threads named " + prefix + "* still alive 10 s after the failure: not cancelled");
    }

    private static void restore(String previous) {
        if (previous == null) System.clearProperty(ThreadsConfig.PER_TASK_PROPERTY);
        else System.setProperty(ThreadsConfig.PER_TASK_PROPERTY, previous);
    }
}
