package dev.asyncbench.rx;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.ConformanceKit;

/** The RxJava model against every rule of SPEC.md. */
class RxConformanceTest extends ConformanceKit {
    @Override
    protected TaskScenario createModel() {
        return new RxModel();
    }
}
