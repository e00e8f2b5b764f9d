package dev.asyncbench.bench.report;


import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.Size;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.asyncbench.bench.report.Text.md;

/**
 * {@code report.md}: the report in Markdown for terminals and code hosts. The same overview,
 * environment, readings, tables, code and no-harness-tax check as index.html; the charts are
 * the same SVG files, written to {@code charts/} next to it and linked as images.
 */
final class MarkdownReport {

    private final ReportInputs in;
    private final RunView view;
    private final MarkdownCode code;

    MarkdownReport(ReportInputs in) {
        this.in = in;
        this.view = in.view();
        this.code = new MarkdownCode(in.listing(true), view.env);
    }

    String render() {
        Environment env = view.env;
        StringBuilder out = new StringBuilder(1 << 18);
        out.append("# asyncbench results\n\n");
        RunFacts.interrupted(env).ifPresent(why -> out.append("> **Incomplete run.** ").append(md(why)).append("\n\n"));
        out.append("preset **").append(md(env.preset())).append("** · ").append(md(RunFacts.started(env))).append(" · took ")
                .append(md(RunFacts.duration(env.durationSeconds()))).append(" · ").append(env.cores()).append(" cores · ").append(md(env.jdk())).append("\n\n");
        RunFacts.command(env).ifPresent(c -> out.append("Produced by ").append(code(c)).append(".\n\n"));
        if (!in.files().isEmpty()) out.append("Data: ").append(files()).append(".\n\n");
        out.append("The same report with the charts inline and each model's code side by side: [index.html](index.html) (one file, works offline).\n\n");

        overview(out);
        Runtimes.renderMarkdown(out, view);
        environment(out);
        for (ScenarioView s : view.scenarios) scenario(out, s);
        harnessTax(out);
        out.append("---\nRendered from ").append(in.files().isEmpty() ? "`results.csv` and `environment.json`" : files())
                .append(" in this folder; `./suite report DIR` renders it again. ")
                .append("Columns and units: bench/RESULTS.md. Rules and ideal times: SPEC.md.\n");
        return out.toString();
    }

    private void overview(StringBuilder out) {
        out.append("## Overview\n\n").append(md(Readings.run(view))).append("\n\n");
        out.append("Efficiency (ideal / measured time, 1 = SPEC.md's lower bound) at each scenario's largest size; a model without a number says why.\n\n");
        out.append("| scenario | largest size |");
        for (String m : view.models) {
            String runtime = view.runtime(m);
            out.append(' ').append(md(m)).append(runtime == null ? "" : " (" + md(runtime) + ")").append(" |");
        }
        out.append("\n|---|---|");
        out.append("---:|".repeat(view.models.size())).append('\n');
        for (ScenarioView s : view.scenarios) {
            Size size = s.sizes.getLast();
            double ideal = s.ideal(size);
            out.append("| [").append(md(s.id)).append("](#").append(Text.slug(s.id)).append(") | ").append(md(size.label())).append(" |");
            for (String m : view.models) {
                Entry e = s.entry(m, size);
                String cell = !e.measured() ? "*" + md(e.status()) + "*"
                        : Double.isNaN(ideal) ? md(Text.ms(e.m().timeMs())) : md(Text.eff(ideal / e.m().timeMs()));
                out.append(' ').append(cell).append(" |");
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private void environment(StringBuilder out) {
        Environment env = view.env;
        out.append("## Environment\n\n| | |\n|---|---|\n");
        out.append("| Command | ").append(RunFacts.command(env).map(MarkdownReport::code).orElse("*not recorded*")).append(" |\n");
        out.append("| Preset | ").append(md(env.preset())).append(" |\n");
        for (RunFacts.Fact f : RunFacts.of(env)) {
            out.append("| ").append(md(f.label())).append(" | ").append(f.code() ? code(f.value()) : md(f.value())).append(" |\n");
        }
        out.append("\n### Models, as configured for this run\n\n");
        for (String m : view.models) {
            String line = env.models().containsKey(m) ? RunFacts.plain(env.models().get(m)) : null;
            out.append("- **").append(md(m)).append("**: ").append(line == null ? "*not in environment.json*" : md(line)).append('\n');
        }
        if (!env.unavailable().isEmpty()) {
            out.append("\n### Models that could not load\n\n");
            for (String u : env.unavailable()) out.append("- ").append(md(RunFacts.plain(u))).append('\n');
        }
        Map<String, String> notes = RunFacts.notes(env);
        if (!notes.isEmpty()) {
            out.append("\n### Notes\n\n");
            notes.forEach((k, v) -> out.append("- **").append(md(k)).append("**: ").append(md(v)).append('\n'));
        }
        out.append('\n');
    }

    private void scenario(StringBuilder out, ScenarioView s) {
        out.append("## ").append(md(s.id)).append("\n\n");
        if (!s.summary().isEmpty()) out.append('*').append(md(s.summary())).append("*\n\n");
        for (String r : Readings.of(s)) out.append("- ").append(md(r)).append('\n');
        out.append('\n');
        List<Charts.Chart> list = in.charts().apply(s);
        if (list.isEmpty()) out.append("No charts: nothing was measured in this scenario; the tables say why.\n\n");
        Set<String> said = new HashSet<>();
        for (Charts.Chart c : list) {
            out.append("![").append(md(c.title())).append("](charts/").append(c.key()).append(".svg)\n");
            String footnote = Charts.unsaid(c.footnote(), said);
            if (!footnote.isEmpty()) out.append("<sub>").append(md(footnote)).append("</sub>\n");
            out.append('\n');
        }
        out.append("### Ranking\n\n");
        if (Column.cold(s)) out.append('*').append(md(Column.COLD_LEGEND)).append("*\n\n");
        for (int i = s.sizes.size() - 1; i >= 0; i--) table(out, s, s.sizes.get(i));
        code.render(out, s);
    }

    private void table(StringBuilder out, ScenarioView s, Size size) {
        double ideal = s.ideal(size);
        List<Column> cols = Column.of(s, size);
        out.append("**").append(md(size.label())).append("**").append(Double.isNaN(ideal) ? "" : " · ideal " + md(Text.ms(ideal))).append("\n\n");
        // cells without padding: a long table stays small, and renders the same
        List<String> head = new ArrayList<>(List.of("#", "model", "efficiency", Column.cold(s) ? "time ms (" + Column.STEADY + ")" : "time ms", "±"));
        for (Column c : cols) head.add(md(c.head() + (c.sub().isEmpty() ? "" : " (" + c.sub() + ")")));
        head.add("status / note");
        out.append(row(head)).append("|--:|---|--:|--:|--:|").append("--:|".repeat(cols.size())).append("---|\n");
        int rank = 0;
        for (Entry e : s.ranked(size)) {
            Metrics m = e.m();
            List<String> cells = new ArrayList<>(List.of(e.measured() ? Integer.toString(++rank) : "", md(e.model()),
                    e.measured() ? md(Text.eff(ideal / m.timeMs())) : "", e.row() == null ? "" : md(Text.num(m.timeMs())), md(Text.num(m.timeErrorMs()))));
            for (Column c : cols) cells.add(md(c.format().apply(c.value().applyAsDouble(m))));
            String status = e.status().equals("ok") ? "" : "**" + md(e.status()) + "**" + (e.reason().isEmpty() ? "" : ": ");
            cells.add(status + md(e.status().equals("ok") ? e.note() : e.reason()));
            out.append(row(cells));
        }
        out.append('\n');
    }

    private static String row(List<String> cells) {
        return "|" + String.join("|", cells) + "|\n";
    }

    private void harnessTax(StringBuilder out) {
        out.append("## No harness tax: minimal programs vs the suite\n\n");
        out.append("Each model's minimal program does the mass gather's waits with nothing around it (no TaskScenario, no JMH). Differences over ")
                .append(Math.round(HarnessTax.THRESHOLD * 100)).append("% are flagged ⚑; difference = suite relative to minimal; ≈ = within the two error margins.\n\n");
        List<HarnessTax.Pair> pairs = HarnessTax.pairs(view);
        if (pairs.isEmpty()) {
            out.append("The check did not run: results.csv has no rows with harness=minimal (it runs with gather-mass at the preset's sizes; "
                    + "--no-minimal or --sizes leave it out).\n\n");
            return;
        }
        for (String r : HarnessReadings.of(pairs)) out.append("- ").append(md(r)).append('\n');
        out.append('\n');
        List<HarnessTax.Measure> measures = HarnessTax.measures(pairs);
        out.append("| model | size |");
        for (HarnessTax.Measure m : measures) out.append(' ').append(md(m.label)).append(" suite | minimal | diff |");
        out.append(" status / notes |\n|---|---|").append("--:|--:|--:|".repeat(measures.size())).append("---|\n");
        for (HarnessTax.Pair p : pairs) {
            out.append("| ").append(md(p.model())).append(" | ").append(md(p.size().label())).append(" |");
            for (HarnessTax.Measure m : measures) {
                HarnessTax.Diff d = HarnessTax.diff(p, m);
                out.append(' ').append(md(m.format.apply(d.suite()))).append(" | ").append(md(m.format.apply(d.minimal()))).append(" | ");
                if (d.comparable()) out.append(d.flagged() ? "**⚑ " : "").append(md(Text.pct(d.relative()))).append(d.flagged() ? "**" : "").append(d.withinNoise() ? " ≈" : "");
                out.append(" |");
            }
            out.append(' ').append(md(HarnessTax.note(p))).append(" |\n");
        }
        out.append('\n');
    }

    /** The data files next to the report, each a relative link. */
    private String files() {
        return Text.and(in.files().stream().map(f -> "[" + md(f) + "](" + f + ")").toList());
    }

    /** A code span, shown as it is; a pipe is escaped, which tables need even inside code. */
    static String code(String s) {
        String fence = "`".repeat(longestRun(s, '`') + 1);
        String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
        return fence + pad + s.replace('\n', ' ').replace("|", "\\|") + pad + fence;
    }

    static int longestRun(String s, char c) {
        int best = 0, run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
