package dev.asyncbench.bench;

import dev.asyncbench.bench.report.ReportSources;
import dev.asyncbench.bench.run.AsyncioRow;
import dev.asyncbench.core.Models;
import dev.asyncbench.core.TaskScenario;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CONTRIBUTING.md's three places for a new model, checked both ways: every model module is a
 * module of the build, a dependency of the bench, declares its models in its services file and
 * runs the conformance kit on each; every model the bench finds comes from such a module; and
 * everything else (order, colour, source folder, estimates, JMH parameter) is derived. The
 * asyncio row, outside the JVM, is a module of the build (its kit runs there) but not of the bench.
 */
class ModelsInEveryPlaceTest {

    private static final Path ROOT = Path.of("..");
    private static final String SERVICES = "src/main/resources/META-INF/services/" + TaskScenario.class.getName();

    private static List<String> modelModules() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).filter(n -> n.endsWith("-impl")).sorted().toList();
        }
    }

    /** The JVM's model modules: those with a services file. The others run outside the JVM (asyncio-impl). */
    private static List<String> jvmModules() throws IOException {
        return modelModules().stream().filter(m -> Files.exists(ROOT.resolve(m).resolve(SERVICES))).toList();
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    @Test
    void everyModelModuleIsInTheBuildTheBenchAndItsServicesFileAndRunsTheKit() throws IOException {
        String rootPom = Files.readString(ROOT.resolve("pom.xml"));
        String benchPom = Files.readString(ROOT.resolve("bench/pom.xml"));
        List<String> modules = all(Pattern.compile("<module>([^<]+)</module>"), rootPom);
        List<String> benchDependencies = all(Pattern.compile("<artifactId>([^<]+-impl)</artifactId>"), benchPom);
        List<String> impls = jvmModules();
        assertTrue(impls.size() >= 5, "model modules: " + impls);
        assertEquals(modelModules(), modules.stream().filter(m -> m.endsWith("-impl")).sorted().toList(),
                "every *-impl folder is a <module> of the root pom (a model outside the JVM too: it runs its kit), and only those");
        assertEquals(impls, benchDependencies.stream().sorted().toList(), "every JVM *-impl module is one dependency line in bench/pom.xml");
        for (String module : impls) {
            Path services = ROOT.resolve(module).resolve(SERVICES);
            String kit = conformanceTests(ROOT.resolve(module).resolve("src/test"));
            for (String provider : Files.readAllLines(services).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                String simple = provider.substring(provider.lastIndexOf('.') + 1);
                assertTrue(kit.contains(simple + "()"), module + ": a ConformanceKit subclass creating " + simple + " in src/test");
            }
        }
    }

    /**
     * The one model outside the JVM, asyncio: its folder holds its harness (which the bench runs
     * as a process), its pytest kit, and the JUnit test that runs the kit in the build; the bench
     * offers it after the JVM's models.
     */
    @Test
    void theAsyncioRowHasItsHarnessItsKitAndItsPlaceAfterTheJvmModels() throws IOException {
        List<String> jvm = jvmModules();
        List<String> others = modelModules().stream().filter(m -> !jvm.contains(m)).toList();
        assertEquals(List.of("asyncio-impl"), others, "the *-impl folders with no services file");
        Path folder = ROOT.resolve("asyncio-impl");
        assertTrue(Files.exists(folder.resolve("asyncbench_asyncio/harness.py")), "asyncio-impl/asyncbench_asyncio/harness.py");
        try (Stream<Path> tests = Files.list(folder.resolve("tests"))) {
            assertTrue(tests.anyMatch(t -> t.getFileName().toString().startsWith("test_")), "asyncio-impl/tests/test_*.py: the pytest kit");
        }
        try (Stream<Path> files = Files.walk(folder.resolve("src/test"))) {
            assertTrue(files.filter(Files::isRegularFile).anyMatch(f -> f.toString().endsWith("Test.java")), "a JUnit test in asyncio-impl/src/test runs the kit");
        }
        assertTrue(AsyncioRow.present(), "the bench finds the asyncio row's harness");
        assertEquals(AsyncioRow.NAME, AsyncioRow.allModels().getLast());
        assertEquals(Models.names(), AsyncioRow.allModels().subList(0, Models.names().size()));
    }

    /** The text of every ConformanceKit subclass under {@code tests}. */
    private static String conformanceTests(Path tests) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String s = Files.readString(f);
                if (s.contains("extends ConformanceKit") || s.contains(": ConformanceKit()")) text.append(s);
            }
        }
        return text.toString();
    }

    @Test
    void everyModelTheBenchFindsComesFromAModuleAndHasItsOwnPlaceInTheReport() throws IOException {
        Set<String> providers = new HashSet<>();
        for (String module : jvmModules()) providers.addAll(Files.readAllLines(ROOT.resolve(module).resolve(SERVICES)));
        List<TaskScenario> found = Models.all();
        try {
            Set<Integer> ranks = new HashSet<>();
            for (TaskScenario m : found) {
                String type = m.getClass().getName();
                assertTrue(providers.contains(type) || m.name().equals("sequential"), m.name() + " (" + type + ") is in no *-impl services file");
                assertTrue(ranks.add(m.rank()), m.name() + ": another model has rank " + m.rank());
                assertTrue(ReportSources.hasScenarioFiles(m.name()), m.name() + ": the report finds its scenario files by its package");
            }
        } finally {
            found.forEach(TaskScenario::close);
        }
        assertEquals(Models.names(), found.stream().map(TaskScenario::name).toList());
    }
}
