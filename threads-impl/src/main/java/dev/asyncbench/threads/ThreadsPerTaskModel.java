package dev.asyncbench.threads;

import java.time.Duration;

/**
 * {@code threads-per-task}: a new platform thread for every task, blocking IO. It runs the very
 * same scenario files as {@link ThreadsModel}; only the executor differs: every task waits on a
 * thread of its own, up to the ceiling of live platform threads ({@link ThreadsConfig}), beyond
 * which a task is refused rather than queued.
 */
public final class ThreadsPerTaskModel extends ThreadsModel {

    public ThreadsPerTaskModel() {
        super("threads-per-task", ThreadsConfig.threadPerTask());
    }

    @Override
    public int rank() {
        return 20;
    }

    /** An operating-system thread: about 0.2 ms with its share of the GC. */
    @Override
    public Duration taskStart() {
        return Duration.ofNanos(200_000);
    }
}
