package dev.asyncbench.core;

/** The error a gather task raises when its spec says it fails (scenario 8). */
public final class TaskFailedException extends RuntimeException {
    private final String task;

    public TaskFailedException(String task) {
        super("Task " + task + " failed");
        this.task = task;
    }

    public String task() {
        return task;
    }
}
