package dev.asyncbench.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./suite --version} says what the jar was built from, read from the build.properties the build wrote. */
class BuildInfoTest {

    private static final String FULL = "6ac9ca7" + "f".repeat(33);

    private static Properties props(String version, String commit, String dirty, String built) {
        Properties p = new Properties();
        p.setProperty("version", version);
        p.setProperty("commit", commit);
        p.setProperty("dirty", dirty);
        p.setProperty("built", built);
        return p;
    }

    @Test
    void theLineNamesVersionCommitAndDate() {
        BuildInfo b = new BuildInfo(props("0.1.0", FULL, "false", "2026-12-04T18:14:02Z"));
        assertEquals("asyncbench 0.1.0 (commit 6ac9ca7, built 2026-12-04)", b.line());
        assertEquals(FULL, b.commitFull());
        assertEquals("6ac9ca7", b.commit());
        assertFalse(b.dirty());
    }

    @Test
    void uncommittedChangesAreSaid() {
        BuildInfo b = new BuildInfo(props("0.1.0", FULL, "true", "2026-12-04T18:14:02Z"));
        assertEquals("asyncbench 0.1.0 (commit 6ac9ca7-dirty, built 2026-12-04)", b.line());
    }

    @Test
    void aBuildOutsideGitSaysUnknown() {
        BuildInfo b = new BuildInfo(props("0.1.0", "unknown", "false", "2026-12-04T18:14:02Z"));
        assertEquals("asyncbench 0.1.0 (commit unknown, built 2026-12-04)", b.line());
        assertEquals(BuildInfo.UNKNOWN, b.commitFull());
        assertEquals(BuildInfo.UNKNOWN, b.commit());
        // nor does anything half-filled pass for a commit
        assertEquals("asyncbench 0.1.0 (commit unknown, built 2026-12-04)",
                new BuildInfo(props("0.1.0", "${build.commit}", "${build.dirty}", "2026-12-04T18:14:02Z")).line());
        assertEquals("asyncbench unknown (commit unknown, built unknown)", new BuildInfo(new Properties()).line());
    }

    @Test
    void theBuildWroteTheJarsOwnFile() throws Exception {
        BuildInfo b = new BuildInfo();
        assertTrue(b.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), "version " + b.version());
        assertTrue(b.builtOn().matches("\\d{4}-\\d{2}-\\d{2}"), b.builtOn());
        // the build ran in this checkout (or in a copy without git): the same commit as git sees here
        String head = gitHead();
        if (head == null) {
            assertEquals(BuildInfo.UNKNOWN, b.commit());
        } else {
            assertEquals(head, b.commitFull(), "the tests run right after the build that wrote build.properties");
            assertEquals(head.substring(0, 7), b.commit());
        }
    }

    @Test
    void dashDashVersionPrintsTheLine() {
        for (String flag : new String[] {"--version", "-V"}) {
            Run run = Run.of(flag);
            assertEquals(0, run.exit(), run.err());
            assertEquals(1, run.outLines().size(), run.out());
            String line = run.outLines().getFirst();
            assertEquals(new BuildInfo().line(), line);
            assertTrue(line.matches("asyncbench \\S+ \\(commit ([0-9a-f]{7}(-dirty)?|unknown), built \\d{4}-\\d{2}-\\d{2}\\)"), line);
        }
    }

    /** HEAD of the checkout the tests run in, or null when it is not one (or there is no git). */
    private static String gitHead() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException noGit) {
            return null;
        }
    }
}
