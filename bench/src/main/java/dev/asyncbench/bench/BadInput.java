package dev.asyncbench.bench;

/**
 * A mistake in what the user asked for (unknown model, malformed size, missing results): the
 * command line prints its message as one line on stderr and exits with code 2.
 */
final class BadInput extends RuntimeException {
    BadInput(String message) {
        super(message);
    }

    BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
