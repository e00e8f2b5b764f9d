package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.ResultSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report of a run, next to its results: {@code index.html} (self-contained, charts inline,
 * each model's code side by side), {@code report.md} (the same in Markdown) and
 * {@code charts/*.svg} (the charts report.md shows). Rendering again replaces them.
 */
final class StandardReport implements ReportWriter {

    static final String HTML = "index.html";
    static final String MARKDOWN = "report.md";
    static final String CHARTS = "charts";

    private final SourceFiles sources;

    StandardReport() {
        this(new SourceFiles());
    }

    StandardReport(SourceFiles sources) {
        this.sources = sources;
    }

    @Override
    public Path write(ResultSet results, Path dir) throws IOException {
        RunView view = RunView.of(results);
        Map<String, List<Charts.Chart>> charts = new LinkedHashMap<>();
        for (ScenarioView s : view.scenarios) charts.put(s.id, Charts.of(s));

        Files.createDirectories(dir);
        Path chartDir = dir.resolve(CHARTS);
        Files.createDirectories(chartDir);
        Set<String> written = new HashSet<>();
        for (List<Charts.Chart> list : charts.values()) {
            for (Charts.Chart c : list) {
                String name = c.key() + ".svg";
                Files.writeString(chartDir.resolve(name), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + c.svg() + "\n", StandardCharsets.UTF_8);
                written.add(name);
            }
        }
        // charts of an earlier rendering that this one does not have
        try (DirectoryStream<Path> old = Files.newDirectoryStream(chartDir, "*.svg")) {
            for (Path p : old) if (!written.contains(p.getFileName().toString())) Files.delete(p);
        }
        List<String> files = RunFacts.DATA_FILES.stream().filter(f -> Files.isRegularFile(dir.resolve(f))).toList();
        ReportInputs in = new ReportInputs(view, s -> charts.get(s.id), files, sources, CodeListing.linksFrom(dir));
        Files.writeString(dir.resolve(MARKDOWN), new MarkdownReport(in).render(), StandardCharsets.UTF_8);
        Path html = dir.resolve(HTML);
        Files.writeString(html, new HtmlReport(in).render(), StandardCharsets.UTF_8);
        return html;
    }
}
