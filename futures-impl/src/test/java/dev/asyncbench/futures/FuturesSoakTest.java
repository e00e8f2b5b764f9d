package dev.asyncbench.futures;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.Soak;

/** The futures model: every scenario many times in one JVM leaves nothing behind. */
class FuturesSoakTest extends Soak {
    @Override
    protected TaskScenario createModel() {
        return new FuturesModel();
    }
}
