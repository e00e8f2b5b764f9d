package dev.asyncbench.core.io;

import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes cancelling an async exchange of Apache HttpClient 5.6 reach it on a reused connection.
 * Installed as the first element of the async client's exec chain; the client then keeps its
 * documented promise that cancelling the future (with hard cancellation, the default) closes the
 * connection of an exchange in progress.
 *
 * <p>Overview: the library's future ({@code ComplexFuture}) remembers one dependency, the last
 * one set, and cancelling the future cancels that one. The chain sets several in turn: the
 * connection lease, the connect, then the exchange itself (whose cancel closes the connection).
 * But {@code AsyncConnectExec} sets the lease's dependency after {@code acquireEndpoint} returns,
 * and when a pooled connection is free, the lease completes inside that call and the chain runs
 * on to start the exchange first; the lease's (finished) dependency then replaces the
 * exchange's, and a cancel closes nothing: the request runs to its end. Measured here: 19
 * cancels of 20 lost on a warm pool. (As of 5.6.4's source, and still so on the project's main
 * branch when this was written.)
 *
 * <p>The fix gives the rest of the chain a scope whose dependency is a {@link Dependencies}: it
 * keeps every dependency set during the exchange and cancels them all, so the order they were
 * set in no longer matters. Cancelling a finished lease or connect does nothing; cancelling a
 * finished exchange does nothing either.
 */
final class ApacheCancellation implements AsyncExecChainHandler {

    /** Its name in the exec chain. */
    static final String NAME = "asyncbench-cancellation";

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
                        AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        Dependencies dependencies = new Dependencies();
        scope.cancellableDependency.setDependency(dependencies);
        AsyncExecChain.Scope kept = new AsyncExecChain.Scope(scope.exchangeId, scope.route, scope.originalRequest,
                dependencies, scope.clientContext, scope.execRuntime, scope.scheduler, scope.execCount);
        chain.proceed(request, entityProducer, kept, callback);
    }

    /** Every dependency of one exchange; cancelling cancels all of them, and any set afterwards. */
    static final class Dependencies implements CancellableDependency {
        private final List<Cancellable> all = new ArrayList<>(4);
        private boolean cancelled;

        @Override
        public void setDependency(Cancellable dependency) {
            synchronized (this) {
                if (!cancelled) {
                    all.add(dependency);
                    return;
                }
            }
            dependency.cancel();
        }

        @Override
        public synchronized boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean cancel() {
            List<Cancellable> toCancel;
            synchronized (this) {
                if (cancelled) return false;
                cancelled = true;
                toCancel = List.copyOf(all);
                all.clear();
            }
            toCancel.forEach(Cancellable::cancel);
            return true;
        }
    }
}
