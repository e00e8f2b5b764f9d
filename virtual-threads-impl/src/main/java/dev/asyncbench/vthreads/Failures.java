package dev.asyncbench.vthreads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What {@link Future#get} and {@code StructuredTaskScope.join} wrap, unwrapped, so a scenario
 * throws its task's own exception ({@code TaskFailedException} itself, a
 * {@code ServerUnreachableException} as the cause of an {@link UncheckedIOException}), never an
 * {@link ExecutionException} or a scope's {@code FailedException}. (This class uses no preview
 * API, so it loads in any JVM.)
 */
final class Failures {
    private Failures() {
    }

    /** The exception the task threw, unchecked. */
    static RuntimeException unwrap(ExecutionException e) {
        return unchecked(e.getCause());
    }

    /** Runtime exceptions as they are; IO errors as {@link UncheckedIOException}; anything else (SQL) wrapped. */
    static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) return runtime;
        if (failure instanceof Error error) throw error;
        if (failure instanceof IOException io) return new UncheckedIOException(io);
        return new IllegalStateException(failure.toString(), failure);
    }

    /** The caller was interrupted while it waited: keep its flag, give up the scenario. */
    static RuntimeException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while waiting for the scenario's tasks", e);
    }
}
