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

    static String classPath() {
        return System.getProperty("java.class.path");
    }
}
