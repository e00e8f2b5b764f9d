package dev.asyncbench.bench.run;

import dev.asyncbench.core.io.TestbedClient;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP testbed server's capacity on this machine, measured once per run, at its end (the
 * server has then served the whole run): {@value #USERS} users in the runner's JVM, each
 * sending the next 64-byte, undelayed request when the answer arrives, through the same
 * shared client (and transport) the models use. What the server and one client JVM reach together on these
 * cores, so a scenario asking for more requests per second than this measures the machine,
 * not the model (docs/testbed.md has the longer probe this repeats in short).
 */
public final class ServerCapacity {

    static final int USERS = 64;

    private ServerCapacity() {
    }

    /** Requests per second over {@code measure}, after {@code warmUp}; -1 when a request failed. */
    static double requestsPerSecond(URI server, TestbedClient.Transport transport, Duration warmUp, Duration measure) {
        TestbedClient http = TestbedClient.of(server, transport);
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicLong answered = new AtomicLong();
        List<Thread> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int seed = u;
            users.add(Thread.ofVirtual().name("capacity-" + u).start(() -> {
                HttpRequest request = http.bytes(seed, 64, Duration.ZERO);
                while (!stop.get()) {
                    try {
                        http.send(request);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        failed.set(true);
                        return;
                    }
                    if (counting.get()) answered.incrementAndGet();
                }
            }));
        }
        try {
            Thread.sleep(warmUp);
            counting.set(true);
            long t0 = System.nanoTime();
            Thread.sleep(measure);
            long n = answered.get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            stop.set(true);
            for (Thread t : users) t.join(Duration.ofSeconds(10));
            return failed.get() ? -1 : n / seconds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            stop.set(true);
        }
    }

    /**
     * The server note's words for {@code rate}, rounded to hundreds ("measured capacity about N
     * requests/s (64 users ...)"), or why it is unknown.
     */
    static String describe(double rate, Duration warmUp, Duration measure) {
        if (rate < 0) return "capacity not measured (a request of the probe failed, or the run was interrupted)";
        return String.format(Locale.ROOT, "measured capacity about %,d requests/s (%d users in the runner's JVM, 64-byte answers, "
                + "no delay, %s after %s of warm-up; what server and client reach together on these cores)",
                Math.round(rate / 100) * 100, USERS, Durations.format(measure), Durations.format(warmUp));
    }
}
