package dev.asyncbench.threads;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.Soak;

/** The threads-per-task model: every scenario many times in one JVM leaves nothing behind. */
class ThreadsPerTaskSoakTest extends Soak {
    @Override
    protected TaskScenario createModel() {
        return new ThreadsPerTaskModel();
    }
}
