package dev.asyncbench.bench.fork;

import dev.asyncbench.bench.fork.ForkProtocol.Line;
import dev.asyncbench.bench.fork.ForkProtocol.Measure;
import dev.asyncbench.bench.fork.ForkProtocol.Property;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * What a JVM tells the runner besides JMH's numbers, written to the file named by
 * {@link Property#REPORT} in the protocol's lines ({@link ForkProtocol}): why it failed
 * ("unable to create native thread"), a wrong answer ({@link IncorrectResult}), caveats on a
 * figure, and a minimal program's own values. Without the runner, to stderr.
 */
public final class ForkReport {

    private ForkReport() {
    }

    /** Records why the benchmark failed; the first failure is the one the result shows. */
    public static void failure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IncorrectResult wrong) {
                append(Line.INCORRECT.write(wrong.expected(), wrong.actual()));
                return;
            }
        }
        append(Line.FAILED.write(describe(t)));
    }

    public static void note(String line) {
        append(Line.NOTE.write(line));
    }

    /** A value this JVM measured itself (minimal programs). */
    public static void value(Measure m, double value) {
        append(Line.VALUE.write(m.label, String.format(Locale.ROOT, "%.6f", value)));
    }

    /** One line: the exception's message, with the root cause's when it adds something. */
    public static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = message(t);
        if (root != t && !msg.contains(message(root))) msg += " (cause: " + message(root) + ")";
        return oneLine(msg);
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
        String file = Property.REPORT.get();
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
