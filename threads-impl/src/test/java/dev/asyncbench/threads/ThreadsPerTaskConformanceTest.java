package dev.asyncbench.threads;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.ConformanceKit;

/** The threads-per-task model against every rule of SPEC.md. */
class ThreadsPerTaskConformanceTest extends ConformanceKit {
    @Override
    protected TaskScenario createModel() {
        return new ThreadsPerTaskModel();
    }
}
