package dev.asyncbench.bench.report;


import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Size;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static dev.asyncbench.bench.report.Text.html;

/**
 * {@code index.html}: the whole report in one self-contained file. Inline CSS (light or dark as
 * the reader's system is), inline SVG, a small inline script (a chart's legend hides a series,
 * a ranking table sorts by a column; the page reads the same without it); no font, no request
 * to anywhere, so it opens from a results folder offline. Everything from the files (notes,
 * model descriptions, sources) is HTML-escaped.
 *
 * <p>Order: a banner when the run was interrupted (what follows is part of its plan), overview
 * (every scenario x model at its largest size), environment, one section per scenario
 * ({@link HtmlScenario}: reading, charts, a ranking table per size, each model's code side by
 * side), the no-harness-tax check ({@link HtmlHarness}), asyncio beside the JVM ({@link Runtimes}). This class is the page around them.
 */
final class HtmlReport {

    private final ReportInputs in;
    private final RunView view;

    HtmlReport(ReportInputs in) {
        this.in = in;
        this.view = in.view();
    }

    String render() {
        Environment env = view.env;
        StringBuilder out = new StringBuilder(1 << 20);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>asyncbench results").append(env.wasInterrupted() ? " (incomplete)" : "").append(": ").append(html(env.preset())).append(", ").append(html(RunFacts.started(env))).append("</title>\n")
                .append("<style>\n").append(resource("report.css")).append("</style>\n</head>\n<body>\n");
        RunFacts.interrupted(env).ifPresent(why -> out.append("<div class=\"interrupted\" role=\"alert\"><div class=\"wrap\"><b>Incomplete run.</b> ")
                .append(html(why)).append("</div></div>\n"));
        header(out);
        out.append("<main class=\"wrap\">\n");
        overview(out);
        Runtimes.renderHtml(out, view);
        environment(out);
        HtmlScenario scenarios = new HtmlScenario(in.charts(), new HtmlCode(in.listing(false), env));
        for (ScenarioView s : view.scenarios) scenarios.render(out, s);
        HtmlHarness.render(out, view);
        out.append("</main>\n<footer class=\"wrap\">Rendered from ").append(in.files().isEmpty() ? "<code>results.csv</code> and <code>environment.json</code>" : files())
                .append(" in this folder; ")
                .append("<code>./suite report DIR</code> renders it again. Columns and units: bench/RESULTS.md. Rules and ideal times: SPEC.md.</footer>\n");
        return out.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n").toString();
    }

    private void header(StringBuilder out) {
        Environment env = view.env;
        out.append("<header class=\"top\"><div class=\"wrap\">\n<h1>asyncbench <span>results</span></h1>\n<p class=\"meta\">")
                .append("preset <b>").append(html(env.preset())).append("</b> · ").append(html(RunFacts.started(env)))
                .append(" · took ").append(html(RunFacts.duration(env.durationSeconds())))
                .append(" · ").append(env.cores()).append(" cores · ").append(html(env.jdk())).append("</p>\n");
        RunFacts.command(env).ifPresent(c -> out.append("<p class=\"cmd\">Produced by <code>").append(html(c)).append("</code></p>\n"));
        if (!in.files().isEmpty()) out.append("<p class=\"cmd\">Data: ").append(files()).append("</p>\n");
        out.append("</div>\n</header>\n<nav><div class=\"wrap\"><a href=\"#overview\">Overview</a>");
        if (!Runtimes.of(view).isEmpty()) out.append("<a href=\"#runtimes\">asyncio vs JVM</a>");
        out.append("<a href=\"#environment\">Environment</a>");
        for (ScenarioView s : view.scenarios) out.append("<a href=\"#").append(Text.slug(s.id)).append("\">").append(html(s.id)).append("</a>");
        out.append("<a href=\"#harness-tax\">No harness tax</a></div></nav>\n");
    }

    private void overview(StringBuilder out) {
        out.append("<section id=\"overview\" class=\"card\">\n<h2>Overview</h2>\n<p class=\"lede\">").append(html(Readings.run(view))).append("</p>\n");
        out.append("<p class=\"muted\">Each cell: efficiency (ideal / measured time, 1 = SPEC.md's lower bound) at the scenario's largest size; ")
                .append("hover for the time. A model without a number says why. Below, hover a chart's point for its figures, click a legend entry ")
                .append("to hide or show that series, click a ranking table's column heading to sort by it.</p>\n");
        out.append("<div class=\"scroll\"><table class=\"overview\">\n<thead><tr><th>scenario</th><th>largest size</th>");
        for (String m : view.models) {
            String runtime = view.runtime(m);
            out.append("<th>").append(chip(m)).append(runtime == null ? "" : "<br><small class=\"muted\">" + html(runtime) + "</small>").append("</th>");
        }
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
        out.append("<dt>Command</dt><dd>").append(RunFacts.command(env).map(c -> "<code>" + html(c) + "</code>")
                .orElse("<span class=\"muted\">not recorded</span>")).append("</dd>\n");
        out.append("<dt>Preset</dt><dd>").append(html(env.preset())).append("</dd>\n");
        for (RunFacts.Fact f : RunFacts.of(env)) {
            out.append("<dt>").append(html(f.label())).append("</dt><dd>")
                    .append(f.code() ? "<code>" + html(f.value()) + "</code>" : html(f.value())).append("</dd>\n");
        }
        out.append("</dl>\n<h3>Models, as configured for this run</h3>\n<dl class=\"facts models\">\n");
        for (String m : view.models) {
            String line = env.models().containsKey(m) ? RunFacts.plain(env.models().get(m)) : null;
            out.append("<dt>").append(chip(m)).append("</dt><dd>")
                    .append(line == null ? "<span class=\"muted\">not in environment.json</span>" : html(line)).append("</dd>\n");
        }
        out.append("</dl>\n");
        if (!env.unavailable().isEmpty()) {
            out.append("<h3>Models that could not load</h3>\n<ul>");
            for (String u : env.unavailable()) out.append("<li>").append(html(RunFacts.plain(u))).append("</li>");
            out.append("</ul>\n");
        }
        Map<String, String> notes = RunFacts.notes(env);
        if (!notes.isEmpty()) {
            out.append("<h3>Notes</h3>\n<dl class=\"facts\">\n");
            notes.forEach((k, v) -> out.append("<dt>").append(html(k)).append("</dt><dd>").append(html(v)).append("</dd>\n"));
            out.append("</dl>\n");
        }
        out.append("</section>\n");
    }

    /** The data files next to the page, each a relative link: "results.csv, environment.json and jmh-result.json". */
    private String files() {
        return Text.and(in.files().stream().map(f -> "<a href=\"" + html(f) + "\"><code>" + html(f) + "</code></a>").toList());
    }

    /** A model's name with its chart colour. */
    static String chip(String model) {
        return "<span class=\"chip\"><i style=\"background:" + ModelStyle.of(model).colour() + "\"></i>" + html(model) + "</span>";
    }

    /** Overview cell colour: red at 0 through amber to green at 1 (and above). */
    static String heat(double eff) {
        double e = Math.max(0, Math.min(1, eff));
        return String.format(Locale.ROOT, "hsl(%.0f 70%% 86%%)", Math.pow(e, 0.6) * 130);
    }

    /** report.css or report.js, from the class path next to this class. */
    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path next to " + HtmlReport.class.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
