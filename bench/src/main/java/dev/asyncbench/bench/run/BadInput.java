package dev.asyncbench.bench.run;

/**
 * A mistake in what the user asked for (unknown model, malformed size, missing results): the
 * command line prints its message as one line on stderr and exits with code 2.
 */
public final class BadInput extends RuntimeException {
    public BadInput(String message) {
        super(message);
    }

    public BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
