package dev.asyncbench.futures;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.ConformanceKit;

/** The futures model against every rule of SPEC.md. */
class FuturesConformanceTest extends ConformanceKit {
    @Override
    protected TaskScenario createModel() {
        return new FuturesModel();
    }
}
