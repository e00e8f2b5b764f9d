package dev.asyncbench.core.sequential;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.ConformanceKit;

/** The sequential model against every rule of SPEC.md, as each model module runs the kit. */
class SequentialConformanceTest extends ConformanceKit {
    @Override
    protected TaskScenario createModel() {
        return new SequentialModel();
    }
}
