package dev.asyncbench.core.io;

import java.io.IOException;
import java.net.URI;

/** Nothing answers at the testbed server's address. */
public final class ServerUnreachableException extends IOException {
    public ServerUnreachableException(URI server, Throwable cause) {
        super("server " + server + " is unreachable (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                + "); start the testbed or pass the address of a running one", cause);
    }
}
