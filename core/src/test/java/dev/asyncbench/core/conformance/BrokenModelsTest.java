package dev.asyncbench.core.conformance;

import dev.asyncbench.core.TaskScenario;
import dev.asyncbench.core.testbed.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The kit can fail: a model broken on purpose fails the rule named for its flaw, and passes the
 * scenario's other rules, so the failure is the flaw's and not the broken model's in general.
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
    void aSequentialModelPosingAsConcurrentFailsF3F4AndFI3() {
        Kit kit = new Kit(new BrokenModel(BrokenModel.Flaw.SEQUENTIAL));
        try {
            // its answers are right (F1) and it never exceeds C (F2): not rerun here, each takes 20 s one by one
            fails("F3", kit::f3_concurrencyReachesCAndWallTimeIsRoundsOfL);
            fails("F4", kit::f4_aSlowRequestDoesNotHoldTheOthersSlots);
            // its files are the sequential model's, right (FI1, FI2) and one at a time; so are its queries (D3 for those: below)
            fails("FI3", kit::fi3_fileWorkReachesCAndNeverExceedsIt);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelIgnoringCFailsF2AndFI3() throws Exception {
        Kit kit = new Kit(new BrokenModel(BrokenModel.Flaw.UNBOUNDED));
        try {
            kit.f1_resultEqualsTheOracles();
            fails("F2", kit::f2_neverMoreThanCInFlight);
            kit.fi1_manifestEqualsTheOraclesAndEachDigestIsTheFilesSha256();
            kit.fi2_everyOutputFileHoldsItsManifestLine();
            fails("FI3", kit::fi3_fileWorkReachesCAndNeverExceedsIt);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelSwallowingErrorsFailsF5AndX1() {
        Kit kit = new Kit(new BrokenModel(BrokenModel.Flaw.SWALLOWS_ERROR));
        try {
            kit.f1_resultEqualsTheOracles();
            kit.g1_resultsEqualTheOraclesInInputOrder();
            fails("F5", kit::f5_aFailingRequestFailsTheFanOutAndCancelsTheRest);
            fails("X1", kit::x1_gatherFailsWithTheTasksOwnException);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelIgnoringInterruptsFailsI1() {
        Kit kit = new Kit(new BrokenModel(BrokenModel.Flaw.IGNORES_INTERRUPTS));
        try {
            kit.f1_resultEqualsTheOracles();
            kit.f2_neverMoreThanCInFlight();
            fails("I1", kit::i1_anInterruptedFanOutEndsPromptlyAndAbandonsItsRequests);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelOnHalfThePoolFailsD2AndD3() {
        Kit kit = new Kit(new BrokenModel(BrokenModel.Flaw.HALF_POOL));
        try {
            kit.d1_resultEqualsTheOracles();
            fails("D2", kit::d2_wallTimeIsRoundsOfThePool);
            fails("D3", kit::d3_theServerRunsPWaitsAtOnce);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelCancellingByAFlagPassesX1ToX3sLogAndFailsX3sTasksAndQ1() throws Exception {
        Kit kit = new Kit(new BrokenModel(BrokenModel.Flaw.LEAVES_TASKS_PENDING));
        try {
            kit.x1_gatherFailsWithTheTasksOwnException();
            kit.x2_gatherFailsSoonAfterTheFailure();
            kit.x3_everySiblingIsCancelled();
            fails("X3", kit::x3_noCancelledSiblingIsLeftPending);
            fails("Q1", kit::q1_nothingOfTheModelRunsOnAfterACall);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelFreeingSlotsInOrderFailsF4AndPassesF1ToF3() {
        Kit kit = new Kit(new BrokenModel(BrokenModel.Flaw.IN_ORDER));
        try {
            kit.f1_resultEqualsTheOracles();
            kit.f2_neverMoreThanCInFlight();
            kit.f3_concurrencyReachesCAndWallTimeIsRoundsOfL();
            fails("F4", kit::f4_aSlowRequestDoesNotHoldTheOthersSlots);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aModelThatNeverCancelsFailsR3AndT3() {
        Kit kit = new Kit(new BrokenModel(BrokenModel.Flaw.NEVER_CANCELS));
        try {
            kit.r1_theFirstSuccessWins();
            fails("R3", kit::r3_theLosersAreCancelled);
            fails("T3", kit::t3_theTimedOutRequestIsAbandoned);
        } finally {
            kit.closeModel();
            // what it never cancelled ends within the server's 5 s: the tests after this one find a quiet testbed
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (Testbed.shared().serverStats().inFlight() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
        }
    }

    @Test
    void aRetryWithoutBackoffFailsRT3() {
        Kit kit = new Kit(new BrokenRetry(BrokenRetry.Flaw.NO_BACKOFF));
        try {
            kit.rt2_theServerSeesExactlyTheExpectedAttempts();
            fails("RT3", kit::rt3_noAttemptStartsBeforeItsBackoff);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aRetryWithoutTimeoutFailsRT4() {
        Kit kit = new Kit(new BrokenRetry(BrokenRetry.Flaw.NO_TIMEOUT));
        try {
            fails("RT4", kit::rt4_aStalledAttemptIsAbandonedAndNeverCompletesLater);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aRequestTriedOnceFailsRT2AndRT5() {
        Kit kit = new Kit(new BrokenRetry(BrokenRetry.Flaw.NO_RETRY));
        try {
            fails("RT2", kit::rt2_theServerSeesExactlyTheExpectedAttempts);
            fails("RT5", kit::rt5_aRequestOutOfAttemptsReportsItsLastFailure);
        } finally {
            kit.closeModel();
        }
    }

    @Test
    void aLoadWhoseClockWaitsForASlotFailsLD3() {
        Kit kit = new Kit(new BrokenLoad());
        try {
            fails("LD3", kit::ld3_requestsAreTakenInOnTimeEvenUnderOverload);
        } finally {
            kit.closeModel();
        }
    }
}
