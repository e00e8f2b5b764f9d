package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.Size;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import static dev.asyncbench.bench.report.HtmlReport.chip;
import static dev.asyncbench.bench.report.Text.html;

/**
 * One scenario's section of {@code index.html}: its summary and readings, its charts, a
 * ranking table per size (largest first) and each model's code ({@link HtmlCode}).
 */
final class HtmlScenario {

    private final Function<ScenarioView, List<Charts.Chart>> charts;
    private final HtmlCode code;

    HtmlScenario(Function<ScenarioView, List<Charts.Chart>> charts, HtmlCode code) {
        this.charts = charts;
        this.code = code;
    }

    void render(StringBuilder out, ScenarioView s) {
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
        Set<String> said = new HashSet<>();
        for (Charts.Chart c : list) {
            out.append("<figure class=\"chart-").append(c.kind()).append("\">").append(c.svg());
            String footnote = Charts.unsaid(c.footnote(), said);
            if (!footnote.isEmpty()) out.append("<figcaption>").append(html(footnote)).append("</figcaption>");
            out.append("</figure>\n");
        }
        out.append("</div>\n");

        out.append("<h3>Ranking</h3>\n");
        if (Column.cold(s)) out.append("<p class=\"muted legend\">").append(html(Column.COLD_LEGEND)).append("</p>\n");
        for (int i = s.sizes.size() - 1; i >= 0; i--) table(out, s, s.sizes.get(i));
        code.render(out, s);
        out.append("</section>\n");
    }

    private void table(StringBuilder out, ScenarioView s, Size size) {
        double ideal = s.ideal(size);
        List<Column> cols = Column.of(s, size);
        out.append("<div class=\"scroll\"><table class=\"ranking\" data-size=\"").append(html(size.label())).append("\">\n<caption><b>")
                .append(html(size.label())).append("</b>");
        if (!Double.isNaN(ideal)) out.append(" · ideal ").append(html(Text.ms(ideal)));
        out.append("</caption>\n<thead><tr><th>#</th><th class=\"l\">model</th><th title=\"ideal / measured time\">efficiency</th>")
                .append(Column.cold(s) ? head("time ms", Column.STEADY, Column.STEADY_TITLE)
                        : head("time ms", "", "mean wall time of one operation ± half-width of the 99.9% interval"));
        for (Column c : cols) out.append(head(c.head(), c.sub(), c.title()));
        out.append("</tr></thead>\n<tbody>\n");
        int width = 4 + cols.size();
        int rank = 0;
        for (Entry e : s.ranked(size)) {
            Metrics m = e.m();
            out.append("<tr data-model=\"").append(html(e.model())).append("\" data-status=\"").append(html(e.status())).append("\"")
                    .append(e.measured() ? "" : " class=\"unmeasured\"").append(">");
            out.append("<td class=\"rank\">").append(e.measured() ? Integer.toString(++rank) : "").append("</td>");
            out.append("<td class=\"l\">").append(chip(e.model()));
            if (!e.status().equals("ok")) out.append(" <span class=\"badge ").append(html(e.status())).append("\">").append(html(e.status())).append("</span>");
            out.append("</td>");
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
            out.append("</tr>\n");
            // a note takes the row below, as wide as the table and no wider: it wraps instead of widening or clipping it
            String note = e.status().equals("ok") ? e.note() : e.reason();
            if (!note.isEmpty()) {
                out.append("<tr class=\"note-row\" data-note-for=\"").append(html(e.model())).append("\"><td></td><td class=\"l note\" colspan=\"")
                        .append(width - 1).append("\"><div class=\"fit\">").append(html(note)).append("</div></td></tr>\n");
            }
        }
        out.append("</tbody></table></div>\n");
    }

    /**
     * A heading with its tooltip, and under it what sets it apart, if anything; in a table too
     * wide for the page that line may break after a comma ("first op, / fresh JVM"), never
     * inside a phrase.
     */
    private static String head(String head, String sub, String title) {
        String phrases = sub.replace(" ", "\u00a0").replace(",\u00a0", ", ");
        return "<th title=\"" + html(title) + "\">" + html(head) + (sub.isEmpty() ? "" : "<span class=\"sub\">" + html(phrases) + "</span>") + "</th>";
    }

    private static String heatBar(double eff) {
        double e = Math.max(0, Math.min(1, eff));
        return String.format(Locale.ROOT, "hsl(%.0f 60%% 70%%)", Math.pow(e, 0.6) * 130);
    }
}
