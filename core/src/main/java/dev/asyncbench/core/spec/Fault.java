package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.HttpStatusException;
import dev.asyncbench.core.io.ServerUnreachableException;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * The ways an attempt of scenario 10 ({@code retry}) fails, each worth another attempt: what the
 * testbed server does to a faulty attempt, and what a model sees of it.
 */
public enum Fault {
    /** The server answers HTTP 503 after the attempt's latency. */
    UNAVAILABLE("HTTP 503"),
    /**
     * The server drops the connection mid-answer after the attempt's latency: the status line,
     * headers and part of the body, then it closes. Not a TCP RST: a reset can discard the
     * answer's first bytes in the client's kernel, and a client that then sees a pooled
     * connection fail before any byte silently sends a GET again (the JDK's does), which would
     * hide the fault from the model.
     */
    DROPPED("connection dropped mid-answer"),
    /** The server holds the attempt far past the per-attempt timeout: the model must give up on it. */
    STALL("attempt timed out");

    private final String text;

    Fault(String text) {
        this.text = text;
    }

    /** How a result prints it: {@code HTTP 503}, {@code connection dropped mid-answer}, {@code attempt timed out}. */
    public String text() {
        return text;
    }

    /**
     * What a failed attempt's error means, or {@code null} when it is no fault of an attempt and
     * must not be retried: an unreachable server, any status but 503, a bug. Looks through causes
     * (a wrapper such as {@code CompletionException} or {@code UncheckedIOException} is fine):
     * <ul>
     *   <li>{@link HttpStatusException} with status 503: {@link #UNAVAILABLE};
     *   <li>{@link TimeoutException} or {@link HttpTimeoutException}: {@link #STALL} (the model's
     *       per-attempt timeout passed);
     *   <li>{@link ServerUnreachableException}: {@code null};
     *   <li>any other {@link IOException} (a connection dropped or reset): {@link #DROPPED}.
     * </ul>
     */
    public static Fault of(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof ServerUnreachableException) return null;
            if (e instanceof HttpStatusException status) return status.status() == 503 ? UNAVAILABLE : null;
            if (e instanceof TimeoutException || e instanceof HttpTimeoutException) return STALL;
        }
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof IOException) return DROPPED;
        }
        return null;
    }
}
