package dev.asyncbench.core.conformance;

import dev.asyncbench.core.TaskScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The kit can fail: a model broken on purpose fails the rule named for its flaw, and passes the
 * fan-out's other rules, so the failure is the flaw's and not the broken model's in general.
 * (The soak's own proof is {@link SoakSelfTest}.)
 */
class BrokenModelsTest {

    /** The kit, run by hand on one model: its setup, then the rules asked for. */
    private static final class Kit extends ConformanceKit {
        private final TaskScenario model;

        Kit(TaskScenario model) {
            this.model = model;
            createModelOnce();
        }

        @Override
        protected TaskScenario createModel() {
            return model;
        }
    }

    private static void fails(String rule, Executable check) {
        AssertionError failure = assertThrows(AssertionError.class, check, rule + " should fail");
        System.out.println(rule + " fails as it should: " + failure.getMessage());
    }

    @Test
    void aSequentialModelPosingAsConcurrentFailsF3AndF4() {
        Kit kit = new Kit(new BrokenFanOut(BrokenFanOut.Flaw.SEQUENTIAL));
        try {
            // its answers are right (F1) and it never exceeds C (F2): not rerun here, each takes 20 s one by one
            fails("F3", kit::f3_concurrencyReachesCAndWallTimeIsRoundsOfL);
            fails("F4", kit::f4_aSlowRequestDoesNotHoldTheOthersSlots);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelIgnoringCFailsF2() {
        Kit kit = new Kit(new BrokenFanOut(BrokenFanOut.Flaw.UNBOUNDED));
        try {
            kit.f1_resultEqualsTheOracles();
            fails("F2", kit::f2_neverMoreThanCInFlight);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelFreeingSlotsInOrderFailsF4AndPassesF1ToF3() {
        Kit kit = new Kit(new BrokenFanOut(BrokenFanOut.Flaw.IN_ORDER));
        try {
            kit.f1_resultEqualsTheOracles();
            kit.f2_neverMoreThanCInFlight();
            kit.f3_concurrencyReachesCAndWallTimeIsRoundsOfL();
            fails("F4", kit::f4_aSlowRequestDoesNotHoldTheOthersSlots);
        } finally {
            kit.closeModel();
        }
    }
}
