package dev.asyncbench.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asyncio-beside-CompletableFuture table, from a real run of both (the mass gather at N=5000). */
class RuntimesTest {

    @TempDir
    Path dir;

    @Test
    void theTableSetsAsyncioBesideFuturesAtEverySizeBothRanWithTheRatio() {
        RunView view = RunView.of(Fixtures.asyncioRun(dir));
        List<Runtimes.Pair> pairs = Runtimes.of(view);
        assertEquals(1, pairs.size(), pairs.toString());
        Runtimes.Pair p = pairs.getFirst();
        assertEquals("asyncio", p.asyncio().model());
        assertEquals("futures", p.jvm().model());
        assertEquals(p.asyncio().metrics().timeMs() / p.jvm().metrics().timeMs(), p.timeRatio(), 1e-9);

        StringBuilder html = new StringBuilder();
        Runtimes.renderHtml(html, view);
        assertTrue(html.toString().contains("id=\"runtimes\"") && html.toString().contains("asyncio / futures")
                && html.toString().contains(Text.times(p.timeRatio())), html.toString());
        assertTrue(html.toString().contains("CPython 3.11.2"), "the runtime is named: " + html);
        StringBuilder md = new StringBuilder();
        Runtimes.renderMarkdown(md, view);
        assertTrue(md.toString().contains("| | asyncio / futures | **" + Text.times(p.timeRatio()) + "**"), md.toString());
    }

    @Test
    void aRunWithoutTheAsyncioRowHasNoTable() {
        RunView view = RunView.of(Fixtures.fullSample(dir));
        assertTrue(Runtimes.of(view).isEmpty());
        StringBuilder html = new StringBuilder();
        Runtimes.renderHtml(html, view);
        assertEquals("", html.toString());
    }
}
