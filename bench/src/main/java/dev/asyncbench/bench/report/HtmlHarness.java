package dev.asyncbench.bench.report;

import java.util.List;

import static dev.asyncbench.bench.report.HtmlReport.chip;
import static dev.asyncbench.bench.report.Text.html;

/** The no-harness-tax section of {@code index.html}: readings, then suite and minimal side by side per measure. */
final class HtmlHarness {
    private HtmlHarness() {
    }

    static void render(StringBuilder out, RunView view) {
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
        for (String r : HarnessReadings.of(pairs)) out.append("<li>").append(html(r)).append("</li>\n");
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
            String note = HarnessTax.note(p);
            if (!note.isEmpty()) {
                out.append("<tr class=\"note-row\"><td class=\"l note\" colspan=\"").append(width).append("\"><div class=\"fit\">")
                        .append(html(note)).append("</div></td></tr>\n");
            }
        }
        out.append("</tbody></table></div>\n<p class=\"muted\"><sup>≈</sup> within the noise: the difference is smaller than the two 99.9% error margins together.</p>\n</section>\n");
    }
}
