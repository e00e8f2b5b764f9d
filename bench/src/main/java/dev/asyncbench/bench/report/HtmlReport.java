package dev.asyncbench.bench.report;

import dev.asyncbench.bench.run.Preset;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.Size;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import static dev.asyncbench.bench.report.Text.html;

/**
 * {@code index.html}: the whole report in one self-contained file. Inline CSS and inline SVG;
 * no script, no font, no request to anywhere, so it opens from a results folder offline.
 * Everything from the files (notes, model descriptions, sources) is HTML-escaped.
 *
 * <p>Order: overview (every scenario x model at its largest size), environment, one section
 * per scenario (reading, charts, a ranking table per size, each model's code side by side),
 * the no-harness-tax check.
 */
final class HtmlReport {

    private final RunView view;
    private final SourceFiles sources;
    private final Function<ScenarioView, List<Charts.Chart>> charts;

    HtmlReport(RunView view, SourceFiles sources, Function<ScenarioView, List<Charts.Chart>> charts) {
        this.view = view;
        this.sources = sources;
        this.charts = charts;
    }

    String render() {
        Environment env = view.env;
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>asyncbench results: ").append(html(env.preset())).append(", ").append(html(RunFacts.started(env))).append("</title>\n")
                .append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n");
        header(out);
        out.append("<main class=\"wrap\">\n");
        overview(out);
        environment(out);
        for (ScenarioView s : view.scenarios) scenario(out, s);
        harnessTax(out);
        out.append("</main>\n<footer class=\"wrap\">Rendered from <code>results.csv</code> and <code>environment.json</code> in this folder; ")
                .append("<code>./suite report DIR</code> renders it again. Columns and units: bench/RESULTS.md. Rules and ideal times: SPEC.md.</footer>\n");
        return out.append("</body>\n</html>\n").toString();
    }

    private void header(StringBuilder out) {
        Environment env = view.env;
        RunFacts.Command cmd = RunFacts.command(env);
        out.append("<header class=\"top\"><div class=\"wrap\">\n<h1>asyncbench <span>results</span></h1>\n<p class=\"meta\">")
                .append("preset <b>").append(html(env.preset())).append("</b> · ").append(html(RunFacts.started(env)))
                .append(" · took ").append(html(RunFacts.duration(env.durationSeconds())))
                .append(" · ").append(env.cores()).append(" cores · ").append(html(env.jdk())).append("</p>\n<p class=\"cmd\">Produced by ");
        if (cmd.command() != null) out.append("<code>").append(html(cmd.command())).append("</code>");
        if (!cmd.remark().isEmpty()) out.append(cmd.command() != null ? " <span class=\"muted\">(" : "<span class=\"muted\">").append(html(cmd.remark()))
                .append(cmd.command() != null ? ")</span>" : "</span>");
        out.append("</p>\n</div>\n</header>\n<nav><div class=\"wrap\"><a href=\"#overview\">Overview</a><a href=\"#environment\">Environment</a>");
        for (ScenarioView s : view.scenarios) out.append("<a href=\"#").append(Text.slug(s.id)).append("\">").append(html(s.id)).append("</a>");
        out.append("<a href=\"#harness-tax\">No harness tax</a></div></nav>\n");
    }

    private void overview(StringBuilder out) {
        out.append("<section id=\"overview\" class=\"card\">\n<h2>Overview</h2>\n<p class=\"lede\">").append(html(Readings.run(view))).append("</p>\n");
        out.append("<p class=\"muted\">Each cell: efficiency (ideal / measured time, 1 = SPEC.md's lower bound) at the scenario's largest size; ")
                .append("hover for the time. A model without a number says why.</p>\n");
        out.append("<div class=\"scroll\"><table class=\"overview\">\n<thead><tr><th>scenario</th><th>largest size</th>");
        for (String m : view.models) out.append("<th>").append(chip(m)).append("</th>");
        out.append("</tr></thead>\n<tbody>\n");
        for (ScenarioView s : view.scenarios) {
            Size size = s.sizes.getLast();
            double ideal = s.ideal(size);
            out.append("<tr><th><a href=\"#").append(Text.slug(s.id)).append("\">").append(html(s.id)).append("</a></th><td class=\"size\">")
                    .append(html(size.label())).append("</td>");
            for (String m : view.models) {
                Entry e = s.entry(m, size);
                if (e.measured()) {
                    double time = e.m().timeMs();
                    String tip = m + " at " + size.label() + ": " + Text.ms(time) + (Double.isNaN(ideal) ? "" : ", ideal " + Text.ms(ideal));
                    if (Double.isNaN(ideal)) {
                        out.append("<td class=\"cell noideal\" title=\"").append(html(tip)).append("\">").append(html(Text.ms(time))).append("</td>");
                    } else {
                        double eff = ideal / time;
                        out.append("<td class=\"cell\" style=\"background:").append(heat(eff)).append("\" title=\"").append(html(tip)).append("\">")
                                .append(html(Text.eff(eff))).append("</td>");
                    }
                } else {
                    out.append("<td class=\"cell status-").append(html(e.status())).append("\" title=\"").append(html(e.note())).append("\">")
                            .append(html(e.status())).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
        out.append("</section>\n");
    }

    private void environment(StringBuilder out) {
        Environment env = view.env;
        out.append("<section id=\"environment\" class=\"card\">\n<h2>Environment</h2>\n<dl class=\"facts\">\n");
        RunFacts.Command cmd = RunFacts.command(env);
        out.append("<dt>Command</dt><dd>").append(cmd.command() == null ? html(cmd.remark()) : "<code>" + html(cmd.command()) + "</code>"
                + (cmd.remark().isEmpty() ? "" : " <span class=\"muted\">(" + html(cmd.remark()) + ")</span>")).append("</dd>\n");
        out.append("<dt>Preset</dt><dd>").append(html(env.preset())).append("</dd>\n");
        for (RunFacts.Fact f : RunFacts.of(env)) {
            out.append("<dt>").append(html(f.label())).append("</dt><dd>")
                    .append(f.code() ? "<code>" + html(f.value()) + "</code>" : html(f.value())).append("</dd>\n");
        }
        out.append("</dl>\n<h3>Models, as configured for this run</h3>\n<dl class=\"facts models\">\n");
        for (String m : view.models) {
            String line = env.models().get(m);
            out.append("<dt>").append(chip(m)).append("</dt><dd>")
                    .append(line == null ? "<span class=\"muted\">not in environment.json</span>" : html(line)).append("</dd>\n");
        }
        out.append("</dl>\n");
        if (!env.unavailable().isEmpty()) {
            out.append("<h3>Models that could not load</h3>\n<ul>");
            for (String u : env.unavailable()) out.append("<li>").append(html(u)).append("</li>");
            out.append("</ul>\n");
        }
        if (!env.notes().isEmpty()) {
            out.append("<h3>Notes</h3>\n<dl class=\"facts\">\n");
            env.notes().forEach((k, v) -> {
                if (!k.equals("command")) out.append("<dt>").append(html(k)).append("</dt><dd>").append(html(v)).append("</dd>\n");
            });
            out.append("</dl>\n");
        }
        out.append("</section>\n");
    }

    private void scenario(StringBuilder out, ScenarioView s) {
        String slug = Text.slug(s.id);
        out.append("<section id=\"").append(slug).append("\" class=\"card scenario\" data-scenario=\"").append(html(s.id)).append("\">\n");
        out.append("<div class=\"shead\"><h2>").append(html(s.id)).append("</h2>");
        if (!s.summary().isEmpty()) out.append("<p class=\"summary\">").append(html(s.summary())).append("</p>");
        out.append("</div>\n<ul class=\"readings\">\n");
        for (String r : Readings.of(s)) out.append("<li>").append(html(r)).append("</li>\n");
        out.append("</ul>\n");

        List<Charts.Chart> list = charts.apply(s);
        if (list.isEmpty()) out.append("<p class=\"muted\">No charts: nothing was measured in this scenario; the tables say why.</p>\n");
        out.append("<div class=\"charts\">\n");
        for (Charts.Chart c : list) {
            out.append("<figure class=\"chart-").append(c.kind()).append("\">").append(c.svg());
            if (!c.footnote().isEmpty()) out.append("<figcaption>").append(html(c.footnote())).append("</figcaption>");
            out.append("</figure>\n");
        }
        out.append("</div>\n");

        out.append("<h3>Ranking</h3>\n");
        for (int i = s.sizes.size() - 1; i >= 0; i--) table(out, s, s.sizes.get(i));
        code(out, s);
        out.append("</section>\n");
    }

    private void table(StringBuilder out, ScenarioView s, Size size) {
        double ideal = s.ideal(size);
        List<Column> cols = Column.of(s);
        out.append("<div class=\"scroll\"><table class=\"ranking\" data-size=\"").append(html(size.label())).append("\">\n<caption><b>")
                .append(html(size.label())).append("</b>");
        if (!Double.isNaN(ideal)) out.append(" · ideal ").append(html(Text.ms(ideal)));
        out.append("</caption>\n<thead><tr><th>#</th><th class=\"l\">model</th><th title=\"ideal / measured time\">efficiency</th>")
                .append("<th title=\"mean wall time of one operation ± half-width of the 99.9% interval\">time ms</th>");
        for (Column c : cols) out.append("<th title=\"").append(html(c.title())).append("\">").append(html(c.head())).append("</th>");
        out.append("<th class=\"l\">status / note</th></tr></thead>\n<tbody>\n");
        int rank = 0;
        for (Entry e : s.ranked(size)) {
            Metrics m = e.m();
            out.append("<tr data-model=\"").append(html(e.model())).append("\" data-status=\"").append(html(e.status())).append("\"")
                    .append(e.measured() ? "" : " class=\"unmeasured\"").append(">");
            out.append("<td class=\"rank\">").append(e.measured() ? Integer.toString(++rank) : "").append("</td>");
            out.append("<td class=\"l\">").append(chip(e.model())).append("</td>");
            double eff = e.measured() ? ideal / m.timeMs() : Double.NaN;
            if (Double.isNaN(eff)) out.append("<td></td>");
            else out.append("<td class=\"eff\"><span class=\"bar\" style=\"width:").append(String.format(Locale.ROOT, "%.1f", Math.min(1, eff) * 100))
                    .append("%;background:").append(heatBar(eff)).append("\"></span><span class=\"v\">").append(Text.eff(eff)).append("</span></td>");
            out.append("<td class=\"time\">");
            if (e.row() != null && !Double.isNaN(m.timeMs())) {
                out.append(html(Text.num(m.timeMs())));
                if (!Double.isNaN(m.timeErrorMs())) out.append("<span class=\"err\"> ± ").append(html(Text.num(m.timeErrorMs()))).append("</span>");
            }
            out.append("</td>");
            for (Column c : cols) out.append("<td>").append(html(c.format().apply(c.value().applyAsDouble(m)))).append("</td>");
            out.append("<td class=\"l note\">");
            if (!e.status().equals("ok")) out.append("<span class=\"badge ").append(html(e.status())).append("\">").append(html(e.status())).append("</span> ");
            out.append(html(e.status().equals("ok") ? e.note() : e.reason())).append("</td></tr>\n");
        }
        out.append("</tbody></table></div>\n");
    }

    private void code(StringBuilder out, ScenarioView s) {
        Optional<String> file = SourceFiles.fileFor(s.id);
        if (file.isEmpty()) return;
        List<Optional<SourceFiles.Source>> found = s.models.stream().map(m -> sources.of(m, s.id)).toList();
        out.append("<h3 id=\"").append(Text.slug(s.id)).append("-code\">Code: <code>").append(html(file.get())).append("</code> in every model</h3>\n");
        // the facts each file states first, side by side
        out.append("<details class=\"facts\" open><summary>What each model does, from the list at the top of its file</summary>\n")
                .append("<div class=\"scroll\"><table class=\"factlist\"><thead><tr><th></th>");
        for (String m : s.models) out.append("<th>").append(chip(m)).append("</th>");
        out.append("</tr></thead><tbody>\n");
        for (String fact : SourceFiles.FACTS) {
            out.append("<tr><th>").append(fact).append("</th>");
            for (Optional<SourceFiles.Source> src : found) {
                String text = src.map(x -> SourceFiles.facts(x.text()).getOrDefault(fact, "")).orElse("");
                out.append("<td>").append(html(text)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n</details>\n<p class=\"muted\">Scroll sideways to compare; each column can fold. Numbers at ")
                .append(html(s.sizes.getLast().label())).append(". The files are those the bench jar that rendered this report carries; ")
                .append("the run measured commit <code>").append(html(view.env.gitCommit())).append("</code>.</p>\n<div class=\"code-row\">\n");
        Size largest = s.sizes.getLast();
        for (int i = 0; i < s.models.size(); i++) {
            String m = s.models.get(i);
            Entry e = s.entry(m, largest);
            out.append("<details class=\"code-col\" open data-model=\"").append(html(m)).append("\"><summary>").append(chip(m))
                    .append(" <span class=\"headline\">").append(html(headline(s, e))).append("</span></summary>\n");
            Optional<SourceFiles.Source> src = found.get(i);
            if (src.isEmpty()) {
                out.append("<p class=\"muted\">No source for ").append(html(m)).append(" in this build (the bench jar carries sources/&lt;model&gt;/).</p>");
            } else {
                SourceFiles.Source x = src.get();
                out.append("<p class=\"path\">").append(html(x.repoPath())).append("</p>");
                if (!x.note().isEmpty()) out.append("<p class=\"muted\">").append(html(x.note())).append("</p>");
                out.append("<pre class=\"code\"><code class=\"").append(x.language()).append("\">").append(CodeHighlighter.html(x.text())).append("</code></pre>");
            }
            out.append("</details>\n");
        }
        out.append("</div>\n");
    }

    private static String headline(ScenarioView s, Entry e) {
        if (!e.measured()) return e.status();
        double ideal = s.ideal(e.size());
        return Text.ms(e.m().timeMs()) + (Double.isNaN(ideal) ? "" : " · " + Text.eff(ideal / e.m().timeMs()));
    }

    private void harnessTax(StringBuilder out) {
        out.append("<section id=\"harness-tax\" class=\"card\">\n<h2>No harness tax: minimal programs vs the suite</h2>\n");
        out.append("<p class=\"muted\">Each model's minimal program does the mass gather's waits with nothing around it (no TaskScenario, no JMH). ")
                .append("If the suite measured itself rather than the model, the two would differ; differences over ")
                .append(Math.round(HarnessTax.THRESHOLD * 100)).append("% are flagged ⚑. Difference = suite relative to minimal.</p>\n");
        List<HarnessTax.Pair> pairs = HarnessTax.pairs(view);
        if (pairs.isEmpty()) {
            out.append("<p>The check did not run: results.csv has no rows with harness=minimal (it runs with gather-mass at the preset's sizes; ")
                    .append("--no-minimal or --sizes leave it out).</p>\n</section>\n");
            return;
        }
        out.append("<ul class=\"readings\">\n");
        for (String r : Readings.harnessTax(pairs)) out.append("<li>").append(html(r)).append("</li>\n");
        out.append("</ul>\n");
        List<HarnessTax.Measure> measures = HarnessTax.measures(pairs);
        out.append("<div class=\"scroll\"><table class=\"tax\">\n<thead><tr><th class=\"l\" rowspan=\"2\">model</th>");
        for (HarnessTax.Measure m : measures) out.append("<th colspan=\"3\" class=\"group\">").append(html(m.label)).append("</th>");
        out.append("</tr>\n<tr>");
        for (int i = 0; i < measures.size(); i++) out.append("<th>suite</th><th>minimal</th><th>diff</th>");
        out.append("</tr></thead>\n<tbody>\n");
        String group = null;
        int width = 1 + 3 * measures.size();
        for (HarnessTax.Pair p : pairs) {
            String g = p.scenario() + " " + p.size().label();
            if (!g.equals(group)) {
                group = g;
                out.append("<tr class=\"group-row\"><th class=\"l\" colspan=\"").append(width).append("\">").append(html(p.scenario()))
                        .append(" <code>").append(html(p.size().label())).append("</code></th></tr>\n");
            }
            out.append("<tr data-model=\"").append(html(p.model())).append("\" data-size=\"").append(html(p.size().label()))
                    .append("\"><td class=\"l\">").append(chip(p.model())).append("</td>");
            for (HarnessTax.Measure m : measures) {
                HarnessTax.Diff d = HarnessTax.diff(p, m);
                out.append("<td>").append(html(m.format.apply(d.suite()))).append("</td><td>").append(html(m.format.apply(d.minimal()))).append("</td>");
                if (!d.comparable()) out.append("<td></td>");
                else out.append("<td class=\"").append(d.flagged() ? "flag" : "fine").append("\"")
                        .append(d.withinNoise() ? " title=\"within the two error margins together\"" : "").append(">")
                        .append(d.flagged() ? "⚑ " : "").append(html(Text.pct(d.relative()))).append(d.withinNoise() ? "<sup>≈</sup>" : "").append("</td>");
            }
            out.append("</tr>\n");
            String note = taxNote(p);
            if (!note.isEmpty()) {
                out.append("<tr class=\"note-row\"><td class=\"l note\" colspan=\"").append(width).append("\"><div class=\"fit\">")
                        .append(html(note)).append("</div></td></tr>\n");
            }
        }
        out.append("</tbody></table></div>\n<p class=\"muted\"><sup>≈</sup> within the noise: the difference is smaller than the two 99.9% error margins together.</p>\n</section>\n");
    }

    /** What the two rows of a pair say beyond their numbers: status and note of each, if any. */
    static String taxNote(HarnessTax.Pair p) {
        List<String> parts = new ArrayList<>();
        if (p.suite() == null) parts.add("suite: no row at this size");
        else if (!p.suite().ok() || !p.suite().note().isEmpty()) parts.add("suite: " + rowNote(p.suite()));
        if (!p.minimal().ok() || !p.minimal().note().isEmpty()) parts.add("minimal: " + rowNote(p.minimal()));
        return String.join("; ", parts);
    }

    private static String rowNote(dev.asyncbench.bench.results.ResultRow r) {
        String note = new Entry(r.model(), r.size(), r).reason();
        if (r.ok()) return note;
        return r.status().id() + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /** A model's name with its chart colour. */
    private static String chip(String model) {
        return "<span class=\"chip\"><i style=\"background:" + ModelStyle.of(model).colour() + "\"></i>" + html(model) + "</span>";
    }

    /** Overview cell colour: red at 0 through amber to green at 1 (and above). */
    static String heat(double eff) {
        double e = Math.max(0, Math.min(1, eff));
        return String.format(Locale.ROOT, "hsl(%.0f 70%% 86%%)", Math.pow(e, 0.6) * 130);
    }

    private static String heatBar(double eff) {
        double e = Math.max(0, Math.min(1, eff));
        return String.format(Locale.ROOT, "hsl(%.0f 60%% 70%%)", Math.pow(e, 0.6) * 130);
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) throw new IllegalStateException("report.css is missing from the class path next to " + HtmlReport.class.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
