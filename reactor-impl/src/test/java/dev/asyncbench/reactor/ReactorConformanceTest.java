package dev.asyncbench.reactor;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.ConformanceKit;

/** The Reactor model against every rule of SPEC.md. */
class ReactorConformanceTest extends ConformanceKit {
    @Override
    protected TaskScenario createModel() {
        return new ReactorModel();
    }
}
