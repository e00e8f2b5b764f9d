package dev.asyncbench.bench.run;

/**
 * The run itself could not measure: a part of the testbed did not start, no port was free,
 * every combination failed for the same reason of the machine's. The command line prints its
 * message as one line on stderr and exits with code 1 (bad input is {@link BadInput}, 2).
 */
public final class RunProblem extends RuntimeException {
    public RunProblem(String message) {
        super(message);
    }

    public RunProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
