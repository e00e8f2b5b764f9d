package dev.asyncbench.bench;

import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.run.BadInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Two result sets side by side. A change counts only when it is larger than the noise: the
 * difference of the means exceeds the sum of the two confidence half-widths (JMH's score
 * errors), so the two intervals do not overlap.
 */
@Command(name = "compare", description = {
        "Shows two saved runs side by side and flags the changes larger than the noise",
        "(the means differ by more than the two 99.9% error margins together).",
        "Example: compare --fail-on-regression 10 results/A results/B (exit 1 when a row got more than 10% slower, beyond the noise)"})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Parameters(index = "0", paramLabel = "BASE", description = "The results folder to compare against")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The results folder to compare")
    Path current;

    @Option(names = "--changes-only", description = "Print only the rows whose time changed beyond the noise, or whose status changed")
    boolean changesOnly;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "Exit with code 1 when a row's time got slower by more than PCT percent and beyond the noise"
                    + " (one line on stderr per such row; for CI)")
    Double failOnRegression;

    /** How one row moved between the two sets. */
    enum Verdict {
        FASTER("faster"), SLOWER("slower"), SAME("within noise"), UNKNOWN("no error margin"), STATUS("status changed"),
        ONLY_BASE("only in base"), ONLY_NEW("only in new");

        final String text;

        Verdict(String text) {
            this.text = text;
        }

        boolean isChange() {
            return this != SAME && this != UNKNOWN;
        }
    }

    @Override
    public Integer call() {
        if (failOnRegression != null && !(failOnRegression >= 0 && failOnRegression < 1e6)) {
            throw new BadInput("--fail-on-regression takes a percentage of at least 0, was " + failOnRegression);
        }
        ResultSet a = ReportCommand.load(base);
        ResultSet b = ReportCommand.load(current);
        PrintStream out = cli.out;
        incomplete(out, "base", base, a.environment(), "new");
        incomplete(out, "new", current, b.environment(), "base");
        for (String line : environmentDifferences(a.environment(), b.environment())) out.println("note: environments differ: " + line);

        Map<String, ResultRow> left = index(a);
        Map<String, ResultRow> right = index(b);
        Set<String> keys = new LinkedHashSet<>(left.keySet());
        keys.addAll(right.keySet());
        out.printf("%-13s %-17s %-8s %-32s %22s %22s %8s  %s%n", "scenario", "model", "harness", "size", "base ms", "new ms", "change", "verdict");
        int changes = 0;
        List<String> regressions = new ArrayList<>();
        for (String key : keys) {
            ResultRow l = left.get(key);
            ResultRow r = right.get(key);
            Verdict v = verdict(l, r);
            if (v.isChange()) changes++;
            if (failOnRegression != null && regressed(l, r, failOnRegression)) {
                regressions.add("regression: " + l.scenario() + " " + l.model() + (l.harness().equals(ResultRow.SUITE) ? "" : " (" + l.harness() + ")")
                        + " " + l.size().label() + ": " + cell(l) + " -> " + cell(r) + " ms (" + change(l, r)
                        + "), beyond the noise and the " + BigDecimal.valueOf(failOnRegression).stripTrailingZeros().toPlainString() + "% allowed");
            }
            if (changesOnly && !v.isChange()) continue;
            ResultRow any = l != null ? l : r;
            out.printf("%-13s %-17s %-8s %-32s %22s %22s %8s  %s%n", any.scenario(), any.model(), any.harness(), any.size().label(),
                    cell(l), cell(r), change(l, r), v.text + (v == Verdict.STATUS ? " (" + l.status().id() + " -> " + r.status().id() + ")" : ""));
        }
        out.println(changes + " of " + keys.size() + " rows changed beyond the noise or in status");
        regressions.forEach(cli.err::println);
        return regressions.isEmpty() ? 0 : 1;
    }

    /** Slower beyond the noise ({@link Verdict#SLOWER}) and by more than {@code pct} percent. */
    static boolean regressed(ResultRow l, ResultRow r, double pct) {
        return verdict(l, r) == Verdict.SLOWER && (r.metrics().timeMs() / l.metrics().timeMs() - 1) * 100 > pct;
    }

    static Verdict verdict(ResultRow l, ResultRow r) {
        if (l == null) return Verdict.ONLY_NEW;
        if (r == null) return Verdict.ONLY_BASE;
        if (l.status() != r.status()) return Verdict.STATUS;
        Metrics x = l.metrics();
        Metrics y = r.metrics();
        if (Double.isNaN(x.timeMs()) || Double.isNaN(y.timeMs())) return Verdict.UNKNOWN;
        if (Double.isNaN(x.timeErrorMs()) || Double.isNaN(y.timeErrorMs())) return Verdict.UNKNOWN;
        double diff = y.timeMs() - x.timeMs();
        if (Math.abs(diff) <= x.timeErrorMs() + y.timeErrorMs()) return Verdict.SAME;
        return diff < 0 ? Verdict.FASTER : Verdict.SLOWER;
    }

    private static Map<String, ResultRow> index(ResultSet set) {
        Map<String, ResultRow> map = new LinkedHashMap<>();
        for (ResultRow row : set.rows()) map.put(row.key(), row);
        return map;
    }

    private static String cell(ResultRow row) {
        if (row == null) return "-";
        if (!row.ok() || Double.isNaN(row.metrics().timeMs())) return row.status().id();
        Metrics m = row.metrics();
        return Double.isNaN(m.timeErrorMs()) ? num(m.timeMs()) : num(m.timeMs()) + " ± " + num(m.timeErrorMs());
    }

    private static String change(ResultRow l, ResultRow r) {
        if (l == null || r == null || Double.isNaN(l.metrics().timeMs()) || Double.isNaN(r.metrics().timeMs())) return "";
        return String.format(Locale.ROOT, "%+.1f%%", (r.metrics().timeMs() / l.metrics().timeMs() - 1) * 100);
    }

    private static String num(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** A side that was interrupted: the rows it never reached are not changes of the code, and are named as such. */
    private static void incomplete(PrintStream out, String side, Path dir, Environment env, String other) {
        if (!env.wasInterrupted()) return;
        out.println("note: the " + side + " run (" + dir + ") is incomplete: " + env.interrupted().replaceAll("\\s+", " ")
                + "; rows it did not reach show as 'only in " + other + "'");
    }

    private static List<String> environmentDifferences(Environment a, Environment b) {
        List<String> diffs = new ArrayList<>();
        diff(diffs, "jdk", a.jdk(), b.jdk());
        diff(diffs, "fork flags", String.join(" ", a.forkFlags()), String.join(" ", b.forkFlags()));
        diff(diffs, "cores", a.cores(), b.cores());
        diff(diffs, "database", a.database(), b.database());
        diff(diffs, "HTTP client", a.httpClient(), b.httpClient());
        diff(diffs, "os", a.os(), b.os());
        for (String model : a.models().keySet()) {
            if (b.models().containsKey(model)) diff(diffs, model, a.models().get(model), b.models().get(model));
        }
        return diffs;
    }

    private static void diff(List<String> diffs, String what, Object x, Object y) {
        if (!Objects.equals(x, y)) diffs.add(what + ": '" + x + "' vs '" + y + "'");
    }
}
