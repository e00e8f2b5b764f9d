package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.Metrics;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal report: {@code report.md} with the environment and one table per scenario.
 * (The full renderer, with index.html and charts, replaces this.)
 */
final class MarkdownReport implements ReportWriter {

    @Override
    public Path write(ResultSet results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("report.md");
        Files.writeString(file, render(results), StandardCharsets.UTF_8);
        return file;
    }

    static String render(ResultSet results) {
        Environment env = results.environment();
        StringBuilder out = new StringBuilder("# asyncbench results\n\n");
        out.append("- preset: ").append(env.preset()).append(", started ").append(env.started())
                .append(String.format(Locale.ROOT, ", took %.0f s%n", env.durationSeconds()));
        out.append("- JDK: ").append(env.jdk()).append("; fork flags: `").append(String.join(" ", env.forkFlags())).append("`\n");
        out.append("- machine: ").append(env.cores()).append(" cores, ").append(env.memoryBytes() >> 30).append(" GiB, ").append(env.os()).append('\n');
        out.append("- database: ").append(env.database()).append('\n');
        out.append("- HTTP server: ").append(env.server()).append("; client: ").append(env.httpClient()).append('\n');
        out.append("- commit: ").append(env.gitCommit()).append("\n\n## Models\n\n");
        env.models().forEach((name, line) -> out.append("- **").append(name).append("**: ").append(line).append('\n'));
        for (String u : env.unavailable()) out.append("- unavailable: ").append(u).append('\n');
        for (BenchScenario s : BenchScenario.values()) {
            List<ResultRow> rows = new ArrayList<>(results.rows().stream().filter(r -> r.scenario().equals(s.id())).toList());
            if (rows.isEmpty()) continue;
            out.append("\n## ").append(s.id()).append("\n\n").append(s.summary()).append("\n\n");
            out.append("| size | model | harness | time ms | ± | ideal ms | efficiency | p99 ms | CPU ms/op | alloc MB/op | peak threads | status |\n");
            out.append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
            for (ResultRow r : rows) {
                Metrics m = r.metrics();
                out.append("| ").append(r.size().label()).append(" | ").append(r.model()).append(" | ").append(r.harness())
                        .append(" | ").append(num(m.timeMs())).append(" | ").append(num(m.timeErrorMs()))
                        .append(" | ").append(num(m.idealMs())).append(" | ").append(pct(m.efficiency()))
                        .append(" | ").append(num(m.p99Ms())).append(" | ").append(num(m.cpuMsPerOp()))
                        .append(" | ").append(num(m.allocBytesPerOp() / 1e6)).append(" | ").append(num(m.threadsPeak()))
                        .append(" | ").append(r.status().id()).append(r.note().isEmpty() ? "" : ": " + r.note().replace("|", "/"))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "";
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.0f%%", v * 100);
    }
}
