package dev.asyncbench.reactor;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.Soak;

/** The Reactor model: every scenario many times in one JVM leaves nothing behind. */
class ReactorSoakTest extends Soak {
    @Override
    protected TaskScenario createModel() {
        return new ReactorModel();
    }
}
