package dev.asyncbench.core.conformance;

import dev.asyncbench.core.Models;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.time.Duration.ofMillis;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's own machinery: in step with SPEC.md, its known-gaps file, its ideal schedules. */
class KitSelfTest {

    @Test
    void everySpecRuleHasAKitTestAndEveryKitTestARule() throws IOException {
        Path spec = Path.of(System.getProperty("user.dir")).resolveSibling("SPEC.md");
        Matcher rule = Pattern.compile("\\*\\*([A-Z]+[0-9]+)\\*\\*").matcher(Files.readString(spec));
        Set<String> specIds = new TreeSet<>();
        while (rule.find()) specIds.add(rule.group(1).toLowerCase());
        assertEquals(specIds, ConformanceKit.ruleIds(), "rule ids in " + spec + " vs the kit's test names");
    }

    @Test
    void theKnownGapsFileLoads() {
        KnownGaps.load(ConformanceKit.ruleIds());
    }

    @Test
    void knownGapsNameAModelARuleAndAReason() {
        KnownGaps gaps = KnownGaps.parse("# comment\n\nrx R3 why not\n", "test", Set.of("r3", "t3"));
        assertEquals("why not", gaps.reason("rx", "r3").orElseThrow());
        assertTrue(gaps.reason("rx", "t3").isEmpty());
        assertTrue(gaps.reason("futures", "r3").isEmpty());
    }

    @Test
    void knownGapsRejectHelloAndGatherRulesUnknownRulesDuplicatesAndMissingReasons() {
        Set<String> ids = Set.of("h1", "g2", "r3");
        for (String bad : List.of("rx h1 too hard", "rx g2 too hard", "rx z9 what", "rx r3", "rx r3 a\nrx R3 b")) {
            assertThrows(IllegalArgumentException.class, () -> KnownGaps.parse(bad, "test", ids), bad);
        }
    }

    @Test
    void schedulesSumOnOneWorkerAndOverlapOnMany() {
        List<Duration> delays = List.of(ofMillis(400), ofMillis(600), ofMillis(200));
        assertArrayEquals(new Duration[] {ofMillis(400), ofMillis(1000), ofMillis(1200)}, Schedule.ends(delays, 1));
        assertArrayEquals(new Duration[] {ofMillis(400), ofMillis(600), ofMillis(600)}, Schedule.ends(delays, 2));
        assertEquals(ofMillis(600), Schedule.makespan(delays, Integer.MAX_VALUE));
        assertEquals(ofMillis(300), Window.rounds(5, 2, ofMillis(100)));
    }

    @Test
    void theSequentialModelIsRegistered() {
        assertTrue(Models.names().contains("sequential"), () -> "models found: " + Models.names());
    }
}
