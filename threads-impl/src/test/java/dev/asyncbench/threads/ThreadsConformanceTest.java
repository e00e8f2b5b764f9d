package dev.asyncbench.threads;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.ConformanceKit;

/** The threads model against every rule of SPEC.md. */
class ThreadsConformanceTest extends ConformanceKit {
    @Override
    protected TaskScenario createModel() {
        return new ThreadsModel();
    }
}
