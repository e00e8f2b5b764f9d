package dev.asyncbench.bench.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's own figures, read the same way in a JMH fork and in a minimal program:
 * resident set from {@code /proc/self/status}, its peak and how to reset it, and a full GC.
 */
public final class ProcessStats {

    private ProcessStats() {
    }

    /** What JMH's -gc does, minus its waiting: two full GCs. */
    public static void collectGarbage() {
        System.gc();
        System.gc();
    }

    /** Resets VmHWM to the current RSS (Linux: write 5 to /proc/self/clear_refs); harmless elsewhere. */
    public static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: the peak is then the process's lifetime peak
        }
    }

    /** A field of /proc/self/status in kB (VmRSS, VmHWM), or -1 when unavailable. */
    public static long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
