package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@link BrokenModel}'s gathers that are concurrent, each broken in its one way. */
final class BrokenGather {
    private BrokenGather() {
    }

    /**
     * Fail-fast "cancellation" by a flag: every task on a platform thread of its own; when one
     * fails, the flag is set and gather throws at once, but the siblings' threads sleep out their
     * delays, then see the flag and end without a word. Their logs stay quiet (X3's first test
     * passes); the threads, and the tasks they hold, stay until the delays pass.
     */
    static List<String> cancellingByAFlag(GatherSpec spec, EventLog log) {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<CompletableFuture<String>> running = new ArrayList<>();
        for (Task task : spec.tasks()) {
            CompletableFuture<String> result = new CompletableFuture<>();
            running.add(result);
            log.log(task.startLine());
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(task.delay());
                } catch (InterruptedException e) {
                    return;
                }
                if (cancelled.get()) return;                            // "cancelled": quiet, but only now
                if (task.fails()) {
                    log.log(task.failedLine());
                    cancelled.set(true);
                    result.completeExceptionally(new TaskFailedException(task.name()));
                } else {
                    log.log(task.completedLine());
                    result.complete(task.name());
                }
            });
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
        running.forEach(r -> r.exceptionally(error -> {
            all.completeExceptionally(error);
            return null;
        }));
        try {
            all.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
        return running.stream().map(CompletableFuture::join).toList();
    }
}
