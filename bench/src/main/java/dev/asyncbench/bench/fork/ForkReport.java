package dev.asyncbench.bench.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a fork tells the runner besides JMH's numbers: why it failed ("unable to create native
 * thread", "Incorrect benchmark, ...") and caveats on a metric. One line each, appended to the
 * file named by {@value #PROPERTY}; nothing when the fork runs without the suite.
 */
public final class ForkReport {

    /** System property naming the file; the runner sets a fresh one per forked combination. */
    public static final String PROPERTY = "asyncbench.report";
    public static final String FAILURE = "failure: ";
    public static final String NOTE = "note: ";

    private ForkReport() {
    }

    /** Records why the benchmark failed; the first failure is the one the result shows. */
    public static void failure(Throwable t) {
        append(FAILURE + describe(t));
    }

    public static void note(String line) {
        append(NOTE + line);
    }

    /** One line: the exception's message, with the root cause's when it adds something. */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = message(t);
        if (root != t && !msg.contains(message(root))) msg += " (cause: " + message(root) + ")";
        return msg.replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The text on one line: surrounding blanks gone, line breaks as "; ". */
    public static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    private static String message(Throwable t) {
        if (t instanceof OutOfMemoryError || t.getMessage() == null) {
            return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return t instanceof IllegalStateException || t instanceof IllegalArgumentException
                ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static synchronized void append(String line) {
        String file = System.getProperty(PROPERTY);
        if (file == null) {
            System.err.println("asyncbench: " + line);
            return;
        }
        try {
            Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("asyncbench: cannot write " + file + ": " + e.getMessage() + "; " + line);
        }
    }
}
