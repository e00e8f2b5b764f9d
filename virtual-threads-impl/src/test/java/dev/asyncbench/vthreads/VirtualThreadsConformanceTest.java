package dev.asyncbench.vthreads;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.ConformanceKit;

/** The virtual-threads model against every rule of SPEC.md (surefire runs it with --enable-preview). */
class VirtualThreadsConformanceTest extends ConformanceKit {
    @Override
    protected TaskScenario createModel() {
        return new VirtualThreadsModel();
    }
}
