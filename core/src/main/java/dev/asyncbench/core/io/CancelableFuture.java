package dev.asyncbench.core.io;

import java.util.concurrent.CompletableFuture;

/**
 * A future whose cancellation reaches the exchange behind it, from itself and from every stage
 * derived from it ({@code thenApply}, {@code handle}, {@code whenComplete} ...): the contract the
 * JDK's HttpClient gives its futures (its {@code MinimalFuture}), kept here for a library whose
 * own future is not a {@link CompletableFuture}.
 *
 * <p>Only {@link #cancel} reaches the exchange; completing a derived stage exceptionally does not
 * (as with the JDK's). {@link TestbedClient#sendAsync} adds that for the future it returns.
 */
final class CancelableFuture<T> extends CompletableFuture<T> {

    /** What cancelling does to the exchange; idempotent, called at most once per cancelled stage. */
    @FunctionalInterface
    interface Abort {
        void abort();
    }

    private final Abort abort;

    CancelableFuture(Abort abort) {
        this.abort = abort;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CancelableFuture<>(abort);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        if (cancelled) abort.abort();
        return cancelled;
    }
}
