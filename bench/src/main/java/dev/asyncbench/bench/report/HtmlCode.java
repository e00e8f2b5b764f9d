package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Size;

import java.util.List;
import java.util.Optional;

import static dev.asyncbench.bench.report.HtmlReport.chip;
import static dev.asyncbench.bench.report.Text.html;

/** The code of a scenario's section in {@code index.html}: each model's file, side by side. */
final class HtmlCode {

    private final SourceFiles sources;
    private final Environment env;

    HtmlCode(SourceFiles sources, Environment env) {
        this.sources = sources;
        this.env = env;
    }

    void render(StringBuilder out, ScenarioView s) {
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
                .append("the run measured commit <code>").append(html(env.gitCommit())).append("</code>.</p>\n<div class=\"code-row\">\n");
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
}
