package dev.asyncbench.core.io;

/**
 * When each IO call of the shared clients completes, for the bench's per-task latency
 * percentiles: a task's latency is its completion time minus the time the whole operation was
 * submitted, so time spent queued behind a limit counts, as a user would feel it.
 *
 * <p>Off by default (one volatile read per call). The shared clients mark: {@link Kind#HTTP}
 * for every testbed request but stores, {@link Kind#STORE} for scenario 6's stores (its last
 * step per id), {@link Kind#DB} for every query, {@link Kind#FILE} for every durable write.
 * Model code never calls this.
 */
public final class Completions {

    public enum Kind { HTTP, STORE, DB, FILE }

    /** Receives completions; called from whichever thread completed the call. */
    @FunctionalInterface
    public interface Recorder {
        void completed(Kind kind, long nanoTime);
    }

    private static volatile Recorder recorder;

    private Completions() {
    }

    /** Starts recording into {@code r}, replacing any recorder. */
    public static void record(Recorder r) {
        recorder = r;
    }

    /** Stops recording. */
    public static void stop() {
        recorder = null;
    }

    static void mark(Kind kind) {
        Recorder r = recorder;
        if (r != null) r.completed(kind, System.nanoTime());
    }
}
