package dev.asyncbench.vthreads;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.Soak;

/** The virtual-threads model (surefire runs it with --enable-preview): every scenario many times in one JVM leaves nothing behind. */
class VirtualThreadsSoakTest extends Soak {
    @Override
    protected TaskScenario createModel() {
        return new VirtualThreadsModel();
    }
}
