package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.Entry;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Size;

import java.util.List;
import java.util.Optional;

import static dev.asyncbench.bench.report.MarkdownReport.code;
import static dev.asyncbench.bench.report.MarkdownReport.longestRun;
import static dev.asyncbench.bench.report.Text.md;

/**
 * The code of a scenario's section in {@code report.md}: each model's scenario methods
 * ({@link CodeListing}), folded, one after another; with a file's first excerpt, the Threads /
 * Blocking / Cancellation / Errors list of its header comment, as text.
 */
final class MarkdownCode {

    private final CodeListing listing;
    private final Environment env;
    private boolean first = true;

    MarkdownCode(CodeListing listing, Environment env) {
        this.listing = listing;
        this.env = env;
    }

    void render(StringBuilder out, ScenarioView s) {
        Optional<String> file = SourceFiles.fileFor(s.id);
        if (file.isEmpty()) return;
        List<CodeListing.Column> columns = listing.columns(s);
        String what = s.known == null ? code(file.get()) : "the " + Text.and(ScenarioTerms.methods(s.known).stream().map(MarkdownReport::code).toList())
                + (ScenarioTerms.methods(s.known).size() == 1 ? " method" : " methods");
        Size largest = s.sizes.getLast();
        out.append("### Code: ").append(what).append(" in every model\n\n");
        if (first) {
            out.append("Each model's method, without the rest of its file (each links its whole file); what the model does (threads, blocking, ")
                    .append("cancellation, errors, from the file's header) comes with its first excerpt in this report, and what an earlier section showed is not repeated. ")
                    .append("The files are those the bench jar that rendered this report carries; the run measured commit ")
                    .append(code(env.gitCommit())).append(".\n\n");
            first = false;
        }
        out.append("Times at ").append(md(largest.label())).append(".\n\n");
        for (CodeListing.Column c : columns) {
            Entry e = s.entry(c.model(), largest);
            String headline = e.measured() ? Text.ms(e.m().timeMs()) : e.status();
            // linked, the file's name says enough (the link holds its path); else its path from the repository's root
            String path = c.source().map(src -> c.link().map(href -> "[" + md(src.file()) + "](" + href + ")").orElse(code(src.repoPath())))
                    .orElse("no source in this build");
            String remark = c.remark().isEmpty() ? "" : md(c.remark()) + (c.where().isEmpty() ? "" : " See [" + md(c.where()) + "](#" + Text.slug(c.where()) + ").");
            if (c.code().isEmpty()) {
                out.append("**").append(md(c.model())).append("** (").append(md(headline)).append("): ").append(remark.isEmpty() ? path : remark).append("\n\n");
                continue;
            }
            out.append("<details><summary><b>").append(Text.html(c.model())).append("</b> (").append(Text.html(headline)).append(")</summary>\n\n")
                    .append(path).append(remark.isEmpty() ? "" : ". " + remark).append("\n\n");
            // the file's header comment, once: its list of what the model does, as text
            c.facts().forEach((fact, text) -> out.append("- ").append(fact).append(": ").append(md(text)).append('\n'));
            if (!c.facts().isEmpty()) out.append('\n');
            String fence = "`".repeat(Math.max(3, longestRun(c.code(), '`') + 1));
            out.append(fence).append(c.source().orElseThrow().language()).append('\n').append(c.code());
            if (!c.code().endsWith("\n")) out.append('\n');
            out.append(fence).append("\n\n</details>\n\n");
        }
        out.append('\n');
    }
}
