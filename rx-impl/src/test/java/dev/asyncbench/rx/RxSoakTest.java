package dev.asyncbench.rx;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.Soak;

/** The RxJava model: every scenario many times in one JVM leaves nothing behind. */
class RxSoakTest extends Soak {
    @Override
    protected TaskScenario createModel() {
        return new RxModel();
    }
}
