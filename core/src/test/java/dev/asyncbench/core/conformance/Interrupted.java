package dev.asyncbench.core.conformance;

import org.junit.jupiter.api.function.ThrowingSupplier;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One call run on a thread of its own and interrupted while it runs, as a caller cancelling it
 * would (I1). The contract it checks, {@link #assertHonoured}: the call ends within the time
 * allowed, without a result, and the interrupt is not lost: it throws
 * {@link InterruptedException} itself (which, by Java's convention, stands for the interrupt),
 * or it throws anything else and leaves the thread's interrupt status set (by convention
 * again, with the {@code InterruptedException} as a cause).
 *
 * @param operation     what was called
 * @param ended         whether the call ended within the time allowed after the interrupt
 * @param endedAfter    how long after the interrupt it ended (or the time allowed, when it did not)
 * @param returned      whether it returned normally
 * @param thrown        what it threw, or null
 * @param flagAfter     the thread's interrupt status when the call ended
 */
record Interrupted(String operation, boolean ended, Duration endedAfter, boolean returned, Throwable thrown, boolean flagAfter) {

    /** How long the kit waits for a call that ignored the interrupt, so that later tests find it gone. */
    static final Duration CLEAN_UP = Duration.ofSeconds(15);

    /** Starts {@code call} on a new platform thread, interrupts it {@code after} later, and waits {@code within} for it to end. */
    static Interrupted run(String operation, ThrowingSupplier<?> call, Duration after, Duration within) {
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean flag = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().name("kit-interrupted-caller").start(() -> {
            try {
                call.get();
                returned.set(true);
            } catch (Throwable t) {
                thrown.set(t);
            } finally {
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        KitAccess.pause(after);
        assertTrue(caller.isAlive(), () -> operation + " ended before the interrupt: returned " + returned.get() + ", threw " + thrown.get());
        long interruptedAt = System.nanoTime();
        caller.interrupt();
        boolean ended = join(caller, within);
        Duration endedAfter = Duration.ofNanos(System.nanoTime() - interruptedAt);
        if (!ended) join(caller, CLEAN_UP);
        return new Interrupted(operation, ended, endedAfter, returned.get(), thrown.get(), flag.get());
    }

    /** The contract above. */
    void assertHonoured() {
        assertTrue(ended, () -> operation + " was still running " + endedAfter.toMillis() + " ms after its thread was interrupted"
                + " (it ended later: returned " + returned + ", threw " + thrown + ")");
        assertFalse(returned, () -> operation + " returned a result although interrupted before any could exist");
        if (thrown instanceof InterruptedException || flagAfter) return;
        fail(operation + " lost the interrupt: it threw " + thrown + " and left the thread's interrupt status clear"
                + " (throw InterruptedException itself, or keep the status set)", thrown);
    }

    private static boolean join(Thread thread, Duration within) {
        try {
            return thread.join(within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the kit was interrupted", e);
        }
    }
}
