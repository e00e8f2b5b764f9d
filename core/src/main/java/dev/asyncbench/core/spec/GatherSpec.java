package dev.asyncbench.core.spec;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/** Scenario 2 (and 8): named tasks, all started at once. Names are unique. */
public record GatherSpec(List<Task> tasks) {
    public static final int MAX_TASKS = 100_000;

    public GatherSpec {
        tasks = List.copyOf(Check.notEmpty(tasks, "tasks"));
        checkCount(tasks.size());
        var names = new HashSet<String>();
        for (Task t : tasks) {
            if (!names.add(t.name())) throw new IllegalArgumentException("task names must be unique, '" + t.name() + "' repeats");
        }
    }

    /** The constructor's check on the number of tasks, for a count read before the tasks are made. */
    public static void checkCount(long tasks) {
        Check.range(tasks, "number of tasks", 1, MAX_TASKS);
    }

    public static GatherSpec of(Task... tasks) {
        return new GatherSpec(List.of(tasks));
    }

    /** The post's example: A 1 s, B 2 s, C 3 s, scaled by {@code unit}. */
    public static GatherSpec postExample(Duration unit) {
        return of(Task.of("A", unit), Task.of("B", unit.multipliedBy(2)), Task.of("C", unit.multipliedBy(3)));
    }

    public Duration longest() {
        return tasks.stream().map(Task::delay).max(Duration::compareTo).orElseThrow();
    }

    public Duration sum() {
        return tasks.stream().map(Task::delay).reduce(Duration.ZERO, Duration::plus);
    }
}
