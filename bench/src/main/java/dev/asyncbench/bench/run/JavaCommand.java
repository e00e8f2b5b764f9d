package dev.asyncbench.bench.run;

import java.nio.file.Path;
import java.util.List;

/** How to start another JVM like this one: the same java binary and class path. */
public final class JavaCommand {
    private JavaCommand() {
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> java() {
        return List.of(javaBinary());
    }

    /** {@link #java()} for a child that may write temporary files: they go to its own sub-folder of the {@link RunFolder}. */
    static List<String> java(String role) {
        return List.of(javaBinary(), tmpdir(role));
    }

    /** The flag that gives a child JVM the run folder's sub-folder {@code role} as its temporary folder. */
    static String tmpdir(String role) {
        return "-Djava.io.tmpdir=" + RunFolder.current().child(role);
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }
}
