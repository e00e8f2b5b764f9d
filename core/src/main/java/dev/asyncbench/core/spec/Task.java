package dev.asyncbench.core.spec;

import java.time.Duration;

/** One gather task: log "Starting task X", wait {@code delay}, then complete (or fail). */
public record Task(String name, Duration delay, boolean fails) {
    public Task {
        Check.name(name, "task name");
        Check.delay(delay, "delay of task " + name);
    }

    public static Task of(String name, Duration delay) {
        return new Task(name, delay, false);
    }

    public static Task failing(String name, Duration delay) {
        return new Task(name, delay, true);
    }

    public String startLine() {
        return "Starting task " + name;
    }

    public String completedLine() {
        return "Task " + name + " completed";
    }

    public String failedLine() {
        return "Task " + name + " failed";
    }
}
