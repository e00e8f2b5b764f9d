package dev.asyncbench.core.sequential;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.conformance.Soak;

/** The sequential model: every scenario many times in one JVM leaves nothing behind. */
class SequentialSoakTest extends Soak {
    @Override
    protected TaskScenario createModel() {
        return new SequentialModel();
    }
}
