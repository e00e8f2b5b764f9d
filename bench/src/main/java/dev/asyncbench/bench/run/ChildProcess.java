package dev.asyncbench.bench.run;

import java.util.concurrent.TimeUnit;

/** Waiting for a process this JVM started (a minimal program, the asyncio row's harness), within a limit. */
final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * Whether {@code p} ended within {@code limitMs}; when it did not, or this thread was
     * interrupted (its flag is kept), it is killed with everything it started.
     */
    static boolean ended(Process p, long limitMs) {
        boolean ended;
        try {
            ended = p.waitFor(limitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        return ended;
    }
}
