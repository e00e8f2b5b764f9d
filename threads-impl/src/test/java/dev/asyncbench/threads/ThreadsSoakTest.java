package dev.asyncbench.threads;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.Soak;

/** The threads model: every scenario many times in one JVM leaves nothing behind. */
class ThreadsSoakTest extends Soak {
    @Override
    protected TaskScenario createModel() {
        return new ThreadsModel();
    }
}
