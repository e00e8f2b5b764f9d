package dev.asyncbench.coroutines

import dev.asyncbench.core.TaskScenario
import dev.asyncbench.core.conformance.Soak

/** The coroutines model: every scenario many times in one JVM leaves nothing behind. */
class CoroutinesSoakTest : Soak() {
    override fun createModel(): TaskScenario = CoroutinesModel()
}
