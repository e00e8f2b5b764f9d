package dev.asyncbench.core.io;

import java.io.IOException;
import java.net.URI;

/** The testbed answered with a status other than 2xx (a replica told to fail answers 503). */
public final class HttpStatusException extends IOException {
    private final int status;

    public HttpStatusException(URI uri, int status, String body) {
        super("HTTP " + status + " from " + uri + (body.isBlank() ? "" : ": " + body.strip()));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
