package dev.asyncbench.bench.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What the run is doing and how long is left: a bar redrawn in place on a terminal, plain
 * lines otherwise (a pipe, a dumb terminal, CI). The time left is the remaining estimates,
 * scaled by how the estimates have compared with reality so far ({@link #leftMs}).
 */
public final class Progress {

    private final PrintStream out;
    private final boolean bar;
    private final int total;
    private final double estimatedTotalMs;
    private final long start = System.nanoTime();
    /** When the first combination began (starting the testbed comes before, and is no combination's). */
    private long measuringStart = -1;
    private int done;
    private double estimatedDoneMs;
    private String current = "";
    private long currentStart = System.nanoTime();
    private final Thread ticker;

    Progress(PrintStream out, boolean bar, int total, double estimatedTotalMs) {
        this.out = out;
        this.bar = bar;
        this.total = total;
        this.estimatedTotalMs = estimatedTotalMs;
        // the bar keeps moving during a long combination: its time left counts down once a second
        this.ticker = bar ? Thread.ofPlatform().daemon().name("progress").start(this::tick) : null;
    }

    private void tick() {
        try {
            while (true) {
                Thread.sleep(1000);
                synchronized (this) {
                    draw();
                }
            }
        } catch (InterruptedException e) {
            // finished
        }
    }

    /** A bar only on an interactive terminal that can draw one, and never under CI. */
    static boolean terminal() {
        var console = System.console();
        String term = System.getenv("TERM");
        return console != null && console.isTerminal() && term != null && !term.equals("dumb") && System.getenv("CI") == null;
    }

    synchronized void begin(String what) {
        if (measuringStart < 0) measuringStart = System.nanoTime();
        current = what;
        currentStart = System.nanoTime();
        if (bar) draw();
    }

    /** One combination finished; {@code estimateMs} is what it was expected to take. */
    synchronized void end(String outcome, double estimateMs) {
        done++;
        estimatedDoneMs += estimateMs;
        currentStart = System.nanoTime();
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
    synchronized void note(String line) {
        if (bar) out.print("\r\033[2K");
        out.println(line);
        if (bar) draw();
        out.flush();
    }

    synchronized void finish() {
        if (ticker != null) ticker.interrupt();
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
        double spentMs = measuringStart < 0 ? 0 : (System.nanoTime() - measuringStart) / 1e6 - inCurrentMs();
        return Duration.ofMillis((long) Math.max(0, leftMs(estimatedTotalMs, estimatedDoneMs, spentMs) - inCurrentMs()));
    }

    /**
     * The estimates still to come, times the pace so far (time spent on the finished
     * combinations over their estimates), within 0.25 to 10. The pace starts from a prior of
     * 1 worth a tenth of the run, so that the first few combinations (a JIT still cold, one
     * slow fork) do not multiply the whole run's estimate.
     */
    static double leftMs(double estimatedTotalMs, double estimatedDoneMs, double spentMs) {
        double remaining = Math.max(0, estimatedTotalMs - estimatedDoneMs);
        double prior = 0.1 * estimatedTotalMs;
        double pace = prior + estimatedDoneMs > 0 ? (prior + spentMs) / (prior + estimatedDoneMs) : 1.0;
        return remaining * Math.max(0.25, Math.min(pace, 10));
    }

    private long inCurrentMs() {
        return (System.nanoTime() - currentStart) / 1_000_000;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
