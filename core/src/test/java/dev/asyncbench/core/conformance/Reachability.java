package dev.asyncbench.core.conformance;

import java.lang.ref.WeakReference;
import java.time.Duration;

/**
 * Whether anything still holds an object the kit handed a model: a thread waiting out a task,
 * a timer queued for it, a callback of a pending request, all keep what they were given
 * reachable. The kit drops its own references, collects garbage and looks again, until the
 * object is gone or the time is up.
 */
final class Reachability {
    private Reachability() {
    }

    /** Whether {@code ref}'s object became unreachable (and was collected) within {@code within}. */
    static boolean clearedWithin(WeakReference<?> ref, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            System.gc();
            if (ref.get() == null) return true;
            if (System.nanoTime() - deadline > 0) return false;
            KitAccess.pause(Duration.ofMillis(50));
        }
    }
}
