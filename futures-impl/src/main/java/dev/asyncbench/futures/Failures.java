package dev.asyncbench.futures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What {@link CompletableFuture#join} wraps, unwrapped, so a scenario throws its task's own
 * exception ({@code TaskFailedException} itself, a {@code ServerUnreachableException} as the
 * cause of an {@link UncheckedIOException}), never a {@link CompletionException}.
 */
final class Failures {
    private Failures() {
    }

    /**
     * The one blocking line of a scenario: {@link CompletableFuture#join}, but interruptible, as
     * {@code join} is not. It waits with {@link CompletableFuture#get()}; when the caller's thread
     * is interrupted it cancels {@code result} (each scenario's cancellation callbacks on it stop
     * what it started), keeps the thread's interrupt status and throws a
     * {@link CancellationException} caused by the {@link InterruptedException}. A failure comes
     * as from {@code join}: a {@link CompletionException} around the stage's own exception.
     */
    static <T> T await(CompletableFuture<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("interrupted while waiting: the scenario is cancelled");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        }
    }

    /** The exception the stage failed with, unchecked. */
    static RuntimeException unwrap(Throwable e) {
        Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return unchecked(failure);
    }

    /** Runtime exceptions as they are; IO errors as {@link UncheckedIOException}; anything else (SQL) wrapped. */
    static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) return runtime;
        if (failure instanceof Error error) throw error;
        if (failure instanceof IOException io) return new UncheckedIOException(io);
        return new IllegalStateException(failure.toString(), failure);
    }

    /** A blocking call inside a stage: its checked exception fails the stage, and {@link #unwrap} finds it again. */
    static <T> T call(Callable<T> blocking) {
        try {
            return blocking.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }
}
