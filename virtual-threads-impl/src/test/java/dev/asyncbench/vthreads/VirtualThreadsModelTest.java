package dev.asyncbench.vthreads;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.Models;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.spec.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What this model promises beyond the conformance kit: a million tasks waiting at once, a
 * mass gather beyond the heap refused up front, an interrupted caller, and a clear refusal in a
 * JVM started without {@code --enable-preview}.
 */
@Timeout(120)
class VirtualThreadsModelTest {

    /** A million virtual threads sleep at once: the sum is right, and the wait is one L, not a million. */
    @Test
    void aMillionTasksWaitAtOnce() {
        int n = 1_000_000;
        Duration delay = Duration.ofSeconds(1);
        try (VirtualThreadsModel model = new VirtualThreadsModel()) {
            long start = System.nanoTime();
            long sum = model.gatherMany(new MassGatherSpec(n, delay));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals((long) n * (n - 1) / 2, sum);
            // not a speed test: starting a million threads takes seconds on a busy 2-core machine,
            // but one at a time would take 11 days and a pool of 256 over an hour
            assertTrue(took.compareTo(Duration.ofSeconds(90)) < 0, () -> "took " + took.toSeconds() + " s");
        }
    }

    @Test
    void aMassGatherBeyondTheHeapIsRefusedUpFront() {
        try (VirtualThreadsModel model = new VirtualThreadsModel()) {
            int tooMany = model.traits().maxMassTasks() + 1;
            if (tooMany > MassGatherSpec.MAX_TASKS) return;               // a heap this big holds every N the spec allows
            long start = System.nanoTime();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> model.gatherMany(new MassGatherSpec(tooMany, Duration.ofMinutes(1))));
            assertTrue(e.getMessage().contains("N (tasks) = " + tooMany) && e.getMessage().contains("-Xmx"), e.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0, "refused at once");
        }
    }

    /** The caller's interrupt ends gather at once, keeps the caller's flag, and cancels every task. */
    @Test
    void anInterruptedCallerGivesUpAndItsTasksAreCancelled() throws InterruptedException {
        GatherSpec spec = GatherSpec.of(Task.of("A", Duration.ofSeconds(1)), Task.of("B", Duration.ofSeconds(1)));
        EventLog log = EventLog.recording();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> flagKept = new AtomicReference<>();
        try (VirtualThreadsModel model = new VirtualThreadsModel()) {
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    model.gather(spec, log);
                } catch (Throwable t) {
                    failure.set(t);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            });
            Thread.sleep(200);
            caller.interrupt();
            caller.join(Duration.ofSeconds(5));
            assertFalse(caller.isAlive(), "gather returned after the interrupt");
            assertTrue(failure.get() instanceof IllegalStateException && failure.get().getCause() instanceof InterruptedException,
                    () -> "expected IllegalStateException caused by InterruptedException, got " + failure.get());
            assertTrue(flagKept.get(), "the caller's interrupt flag is kept");
            Thread.sleep(1200);                                           // past both delays
            assertEquals(List.of("Starting task A", "Starting task B"), log.lines().stream().sorted().toList(),
                    "no task completed after the interrupt");
        }
    }

    /** Without the flag the model is left out, and Models says why; with it (this JVM), it loads. */
    @Test
    void withoutEnablePreviewTheModelIsUnavailableSayingWhy() throws IOException, InterruptedException {
        assertTrue(Models.names().contains("virtual-threads"), "this JVM runs with --enable-preview: the model loads");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WithoutPreview.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("names: [") && !output.contains("virtual-threads]") && !output.contains("virtual-threads,"),
                () -> "left out of Models.names(): " + output);
        assertTrue(output.contains("VirtualThreadsModel") && output.contains("--enable-preview"), output);
        assertTrue(output.contains("direct: virtual-threads needs --enable-preview"), output);
    }

    /** Run in a JVM without --enable-preview: what Models and the constructor say. */
    static final class WithoutPreview {
        public static void main(String[] args) {
            System.out.println("names: " + Models.names());
            System.out.println("unavailable: " + Models.unavailable());
            try {
                new VirtualThreadsModel().close();
                System.out.println("direct: constructed");
            } catch (IllegalStateException e) {
                System.out.println("direct: " + e.getMessage());
            }
        }
    }
}
