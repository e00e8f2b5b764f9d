package dev.asyncbench.core.spec;

import java.util.Objects;

/** One task's outcome in collect-all mode: its value, or its error's message. */
public record Outcome(String task, String value, String error) {
    public Outcome {
        Check.name(task, "task");
        if ((value == null) == (error == null)) throw new IllegalArgumentException("exactly one of value and error must be set");
    }

    public static Outcome success(String task, String value) {
        return new Outcome(task, Objects.requireNonNull(value, "value"), null);
    }

    public static Outcome failure(String task, Throwable error) {
        return new Outcome(task, null, String.valueOf(Objects.requireNonNull(error, "error").getMessage()));
    }

    public boolean failed() {
        return error != null;
    }
}
