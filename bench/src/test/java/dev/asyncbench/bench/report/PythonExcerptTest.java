package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.CodeExcerpt.Kind;
import dev.asyncbench.bench.report.CodeExcerpt.Member;
import dev.asyncbench.bench.results.BenchScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asyncio row's Python files in the report, cut as the JVM models' files are: the scenario's functions and what they use. */
class PythonExcerptTest {

    static final String PYTHON = """
            #!/usr/bin/env python3
            \"\"\"Scenario 2: gather.

            - Threads: the event loop's one thread runs every task between its waits; none holds a thread
              while it waits.
            - Blocking: none; each task waits with ``asyncio.sleep``.
            - Cancellation: a failing task cancels every sibling.
            - Errors: the first ``TaskFailedError``, as it is.
            \"\"\"

            import asyncio
            from .specs import (GatherSpec,
                                Task)

            SEED = 7            # a constant
            LIMITS = {
                "tasks": 10,
            }


            async def gather_many(spec: GatherSpec) -> int:
                \"\"\"N at once.\"\"\"
                async def one(i: int) -> int:
                    await asyncio.sleep(0)
                    return i + SEED

                return sum(await asyncio.gather(*(one(i) for i in range(spec.tasks))))


            # the pool runs this one
            @staticmethod
            def digest(text: str) -> str:
                '''Blocks.'''
                return text + "def not_a_member():"


            async def gather(spec: GatherSpec) -> list[str]:
                loop = asyncio.get_running_loop()
                return [await loop.run_in_executor(None, digest, t) for t in spec.tasks]


            class Held:
                \"\"\"What a task holds.\"\"\"
                value: int
            """;

    @Test
    void pythonMembersAreTheTopLevelDefinitionsWithoutImportsOrDocstrings() {
        CodeExcerpt x = CodeExcerpt.parse(PYTHON, "gather", "python");
        assertTrue(x.header().startsWith("\"\"\"Scenario 2: gather.") && x.header().endsWith("as it is.\n\"\"\""), x.header());
        assertEquals("", x.declaration(), "no type around a module's functions");
        assertEquals(List.of("SEED", "LIMITS", "gather_many", "digest", "gather", "Held"), x.members().stream().map(Member::name).toList());
        assertEquals(List.of(Kind.FIELD, Kind.FIELD, Kind.METHOD, Kind.METHOD, Kind.METHOD, Kind.TYPE), x.members().stream().map(Member::kind).toList());
        Member many = x.members().get(2);
        assertTrue(many.text().startsWith("async def gather_many(spec: GatherSpec) -> int:\n    async def one("), "its docstring goes: " + many.text());
        assertTrue(many.text().endsWith("for i in range(spec.tasks))))"), "a nested function and a blank line stay inside: " + many.text());
        Member digest = x.members().get(3);
        assertTrue(digest.text().startsWith("# the pool runs this one\n@staticmethod\ndef digest(text: str) -> str:\n    return text"),
                "comments and decorators above belong to it: " + digest.text());
        assertFalse(x.members().stream().anyMatch(m -> m.text().contains("import")), "no imports");
    }

    @Test
    void anExcerptHoldsTheFunctionAndWhatItUsesEvenPassedAsAValue() {
        CodeExcerpt x = CodeExcerpt.parse(PYTHON, "gather", "python");
        assertEquals(List.of("digest", "gather"), x.chosen(List.of("gather")).stream().map(Member::name).toList(), "digest is passed, not called");
        assertEquals(List.of("SEED", "gather_many"), x.chosen(List.of("gather_many")).stream().map(Member::name).toList(),
                "spec.tasks is an attribute, not a use of anything of the file");
        String code = x.render(x.chosen(List.of("gather")), "", "");
        assertTrue(code.startsWith("# ...\n\n# the pool runs this one\n@staticmethod\ndef digest("), code);
        assertTrue(code.endsWith("for t in spec.tasks]\n\n# ...\n"), "a Python comment marks what is left out, no closing brace: " + code);
        assertEquals("# digest(...): as under gather\n\nasync def gather(spec: GatherSpec) -> list[str]:",
                x.renderMembers(x.chosen(List.of("gather")).subList(1, 2), "digest(...): as under gather", "").lines().limit(3)
                        .reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    void everyAsyncioScenarioFileYieldsItsScenarioFunction() {
        SourceFiles sources = new SourceFiles();
        for (String scenario : SourceFilesTest.ASYNCIO_SCENARIOS) {
            SourceFiles.Source src = sources.of("asyncio", scenario).orElseThrow();
            CodeExcerpt x = CodeExcerpt.parse(src.text(), "", src.language());
            String method = SourceFiles.snake(ScenarioTerms.methods(BenchScenario.byId(scenario)).getFirst());
            List<Member> chosen = x.chosen(List.of(method));
            assertTrue(chosen.stream().anyMatch(m -> m.name().equals(method)), src.repoPath() + " has " + method + ": " + x.members());
            assertTrue(x.header().startsWith("\"\"\"") && x.header().contains("- Threads:"), src.repoPath() + ": the docstring is the header");
            String code = x.render(chosen, "", "");
            assertFalse(code.contains("import ") || code.contains("- Threads:"), src.repoPath() + ": " + code);
            assertTrue(code.length() < src.text().length(), src.repoPath() + ": an excerpt is shorter than its file");
        }
    }

    @Test
    void aReportShowsAsyncioFunctionsBesideTheJvmModelsMethods(@TempDir Path dir) {
        RunView view = RunView.of(Fixtures.asyncioRun(dir));
        CodeListing listing = new CodeListing(new SourceFiles(), p -> Optional.empty(), false);
        CodeListing.Column gather = SourceFilesExcerptTest.column(listing.columns(SourceFilesExcerptTest.scenario(view, "gather")), "asyncio");
        assertEquals("asyncio-impl/asyncbench_asyncio/gather.py", gather.source().orElseThrow().repoPath());
        assertTrue(gather.header().startsWith("\"\"\"Scenarios 2 and 8"), "the docstring comes with the file's first excerpt: " + gather.header());
        assertEquals(List.of("Threads", "Blocking", "Cancellation", "Errors"), List.copyOf(gather.facts().keySet()));
        assertTrue(gather.code().startsWith("async def gather(spec: GatherSpec, log: EventLog) -> list[str]:\n"), gather.code());
        assertTrue(gather.code().contains("\n# ...\n\nasync def run(task: Task, log: EventLog) -> str:\n"), "gather_all and gather_many left out: " + gather.code());
        CodeListing.Column mass = SourceFilesExcerptTest.column(listing.columns(SourceFilesExcerptTest.scenario(view, "gather-mass")), "asyncio");
        assertTrue(mass.code().contains("async def gather_many(") && !mass.code().contains("async def run("), "gatherMany is gather_many: " + mass.code());
        assertEquals("", mass.header(), "the docstring was shown with gather");
        CodeListing.Column failFast = SourceFilesExcerptTest.column(listing.columns(SourceFilesExcerptTest.scenario(view, "fail-fast")), "asyncio");
        assertEquals("Runs the code shown under gather.", failFast.remark());
        CodeListing.Column collect = SourceFilesExcerptTest.column(listing.columns(SourceFilesExcerptTest.scenario(view, "collect-all")), "asyncio");
        assertTrue(collect.code().startsWith("# run(...): as under gather\n\n# ...\n\nasync def gather_all("), "gather's run is named, not shown: " + collect.code());
        CodeListing.Column timeout = SourceFilesExcerptTest.column(listing.columns(SourceFilesExcerptTest.scenario(view, "timeout")), "asyncio");
        assertTrue(timeout.code().startsWith("SEED = 7") && timeout.code().contains("async def fetch_with_timeout("), "its constants come along: " + timeout.code());
    }
}
