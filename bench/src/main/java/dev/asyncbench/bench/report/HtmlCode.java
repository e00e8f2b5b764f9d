package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Size;

import java.util.List;
import java.util.Optional;

import static dev.asyncbench.bench.report.HtmlReport.chip;
import static dev.asyncbench.bench.report.Text.html;

/**
 * The code of a scenario's section in {@code index.html}: the Threads / Blocking /
 * Cancellation / Errors list of each model's file side by side (the first time the report
 * shows that file), then each model's scenario methods side by side ({@link CodeListing}).
 */
final class HtmlCode {

    private final CodeListing listing;
    private final Environment env;

    HtmlCode(CodeListing listing, Environment env) {
        this.listing = listing;
        this.env = env;
    }

    void render(StringBuilder out, ScenarioView s) {
        Optional<String> file = SourceFiles.fileFor(s.id);
        if (file.isEmpty()) return;
        List<CodeListing.Column> columns = listing.columns(s);
        out.append("<h3 id=\"").append(Text.slug(s.id)).append("-code\">Code: ").append(heading(s, file.get())).append(" in every model</h3>\n");
        List<CodeListing.Column> withFacts = columns.stream().filter(c -> !c.facts().isEmpty()).toList();
        if (!withFacts.isEmpty()) {
            out.append("<details class=\"facts\" open><summary>What each model does, from the list at the top of its file</summary>\n")
                    .append("<div class=\"scroll\"><table class=\"factlist\"><thead><tr><th></th>");
            for (CodeListing.Column c : withFacts) out.append("<th>").append(chip(c.model())).append("</th>");
            out.append("</tr></thead><tbody>\n");
            for (String fact : SourceFiles.FACTS) {
                out.append("<tr><th>").append(fact).append("</th>");
                for (CodeListing.Column c : withFacts) out.append("<td>").append(html(c.facts().getOrDefault(fact, ""))).append("</td>");
                out.append("</tr>\n");
            }
            out.append("</tbody></table></div>\n</details>\n");
        } else {
            columns.stream().map(listing::headerShownUnder).filter(w -> !w.isEmpty() && !w.equals(s.id)).findFirst()
                    .ifPresent(w -> out.append("<p class=\"muted\">What each model does (the list at the top of its file): under ")
                            .append(anchor(w)).append(".</p>\n"));
        }
        out.append("<p class=\"muted\">Each model's method and what it uses from its file; the file's header comes with its first excerpt in this report, ")
                .append("and what an earlier section showed is not repeated. Numbers at ").append(html(s.sizes.getLast().label()))
                .append(". The files are those the bench jar that rendered this report carries; the run measured commit <code>")
                .append(html(env.gitCommit())).append("</code>.</p>\n<div class=\"code-row\">\n");
        Size largest = s.sizes.getLast();
        for (CodeListing.Column c : columns) {
            Entry e = s.entry(c.model(), largest);
            out.append("<details class=\"code-col\" open data-model=\"").append(html(c.model())).append("\"><summary>").append(chip(c.model()))
                    .append(" <span class=\"headline\">").append(html(headline(s, e))).append("</span></summary>\n");
            c.source().ifPresent(src -> out.append("<p class=\"path\">").append(c.link()
                    .map(href -> "<a href=\"" + html(href) + "\" title=\"the whole file\">" + html(src.repoPath()) + "</a>")
                    .orElse(html(src.repoPath()) + " <span title=\"the whole file, from the repository's root\">(whole file)</span>")).append("</p>"));
            if (!c.remark().isEmpty()) {
                out.append("<p class=\"muted\">").append(html(c.remark()));
                if (!c.where().isEmpty()) out.append(" See ").append(anchor(c.where())).append('.');
                out.append("</p>");
            }
            if (!c.code().isEmpty()) {
                String language = c.source().orElseThrow().language();
                out.append("<pre class=\"code\"><code class=\"").append(language).append("\">");
                // a Python module's docstring stands a blank line above its first function, as in the file
                String header = c.header().isEmpty() ? "" : c.header() + (language.equals("python") ? "\n\n" : "\n");
                out.append(CodeHighlighter.html(header + c.code(), language)).append("</code></pre>");
            }
            out.append("</details>\n");
        }
        out.append("</div>\n");
    }

    /** "the <code>gather</code> method", or the file for a scenario this build does not know. */
    static String heading(ScenarioView s, String file) {
        if (s.known == null) return "<code>" + html(file) + "</code>";
        List<String> methods = ScenarioTerms.methods(s.known);
        return "the " + Text.and(methods.stream().map(m -> "<code>" + html(m) + "</code>").toList()) + (methods.size() == 1 ? " method" : " methods");
    }

    private static String anchor(String scenario) {
        return "<a href=\"#" + Text.slug(scenario) + "-code\">" + html(scenario) + "</a>";
    }

    private static String headline(ScenarioView s, Entry e) {
        if (!e.measured()) return e.status();
        double ideal = s.ideal(e.size());
        return Text.ms(e.m().timeMs()) + (Double.isNaN(ideal) ? "" : " · " + Text.eff(ideal / e.m().timeMs()));
    }
}
