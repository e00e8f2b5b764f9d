package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.OutputFailure;
import dev.asyncbench.bench.results.OutputFolder;
import dev.asyncbench.bench.results.ResultSet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report of a run, next to its results: {@code index.html} (self-contained, charts inline,
 * each model's code side by side), {@code report.md} (the same in Markdown) and
 * {@code charts/*.svg} (the charts report.md shows). Rendering again replaces them, each file
 * whole or not at all ({@link OutputFolder}): the charts first, then report.md, then
 * index.html, then the old charts no page links any more. Everything is rendered before the
 * first file is written, so a rendering that fails writes nothing.
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
    public Path write(ResultSet results, Path dir) {
        RunView view = RunView.of(results);
        Map<String, List<Charts.Chart>> charts = new LinkedHashMap<>();
        for (ScenarioView s : view.scenarios) charts.put(s.id, Charts.of(s));
        List<String> files = RunFacts.DATA_FILES.stream().filter(f -> Files.isRegularFile(dir.resolve(f))).toList();
        ReportInputs in = new ReportInputs(view, s -> charts.get(s.id), files, sources, CodeListing.linksFrom(dir));
        String markdown = new MarkdownReport(in).render();
        String page = new HtmlReport(in).render();

        Path chartDir = dir.resolve(CHARTS);
        OutputFolder.createFolder(chartDir);
        Set<String> written = new HashSet<>();
        for (List<Charts.Chart> list : charts.values()) {
            for (Charts.Chart c : list) {
                String name = c.key() + ".svg";
                OutputFolder.write(chartDir.resolve(name), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + c.svg() + "\n");
                written.add(name);
            }
        }
        OutputFolder.write(dir.resolve(MARKDOWN), markdown);
        Path html = dir.resolve(HTML);
        OutputFolder.write(html, page);
        removeOldCharts(chartDir, written);
        return html;
    }

    /** Charts of an earlier rendering that this one does not have, once the pages that linked them are replaced. */
    private static void removeOldCharts(Path chartDir, Set<String> written) {
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> svgs = Files.newDirectoryStream(chartDir, "*.svg")) {
            for (Path p : svgs) if (!written.contains(p.getFileName().toString())) old.add(p);
        } catch (IOException e) {
            throw OutputFailure.of("list", chartDir, e);
        }
        for (Path p : old) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw OutputFailure.of("remove the old chart", p, e);
            }
        }
    }
}
