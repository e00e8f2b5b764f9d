package dev.asyncbench.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The models' scenario files travel with the bench (bench/pom.xml copies them) and read side by side. */
class SourceFilesTest {

    static final List<String> SCENARIOS = List.of("hello", "gather", "gather-mass", "http-fan-out", "files", "db", "aggregate",
            "timeout", "fail-fast", "collect-all", "race");
    /** The asyncio row's: every scenario, retry and load too. */
    static final List<String> ASYNCIO_SCENARIOS = List.of("hello", "gather", "gather-mass", "http-fan-out", "files", "db", "aggregate",
            "timeout", "fail-fast", "collect-all", "race", "retry", "load");

    @Test
    void everyModelsFileForEveryScenarioIsOnTheClassPath() {
        SourceFiles sources = new SourceFiles();
        for (String model : Fixtures.MODELS) {
            for (String scenario : SCENARIOS) {
                var src = sources.of(model, scenario);
                assertTrue(src.isPresent(), model + " / " + scenario + ": expected sources/<folder>/"
                        + SourceFiles.fileFor(scenario).orElseThrow() + ".* in the bench's classes (bench/pom.xml, execution model-sources)");
                assertTrue(src.get().text().contains("class " + SourceFiles.fileFor(scenario).orElseThrow())
                        || src.get().text().contains("object " + SourceFiles.fileFor(scenario).orElseThrow()), src.get().repoPath());
            }
        }
        assertEquals("kotlin", sources.of("coroutines", "race").orElseThrow().language());
        assertEquals("core/src/main/java/dev/asyncbench/core/sequential/Gather.java", sources.of("sequential", "fail-fast").orElseThrow().repoPath());
        assertFalse(sources.of("threads-per-task", "db").orElseThrow().note().isEmpty(), "says it shares the threads files");
    }

    @Test
    void scenariosMapToTheirFileNames() {
        assertEquals("Gather", SourceFiles.fileFor("gather-mass").orElseThrow());
        assertEquals("Gather", SourceFiles.fileFor("collect-all").orElseThrow());
        assertEquals("FileDigests", SourceFiles.fileFor("files").orElseThrow());
        assertEquals("HttpFanOut", SourceFiles.fileFor("http-fan-out").orElseThrow());
        assertTrue(SourceFiles.fileFor("no-such-scenario").isEmpty());
    }

    @Test
    void aMissingFileIsEmptyNotAnError() {
        SourceFiles none = new SourceFiles(path -> null);
        assertTrue(none.of("rx", "hello").isEmpty());
        SourceFiles one = new SourceFiles(path -> path.equals("sources/my-model/Hello.java") ? "final class Hello {}" : null);
        assertEquals("Hello.java", one.of("my-model", "hello").orElseThrow().file());
    }

    @Test
    void factsComeFromTheJavadocList() {
        String java = """
                /**
                 * Scenario 1.
                 *
                 * <ul>
                 *   <li>Threads: the wait runs on the model's executor; the caller waits with
                 *       {@code Future.get}.
                 *   <li>Blocking: {@link Thread#sleep(Duration)} holds the thread.
                 *   <li>Cancellation: an interrupted caller cancels the task.
                 *   <li>Errors: none expected.
                 * </ul>
                 */
                final class Hello {}
                """;
        Map<String, String> facts = SourceFiles.facts(java);
        assertEquals(List.of("Threads", "Blocking", "Cancellation", "Errors"), List.copyOf(facts.keySet()));
        assertEquals("the wait runs on the model's executor; the caller waits with Future.get.", facts.get("Threads"));
        assertEquals("Thread.sleep(Duration) holds the thread.", facts.get("Blocking"));
        assertEquals("none expected.", facts.get("Errors"));
    }

    @Test
    void factsComeFromTheKdocList() {
        String kotlin = """
                /**
                 * Scenario 1.
                 *
                 * - Threads: the caller's coroutine, on Dispatchers.Default.
                 * - Blocking: none; `delay` suspends on a timer
                 *   and frees the thread.
                 * - Cancellation: `delay` is cancellable.
                 * - Errors: none expected.
                 */
                internal object Hello
                """;
        Map<String, String> facts = SourceFiles.facts(kotlin);
        assertEquals("none; delay suspends on a timer and frees the thread.", facts.get("Blocking"));
        assertEquals(4, facts.size());
    }

    @Test
    void everyScenarioFileOfEveryModelStatesItsFacts() {
        SourceFiles sources = new SourceFiles();
        for (String model : Fixtures.MODELS) {
            for (String scenario : SCENARIOS) {
                var src = sources.of(model, scenario).orElseThrow();
                Map<String, String> facts = SourceFiles.facts(src.text());
                for (String f : SourceFiles.FACTS) {
                    assertFalse(facts.getOrDefault(f, "").isBlank(), src.repoPath() + " should open with a '" + f + ":' item; found " + facts);
                }
            }
        }
    }

    @Test
    void factsComeFromThePythonModuleDocstring() {
        String python = """
                #!/usr/bin/env python3
                \"""Scenario 1: log "Hello", wait, log "world".

                - Threads: the event loop's one thread; nothing runs
                  while the pause lasts.
                - Blocking: none; ``asyncio.sleep`` suspends the coroutine.
                - Cancellation: cancelling the task ends ``asyncio.sleep``.
                - Errors: none expected; a pause below zero is refused.
                \"""

                import asyncio
                """;
        Map<String, String> facts = SourceFiles.facts(python);
        assertEquals(List.of("Threads", "Blocking", "Cancellation", "Errors"), List.copyOf(facts.keySet()));
        assertEquals("the event loop's one thread; nothing runs while the pause lasts.", facts.get("Threads"));
        assertEquals("none; asyncio.sleep suspends the coroutine.", facts.get("Blocking"), "``double backticks`` become plain text");
        assertEquals("none expected; a pause below zero is refused.", facts.get("Errors"), "the closing quotes are not text");
    }

    @Test
    void pythonNamesItsFilesInSnakeCase() {
        assertEquals("http_fan_out", SourceFiles.snake("HttpFanOut"));
        assertEquals("fetch_with_timeout", SourceFiles.snake("fetchWithTimeout"));
        assertEquals("db", SourceFiles.snake("Db"));
        SourceFiles one = new SourceFiles(path -> path.equals("sources/my-model/file_digests.py") ? "\"\"\"Files.\"\"\"\n" : null);
        SourceFiles.Source src = one.of("my-model", "files").orElseThrow();
        assertEquals("file_digests.py", src.file());
        assertEquals("python", src.language());
    }

    @Test
    void theAsyncioRowsFilesAreFoundInItsModuleWithTheirFacts() {
        assertEquals("asyncio-impl/asyncbench_asyncio", SourceFiles.folder("asyncio"), "not on the class path: found by its module, asyncio-impl");
        assertTrue(ReportSources.hasScenarioFiles("asyncio"));
        SourceFiles sources = new SourceFiles();
        for (String scenario : ASYNCIO_SCENARIOS) {
            SourceFiles.Source src = sources.of("asyncio", scenario).orElseThrow(() -> new AssertionError("asyncio / " + scenario
                    + ": expected sources/asyncio-impl/asyncbench_asyncio/<file>.py in the bench's classes (bench/pom.xml, execution model-sources)"));
            assertEquals("python", src.language());
            assertEquals("asyncio-impl/asyncbench_asyncio/" + SourceFiles.snake(SourceFiles.fileFor(scenario).orElseThrow()) + ".py", src.repoPath());
            assertEquals("", src.note());
            Map<String, String> facts = SourceFiles.facts(src.text());
            for (String f : SourceFiles.FACTS) {
                assertFalse(facts.getOrDefault(f, "").isBlank(), src.repoPath() + " should open with a '- " + f + ":' item; found " + facts);
            }
        }
    }
}
