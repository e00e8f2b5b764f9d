package dev.asyncbench.rx;

import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.MassGatherSpec;
import io.reactivex.rxjava3.functions.Consumer;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the conformance kit does not cover: RxJava's global error handler, and a million timers at once. */
class RxModelTest {

    @AfterEach
    void resetPlugins() {
        RxJavaPlugins.setErrorHandler(null);
    }

    @Test
    void echoesOfDisposedWorkAreDroppedAndBugsStillReported() throws InterruptedException {
        RxJavaPlugins.setErrorHandler(null);
        new RxModel().close();
        List<Throwable> uncaught = new ArrayList<>();
        Thread thread = Thread.ofPlatform().uncaughtExceptionHandler((t, e) -> uncaught.add(e)).unstarted(() -> {
            RxJavaPlugins.onError(new CancellationException("a request cancelled on dispose"));
            RxJavaPlugins.onError(new IOException("a loser's connection closed"));
            RxJavaPlugins.onError(new TaskFailedException("B"));
            RxJavaPlugins.onError(new IllegalStateException("a bug"));
        });
        thread.start();
        thread.join();
        assertEquals(1, uncaught.size(), () -> "only the bug reaches the uncaught-exception handler: " + uncaught);
        assertTrue(uncaught.getFirst() instanceof IllegalStateException, () -> uncaught.toString());
    }

    @Test
    void anErrorHandlerTheApplicationSetIsKept() {
        Consumer<Throwable> mine = error -> { };
        RxJavaPlugins.setErrorHandler(mine);
        new RxModel().close();
        assertSame(mine, RxJavaPlugins.getErrorHandler());
    }

    @Test
    void aMillionTimersWaitAtOnce() {
        MassGatherSpec spec = new MassGatherSpec(1_000_000, Duration.ofSeconds(1));
        try (RxModel model = new RxModel()) {
            long start = System.nanoTime();
            assertEquals(spec.expectedSum(), model.gatherMany(spec));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // one round of L plus the cost of creating and scheduling a million timers on a shared 2-core machine
            assertTrue(took.compareTo(spec.delay()) >= 0 && took.compareTo(Duration.ofSeconds(60)) < 0, () -> "took " + took);
        }
    }
}
