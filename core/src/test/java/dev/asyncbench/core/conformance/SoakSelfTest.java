package dev.asyncbench.core.conformance;

import dev.asyncbench.core.spec.MassGatherSpec;
import dev.asyncbench.core.testbed.Testbed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The soak can fail: a model that leaves one thing behind per round fails it, naming what grew,
 * from what to what, and the slack; so does one that leaves a failed gather's sibling running,
 * and one that gives a wrong answer, at that answer; the same short soak of a model that leaks
 * nothing passes.
 */
class SoakSelfTest {

    /** Enough rounds for a leak of one per round to pass the widest slack twice over. */
    static final int ROUNDS = 2 * (int) Arrays.stream(Census.Count.values()).mapToLong(c -> c.slack).max().orElseThrow();
    /** A leak never settles: half a second of waiting shows it as well as the real soak's seconds. */
    static final Duration SETTLE = Duration.ofMillis(500);

    private static Soak.Report soak(LeakyModel model) throws InterruptedException {
        return Soak.run(model, Testbed.shared(), ROUNDS, SETTLE);
    }

    private static LeakyModel leaking(LeakyModel.Leak leak) {
        return new LeakyModel(leak, Testbed.shared().http().base());
    }

    @Test
    void aModelThatLeaksNothingPassesTheSameShortSoak() throws InterruptedException {
        Soak.Report report = soak(leaking(LeakyModel.Leak.NOTHING));
        assertEquals(ROUNDS, report.rounds());
        assertTrue(report.end().withinSlackOf(report.baseline()), report::toString);
    }

    @ParameterizedTest(name = "a model leaking a {0} per round fails the soak on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            THREAD         | platform threads
            VIRTUAL_THREAD | virtual threads
            FILE           | open file descriptors
            CONNECTION     | server connections
            """)
    void aLeakFailsTheSoakNamingWhatGrewFromWhatToWhatAndTheSlack(LeakyModel.Leak leak, String count) {
        AssertionError failure = assertThrows(AssertionError.class, () -> soak(leaking(leak)));
        String message = failure.getMessage();
        System.out.println("a model leaking a " + leak + " per round fails the soak with:\n" + message);
        Census.Count named = Arrays.stream(Census.Count.values()).filter(c -> c.label.equals(count)).findFirst().orElseThrow();
        Pattern grew = Pattern.compile(Pattern.quote(count) + " grew from ([0-9,]+) to ([0-9,]+) \\(slack " + named.slack + "\\)");
        Matcher m = grew.matcher(message);
        assertTrue(m.find(), () -> "the message should say '" + count + " grew from A to B (slack " + named.slack + ")': " + message);
        long from = Long.parseLong(m.group(1).replace(",", "")), to = Long.parseLong(m.group(2).replace(",", ""));
        assertTrue(to - from > named.slack, () -> "the numbers named are beyond the slack: " + message);
        if (leak == LeakyModel.Leak.CONNECTION) assertTrue(message.contains("sockets grew from"), message);
        if (leak == LeakyModel.Leak.FILE) assertFalse(message.contains("sockets grew"), () -> "a file is not a socket: " + message);
    }

    @Test
    void aSiblingLeftRunningAfterAFailureFailsTheSoak() {
        AssertionError failure = assertThrows(AssertionError.class, () -> soak(leaking(LeakyModel.Leak.SIBLING)));
        System.out.println("a model leaving a failed gather's sibling running fails the soak with:\n" + failure.getMessage());
        assertTrue(failure.getMessage().contains("'Task C completed' at ") && failure.getMessage().contains("a sibling was not cancelled"),
                failure::getMessage);
    }

    @Test
    void aWrongAnswerFailsTheSoakAtThatAnswer() {
        LeakyModel wrong = new LeakyModel(LeakyModel.Leak.NOTHING, Testbed.shared().http().base()) {
            @Override
            public long gatherMany(MassGatherSpec spec) {
                return super.gatherMany(spec) + 1;
            }
        };
        AssertionError failure = assertThrows(AssertionError.class, () -> soak(wrong));
        System.out.println("a model giving a wrong sum fails the soak with:\n" + failure.getMessage());
        // the first even round: gatherMany's first call, in the warm-up
        assertTrue(failure.getMessage().startsWith("warm-up round 2, gatherMany: expected: <6> but was: <7>"), failure::getMessage);
    }
}
