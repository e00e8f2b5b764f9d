package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.run.AsyncioRow;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static dev.asyncbench.bench.report.HtmlReport.chip;
import static dev.asyncbench.bench.report.Text.html;
import static dev.asyncbench.bench.report.Text.md;

/**
 * The post's model beside the JVM's, in one table: the mass gather at every N where both asyncio
 * and CompletableFuture ({@code futures}) were measured, each one's time per operation, peak
 * resident set and resident set per waiting task, and asyncio's ratio to futures. Absent from a
 * run without both rows.
 */
final class Runtimes {

    /** The JVM row asyncio is set beside: the closest to the post's gather of futures. */
    static final String JVM = "futures";

    /** Both rows at the same size, asyncio's first. */
    record Pair(ResultRow asyncio, ResultRow jvm) {
        double timeRatio() {
            return asyncio.metrics().timeMs() / jvm.metrics().timeMs();
        }

        double rssRatio() {
            return asyncio.metrics().rssPeakMb() / jvm.metrics().rssPeakMb();
        }

        double perTaskRatio() {
            return asyncio.metrics().rssPerTaskBytes() / jvm.metrics().rssPerTaskBytes();
        }
    }

    private Runtimes() {
    }

    /** Every size both rows were measured at, smallest first; empty when there is none. */
    static List<Pair> of(RunView view) {
        List<ResultRow> mass = view.results.rows().stream()
                .filter(r -> r.scenario().equals(BenchScenario.GATHER_MASS.id()) && ResultRow.SUITE.equals(r.harness()) && r.ok()).toList();
        return mass.stream().filter(r -> r.model().equals(AsyncioRow.NAME))
                .sorted(Comparator.comparingLong((ResultRow r) -> r.size().get("N")))
                .flatMap(a -> mass.stream().filter(j -> j.model().equals(JVM) && j.size().equals(a.size())).map(j -> new Pair(a, j)))
                .toList();
    }

    private static final String TITLE = "The post's model beside the JVM's: asyncio and CompletableFuture";

    private static String intro(List<Pair> pairs, RunView view) {
        String runtime = Optional.ofNullable(view.runtime(AsyncioRow.NAME)).orElse("CPython");
        return "The mass gather (N tasks each waiting L, all at once) in " + runtime + "'s asyncio (asyncio.gather of asyncio.sleep)"
                + " and in CompletableFuture on the JVM, measured in this run at " + Text.and(pairs.stream().map(p -> p.asyncio().size().label()).toList())
                + ". Time is the mean per operation; peak RSS is the measuring process's (VmHWM): the JVM's counts the heap pages"
                + " its collector touched under the run's heap flags (Environment), asyncio's every object; RSS per waiting task is"
                + " the growth while the tasks wait (not probed where starting them took over 20 s).";
    }

    static void renderHtml(StringBuilder out, RunView view) {
        List<Pair> pairs = of(view);
        if (pairs.isEmpty()) return;
        out.append("<section id=\"runtimes\" class=\"card\">\n<h2>").append(html(TITLE)).append("</h2>\n<p class=\"muted\">")
                .append(html(intro(pairs, view))).append("</p>\n<div class=\"scroll\"><table class=\"tax\">\n")
                .append("<thead><tr><th class=\"l\">size</th><th class=\"l\">model</th><th>time per operation</th><th>peak RSS</th>")
                .append("<th>RSS per waiting task</th></tr></thead>\n<tbody>\n");
        for (Pair p : pairs) {
            for (ResultRow r : List.of(p.asyncio(), p.jvm())) {
                out.append("<tr><td class=\"l\"><code>").append(html(r.size().label())).append("</code></td><td class=\"l\">").append(chip(r.model()))
                        .append("</td><td>").append(html(Text.ms(r.metrics().timeMs()))).append("</td><td>").append(html(Text.mib(r.metrics().rssPeakMb())))
                        .append("</td><td>").append(html(Text.bytes(r.metrics().rssPerTaskBytes()))).append("</td></tr>\n");
            }
            out.append("<tr><td></td><td class=\"l\">asyncio / ").append(JVM).append("</td><td><b>").append(html(Text.times(p.timeRatio())))
                    .append("</b></td><td><b>").append(html(Text.times(p.rssRatio()))).append("</b></td><td>").append(html(Text.times(p.perTaskRatio())))
                    .append("</td></tr>\n");
        }
        out.append("</tbody></table></div>\n</section>\n");
    }

    static void renderMarkdown(StringBuilder out, RunView view) {
        List<Pair> pairs = of(view);
        if (pairs.isEmpty()) return;
        out.append("## ").append(TITLE).append("\n\n").append(md(intro(pairs, view))).append("\n\n")
                .append("| size | model | time per operation | peak RSS | RSS per waiting task |\n|---|---|---:|---:|---:|\n");
        for (Pair p : pairs) {
            for (ResultRow r : List.of(p.asyncio(), p.jvm())) {
                out.append("| `").append(r.size().label()).append("` | ").append(md(r.model())).append(" | ").append(Text.ms(r.metrics().timeMs()))
                        .append(" | ").append(Text.mib(r.metrics().rssPeakMb())).append(" | ").append(Text.bytes(r.metrics().rssPerTaskBytes())).append(" |\n");
            }
            out.append("| | asyncio / ").append(JVM).append(" | **").append(Text.times(p.timeRatio())).append("** | **")
                    .append(Text.times(p.rssRatio())).append("** | ").append(Text.times(p.perTaskRatio())).append(" |\n");
        }
        out.append('\n');
    }
}
