package dev.asyncbench.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code demo}: the post's lines, in the orders the SPEC allows, and about the right time. */
class DemoTest {

    private static final long UNIT_MS = 150;

    @Test
    void sequentialAndThreadsPrintThePostsLinesAndTheirTimes() {
        Run run = Run.of("demo", "--model", "sequential,threads", "--unit", UNIT_MS + "ms");
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());

        List<String> seq = section(run.outLines(), "sequential");
        assertHello(seq);
        assertEquals(List.of("Starting task A", "Task A completed", "Starting task B", "Task B completed",
                "Starting task C", "Task C completed"), gatherLines(seq), "sequential: one task after the other");
        assertTookAbout(seq, 6 * UNIT_MS);

        List<String> threads = section(run.outLines(), "threads");
        assertHello(threads);
        List<String> lines = gatherLines(threads);
        assertEquals(6, lines.size(), lines.toString());
        assertEquals(List.of("Starting task A", "Starting task B", "Starting task C"), lines.subList(0, 3).stream().sorted().toList(),
                "every task starts before any completes: " + lines);
        assertEquals(List.of("Task A completed", "Task B completed", "Task C completed"), lines.subList(3, 6),
                "completions in delay order: " + lines);
        assertTookAbout(threads, 3 * UNIT_MS);

        assertTrue(run.out().contains("gather (longest task"), "a summary of both models' times:\n" + run.out());
    }

    @Test
    void unknownModelIsOneLineAndExitCode2() {
        Run run = Run.of("demo", "--model", "nope");
        assertEquals(2, run.exit());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("error: unknown model 'nope'; accepted: "), run.err());
        assertEquals("", run.out());
    }

    /** The lines from "== name:" to the next "== " header. */
    private static List<String> section(List<String> out, String model) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : out) {
            if (line.startsWith("== ")) in = line.startsWith("== " + model + ":");
            else if (in) lines.add(line);
        }
        if (lines.isEmpty()) fail("no section for " + model + " in:\n" + String.join("\n", out));
        return lines;
    }

    private static void assertHello(List<String> section) {
        assertEquals(List.of("Hello", "world"), section.subList(0, 2), section.toString());
        assertTrue(section.get(2).startsWith("hello took "), section.toString());
    }

    private static List<String> gatherLines(List<String> section) {
        return section.stream().filter(l -> l.startsWith("Starting task") || l.startsWith("Task ")).toList();
    }

    private static final Pattern TOOK = Pattern.compile("gather took ([0-9.]+) (ms|s), returned \\[A, B, C]");

    /** Within [ideal, ideal + 1.5 s]: a noisy 2-core machine can be slow, never early. */
    private static void assertTookAbout(List<String> section, long idealMs) {
        for (String line : section) {
            Matcher m = TOOK.matcher(line);
            if (m.matches()) {
                double ms = Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
                assertTrue(ms >= idealMs - 5 && ms <= idealMs + 1500, "took " + ms + " ms, expected about " + idealMs + " ms");
                return;
            }
        }
        fail("no 'gather took ..., returned [A, B, C]' line in " + section);
    }
}
