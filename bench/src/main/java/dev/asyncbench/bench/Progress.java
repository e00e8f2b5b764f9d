package dev.asyncbench.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What the run is doing and how long is left: a bar redrawn in place on a terminal, plain
 * lines otherwise (a pipe, a dumb terminal, CI). The time left is the remaining estimates,
 * scaled by how the estimates have compared with reality so far.
 */
final class Progress {

    private final PrintStream out;
    private final boolean bar;
    private final int total;
    private final double estimatedTotalMs;
    private final long start = System.nanoTime();
    private int done;
    private double estimatedDoneMs;
    private String current = "";

    Progress(PrintStream out, boolean bar, int total, double estimatedTotalMs) {
        this.out = out;
        this.bar = bar;
        this.total = total;
        this.estimatedTotalMs = estimatedTotalMs;
    }

    /** A bar only on an interactive terminal that can draw one, and never under CI. */
    static boolean terminal() {
        var console = System.console();
        String term = System.getenv("TERM");
        return console != null && console.isTerminal() && term != null && !term.equals("dumb") && System.getenv("CI") == null;
    }

    void begin(String what) {
        current = what;
        if (bar) draw();
    }

    /** One combination finished; {@code estimateMs} is what it was expected to take. */
    void end(String outcome, double estimateMs) {
        done++;
        estimatedDoneMs += estimateMs;
        if (bar) {
            out.print("\r\033[2K");
            out.println(String.format(Locale.ROOT, "[%d/%d] %s: %s", done, total, current, outcome));
            draw();
        } else {
            out.println(String.format(Locale.ROOT, "[%d/%d] %s: %s (%s elapsed, about %s left)",
                    done, total, current, outcome, format(elapsed()), format(left())));
        }
        out.flush();
    }

    /** A line that is not a combination (starting the testbed, the minimal programs). */
    void note(String line) {
        if (bar) out.print("\r\033[2K");
        out.println(line);
        if (bar) draw();
        out.flush();
    }

    void finish() {
        if (bar) {
            out.print("\r\033[2K");
            out.flush();
        }
    }

    private void draw() {
        int width = 30;
        int filled = total == 0 ? width : width * done / total;
        String label = current.length() > 60 ? current.substring(0, 57) + "..." : current;
        out.print(String.format(Locale.ROOT, "\r\033[2K[%s%s] %d/%d  %s left  %s",
                "#".repeat(filled), ".".repeat(width - filled), done, total, format(left()), label));
        out.flush();
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Duration left() {
        double remaining = Math.max(0, estimatedTotalMs - estimatedDoneMs);
        double pace = estimatedDoneMs > 0 ? elapsed().toMillis() / estimatedDoneMs : 1.0;
        return Duration.ofMillis((long) (remaining * Math.max(0.25, Math.min(pace, 10))));
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
