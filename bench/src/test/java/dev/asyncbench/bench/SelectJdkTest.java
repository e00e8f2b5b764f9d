package dev.asyncbench.bench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * .mvn/select-jdk.sh (sourced by ./mvnw and ./suite) picks a JDK 25 exactly: preview class files
 * run only on the release that compiled them. Checked against a folder of fake JDKs
 * ($SUITE_JVM_DIR) with a shell, as the two scripts source it.
 */
class SelectJdkTest {

    private static Path script;

    @TempDir
    Path jvms;

    @BeforeAll
    static void findTheScript() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(".mvn/select-jdk.sh"))) dir = dir.getParent();
        assertTrue(dir != null, "no .mvn/select-jdk.sh above " + System.getProperty("user.dir"));
        script = dir.resolve(".mvn/select-jdk.sh");
    }

    /** What one `sh -c '. select-jdk.sh; echo $JAVA_HOME'` did. */
    private record Selection(int exit, String out, List<String> errLines) {}

    private Path jdk(String folder, String version) throws IOException {
        Path home = jvms.resolve(folder);
        Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path p = Files.writeString(home.resolve("bin").resolve(tool), "#!/bin/sh\nexit 0\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Selection select(Path javaHome) throws Exception {
        // set -euf as ./mvnw does (./suite: set -eu); the script's own exit ends the shell
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "set -euf; . \"$0\"; echo \"$JAVA_HOME\"", script.toString());
        pb.environment().put("SUITE_JVM_DIR", jvms.toString());
        if (javaHome == null) pb.environment().remove("JAVA_HOME");
        else pb.environment().put("JAVA_HOME", javaHome.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the script did not end");
        return new Selection(p.exitValue(), out, err.lines().toList());
    }

    @Test
    void theTwentyFiveIsChosenAmong17And25And26() throws Exception {
        jdk("jdk-17", "17.0.12");
        Path jdk25 = jdk("temurin-25-jdk-amd64", "25.0.1");
        jdk("jdk-26", "26");
        Selection s = select(null);
        assertEquals(0, s.exit(), "stderr: " + s.errLines());
        assertEquals(jdk25.toString(), s.out());
        assertEquals(List.of(), s.errLines());
    }

    @Test
    void theNewestUpdateOfTwentyFiveWins() throws Exception {
        jdk("jdk-25.0.1", "25.0.1");
        Path newer = jdk("jdk-25.0.10", "25.0.10");
        jdk("jdk-25.0.3", "25.0.3");
        jdk("jdk-26.0.1", "26.0.1");
        assertEquals(newer.toString(), select(null).out());
    }

    @Test
    void aJavaHomeThatIs25IsKept() throws Exception {
        Path own = jdk("own-25", "25.0.2");
        jdk("temurin-25-jdk-amd64", "25.0.3");
        jdk("jdk-26", "26");
        Selection s = select(own);
        assertEquals(0, s.exit(), "stderr: " + s.errLines());
        assertEquals(own.toString(), s.out());
    }

    @Test
    void aJavaHomeThatIs26GivesWayToThe25InTheFolder() throws Exception {
        Path jdk26 = jdk("jdk-26", "26");
        Path jdk25 = jdk("temurin-25-jdk-amd64", "25.0.1");
        Selection s = select(jdk26);
        assertEquals(0, s.exit(), "stderr: " + s.errLines());
        assertEquals(jdk25.toString(), s.out());
        assertEquals(List.of(), s.errLines());
    }

    @Test
    void aJavaHomeThatIs17GivesWayToThe25InTheFolder() throws Exception {
        Path jdk17 = jdk("jdk-17", "17.0.12");
        Path jdk25 = jdk("temurin-25-jdk-amd64", "25.0.1");
        assertEquals(jdk25.toString(), select(jdk17).out());
    }

    @Test
    void onlyA26StopsWithOneLineSayingWhatToInstall() throws Exception {
        Path jdk26 = jdk("jdk-26", "26");
        jdk("jdk-17", "17.0.12");
        assertStopsWithOneLine(select(null));
        assertStopsWithOneLine(select(jdk26));
    }

    @Test
    void noJdkAtAllStopsWithTheSameLine() throws Exception {
        assertStopsWithOneLine(select(null));
    }

    @Test
    void aFolderWithoutJavacIsNotAJdk() throws Exception {
        Path jre = jdk("jre-25", "25.0.1");
        Files.delete(jre.resolve("bin/javac"));
        assertStopsWithOneLine(select(jre));
    }

    private static void assertStopsWithOneLine(Selection s) {
        assertEquals(2, s.exit(), "exit code; stdout: " + s.out() + "; stderr: " + s.errLines());
        assertEquals("", s.out(), "nothing runs after the script stops");
        assertEquals(1, s.errLines().size(), "stderr: " + s.errLines());
        String line = s.errLines().getFirst();
        assertTrue(line.startsWith("error: ") && line.contains("JDK 25") && line.contains("apt-get install temurin-25-jdk"), line);
    }
}
