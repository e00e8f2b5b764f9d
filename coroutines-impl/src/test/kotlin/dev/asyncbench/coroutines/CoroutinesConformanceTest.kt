package dev.asyncbench.coroutines

import dev.asyncbench.core.TaskScenario
import dev.asyncbench.core.conformance.ConformanceKit

/** The shared conformance kit, run against the coroutines model. */
class CoroutinesConformanceTest : ConformanceKit() {
    override fun createModel(): TaskScenario = CoroutinesModel()
}
