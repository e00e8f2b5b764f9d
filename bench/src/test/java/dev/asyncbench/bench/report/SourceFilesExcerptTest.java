package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.CodeExcerpt.Kind;
import dev.asyncbench.bench.report.CodeExcerpt.Member;
import dev.asyncbench.bench.report.RunView.ScenarioView;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code beside the numbers: each scenario's methods, not whole files, each shown once per report. */
class SourceFilesExcerptTest {

    static final String JAVA = """
            package dev.example;

            import java.util.List;

            /**
             * Scenario 2.
             *
             * <ul>
             *   <li>Threads: the caller's.
             * </ul>
             */
            final class Gather {
                private Gather() {
                }

                /** What a task holds. */
                private record Held(long value) {
                }

                private static final String BRACES = "{ not a block } // nor a comment";

                /** The scenario. */
                static long gatherMany(int n) {
                    long sum = 0;
                    for (int i = 0; i < n; i++) sum += task(i).value();   // one at a time
                    return sum;
                }

                static List<String> gather(List<String> names) {
                    return names.stream().map(Gather::label).toList();
                }

                private static Held task(int i) {
                    char c = '}';
                    return new Held(i);
                }

                private static String label(String name) {
                    return name + BRACES;
                }
            }
            """;

    static final String KOTLIN = """
            package dev.example

            import kotlinx.coroutines.delay

            /**
             * Scenario 2.
             *
             * - Threads: Dispatchers.Default.
             */
            internal object Gather {
                private const val STEP = 1L

                @JvmStatic
                suspend fun gatherMany(n: Int): Long = (0 until n)
                    .map { task(it) }
                    .sum()

                suspend fun gather(names: List<String>): List<String> =
                    names.map { "$it {" }

                private suspend fun task(i: Int): Long {
                    delay(STEP)
                    return i.toLong()
                }
            }
            """;

    @Test
    void javaMembersAreFoundWithTheirNamesAndKinds() {
        CodeExcerpt x = CodeExcerpt.parse(JAVA, "Gather", false);
        assertTrue(x.header().startsWith("/**") && x.header().contains("<li>Threads: the caller's."), x.header());
        assertEquals("final class Gather {", x.declaration());
        assertEquals(List.of("Gather", "Held", "BRACES", "gatherMany", "gather", "task", "label"), x.members().stream().map(Member::name).toList());
        assertEquals(List.of(Kind.CONSTRUCTOR, Kind.TYPE, Kind.FIELD, Kind.METHOD, Kind.METHOD, Kind.METHOD, Kind.METHOD),
                x.members().stream().map(Member::kind).toList());
    }

    @Test
    void anExcerptHoldsTheScenarioMethodAndWhatItUsesWithoutImportsOrDocComments() {
        CodeExcerpt x = CodeExcerpt.parse(JAVA, "Gather", false);
        List<Member> mass = x.chosen(List.of("gatherMany"));
        assertEquals(List.of("Held", "gatherMany", "task"), mass.stream().map(Member::name).toList(), "task, and the record task returns");
        String code = x.render(mass, "", "");
        assertFalse(code.contains("import") || code.contains("package") || code.contains("/**") || code.contains("gather(List"), code);
        assertTrue(code.startsWith("final class Gather {\n    private record Held(long value) {\n    }\n\n    // ...\n\n    static long gatherMany("),
                "the constructor goes without saying, the constant left out is marked: " + code);
        assertTrue(code.contains("    static long gatherMany(int n) {\n        long sum = 0;"), code);
        assertTrue(code.contains("// one at a time"), "comments in the code stay: " + code);
        assertTrue(code.endsWith("        return new Held(i);\n    }\n\n    // ...\n}\n"), code);
        // a method reference counts as a use, so does a constant; braces in strings and characters do not end a member
        assertEquals(List.of("BRACES", "gather", "label"), x.chosen(List.of("gather")).stream().map(Member::name).toList());
    }

    @Test
    void kotlinMembersEndWhereTheirLastLineDoes() {
        CodeExcerpt x = CodeExcerpt.parse(KOTLIN, "Gather", true);
        assertEquals("internal object Gather {", x.declaration());
        assertEquals(List.of("STEP", "gatherMany", "gather", "task"), x.members().stream().map(Member::name).toList());
        assertTrue(x.members().get(1).text().startsWith("    @JvmStatic\n    suspend fun gatherMany"), x.members().get(1).text());
        assertTrue(x.members().get(1).text().endsWith(".sum()"), "a chain continues on its next line: " + x.members().get(1).text());
        assertTrue(x.members().get(2).text().endsWith("names.map { \"$it {\" }"), "a body on the next line after '=': " + x.members().get(2).text());
        assertEquals(List.of("STEP", "gatherMany", "task"), x.chosen(List.of("gatherMany")).stream().map(Member::name).toList());
    }

    @Test
    void everyModelsScenarioFileYieldsItsScenarioMethods() {
        SourceFiles sources = new SourceFiles();
        for (String model : Fixtures.MODELS) {
            for (String scenario : SourceFilesTest.SCENARIOS) {
                SourceFiles.Source src = sources.of(model, scenario).orElseThrow();
                CodeExcerpt x = CodeExcerpt.parse(src.text(), src.file().replaceFirst("\\.\\w+$", ""), src.language().equals("kotlin"));
                String method = ScenarioTerms.methods(BenchScenario.byId(scenario)).getFirst();
                List<Member> chosen = x.chosen(List.of(method));
                assertTrue(chosen.stream().anyMatch(m -> m.name().equals(method)), src.repoPath() + " has " + method + ": " + x.members());
                assertTrue(x.header().contains("Threads:"), src.repoPath() + ": the header with its list");
                String code = x.render(chosen, "", "");
                assertFalse(code.contains("\nimport ") || code.startsWith("package "), src.repoPath());
                assertTrue(code.length() < src.text().length(), src.repoPath() + ": an excerpt is shorter than its file");
            }
        }
    }

    @Test
    void eachMethodIsShownOncePerReport(@TempDir Path dir) {
        RunView view = RunView.of(Fixtures.quickRun(dir));
        CodeListing listing = new CodeListing(new SourceFiles(), p -> Optional.empty(), false);
        List<CodeListing.Column> gather = listing.columns(scenario(view, "gather"));
        CodeListing.Column futures = column(gather, "futures");
        assertTrue(futures.code().contains("static List<String> gather(") && futures.code().contains("private static CompletableFuture<String> run("),
                futures.code());
        assertTrue(futures.header().contains("Threads:"), "the file's header comes with its first excerpt");
        assertEquals(List.of("Threads", "Blocking", "Cancellation", "Errors"), List.copyOf(futures.facts().keySet()));
        CodeListing.Column perTask = column(gather, "threads-per-task");
        assertEquals("", perTask.code(), "threads-per-task runs threads' file, shown just before");
        assertTrue(perTask.remark().startsWith("The same file as threads"), perTask.remark());
        // fail-fast runs the same method: named, not shown again
        CodeListing.Column failFast = column(listing.columns(scenario(view, "fail-fast")), "futures");
        assertEquals("", failFast.code());
        assertEquals("Runs the code shown under gather.", failFast.remark());
        assertEquals("gather", failFast.where());
        // collect-all's method is new; the helpers it shares with gather are named with where they are
        CodeListing.Column collect = column(listing.columns(scenario(view, "collect-all")), "futures");
        assertTrue(collect.code().contains("static List<Outcome> gatherAll(") && !collect.code().contains("private static String end("), collect.code());
        assertTrue(collect.code().contains("// run(...) and end(...): as under gather"), collect.code());
        assertEquals("", collect.header(), "the header was shown with gather");
    }

    @Test
    void aCompactExcerptIsTheMethodAloneAndNamesWhatItUses(@TempDir Path dir) {
        RunView view = RunView.of(Fixtures.quickRun(dir));
        CodeListing listing = new CodeListing(new SourceFiles(), p -> Optional.empty(), true);
        CodeListing.Column futures = column(listing.columns(scenario(view, "gather")), "futures");
        assertFalse(futures.code().contains("CompletableFuture<String> run("), futures.code());
        assertTrue(futures.code().startsWith("static List<String> gather(FuturesConfig config, GatherSpec spec, EventLog log) {\n    Objects"),
                "no type around it, one indentation less: " + futures.code());
        assertTrue(futures.code().endsWith("}\n\n// uses run(...) and end(...) (in the whole file)\n"), futures.code());
    }

    @Test
    void excerptsLinkTheirWholeFileWhenTheReportSitsInTheRepository(@TempDir Path repo) throws Exception {
        Files.writeString(repo.resolve("SPEC.md"), "spec");
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Path file = repo.resolve("futures-impl/src/main/java/dev/asyncbench/futures/Gather.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "final class Gather {}");
        Path dir = Files.createDirectories(repo.resolve("results/run-1"));
        assertEquals(Optional.of("../../futures-impl/src/main/java/dev/asyncbench/futures/Gather.java"),
                CodeListing.linksFrom(dir).apply("futures-impl/src/main/java/dev/asyncbench/futures/Gather.java"));
        assertEquals(Optional.empty(), CodeListing.linksFrom(dir).apply("rx-impl/src/main/java/dev/asyncbench/rx/Gather.java"), "not there: no link");
        ResultSet set = Fixtures.quickRun(dir);
        ReportWriter.standard().write(set, dir);
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<a href=\"../../futures-impl/src/main/java/dev/asyncbench/futures/Gather.java\""), "linked in index.html");
        assertTrue(Files.readString(dir.resolve("report.md"))
                .contains("[Gather.java](../../futures-impl/src/main/java/dev/asyncbench/futures/Gather.java)"));
    }

    static ScenarioView scenario(RunView view, String id) {
        return view.scenarios.stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow();
    }

    static CodeListing.Column column(List<CodeListing.Column> columns, String model) {
        return columns.stream().filter(c -> c.model().equals(model)).findFirst().orElseThrow();
    }
}
