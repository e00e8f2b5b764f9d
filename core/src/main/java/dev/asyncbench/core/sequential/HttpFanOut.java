package dev.asyncbench.core.sequential;

import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Scenario 3: K fetches, one after another. C is never reached, only 1: the wall time is K x L.
 *
 * <ul>
 *   <li>Threads: the caller's (with the {@code jdk} transport the client's selector thread does
 *       the socket work; with {@code apache} the caller does).
 *   <li>Blocking: {@link TestbedClient#send} holds the caller until each body has arrived.
 *   <li>Cancellation: interrupting the caller abandons the request in flight; later ones never start.
 *   <li>Errors: the first failing request ends the loop, as {@link UncheckedIOException}
 *       (its cause a {@code ServerUnreachableException} or {@code HttpStatusException}).
 * </ul>
 */
final class HttpFanOut {
    private HttpFanOut() {
    }

    static FanOutResult httpFanOut(FanOutSpec spec) {
        Objects.requireNonNull(spec, "spec");
        TestbedClient http = spec.http();
        long[] crcs = new long[spec.requests()];
        long bytes = 0;
        for (int i = 0; i < spec.requests(); i++) {
            byte[] body = fetch(http, i, spec);
            crcs[i] = Checksums.crc(body);
            bytes += body.length;
        }
        return new FanOutResult(spec.requests(), bytes, Checksums.foldAll(crcs));
    }

    /** Request i: {@code /bytes?seed=i&size=B&delayMs=L}. */
    static byte[] fetch(TestbedClient http, int i, FanOutSpec spec) {
        try {
            return http.send(http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("fan-out interrupted at request " + i);
        }
    }
}
