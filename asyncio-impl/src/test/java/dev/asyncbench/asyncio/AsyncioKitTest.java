package dev.asyncbench.asyncio;

import dev.asyncbench.core.io.OrdersRepository;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.testbed.DatabaseChoice;
import dev.asyncbench.core.testbed.HttpTestbedServer;
import dev.asyncbench.core.testbed.TestbedDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The asyncio row's conformance kit: the pytest kit in {@code tests/} (the JVM kit's rule ids, one
 * test file per rule family) run against the testbed the JVM kit uses, the HTTP server and the
 * database of {@link DatabaseChoice#fromEnvironment()} (PostgreSQL when installed, else H2),
 * with the JVM sequential model's answers ({@link OracleAnswers}) in a JSON file. pytest's lines
 * stream to the Maven log; its summary ("N passed, M skipped") closes it.
 *
 * <p>Needs Debian's {@code /usr/bin/python3} with aiohttp, asyncpg, pytest and crcmod: without
 * them the test is skipped, or fails when {@code CI=true}. asyncpg speaks only PostgreSQL: on
 * H2 the kit's database rules are skipped, each with that reason.
 */
class AsyncioKitTest {

    static final String PYTHON = "/usr/bin/python3";
    static final String INSTALL = "the asyncio kit needs " + PYTHON + " with aiohttp, asyncpg, pytest and crcmod:"
            + " apt-get install python3-aiohttp python3-asyncpg python3-pytest python3-crcmod";
    /** A pytest {@code -k} expression, e.g. {@code -Dasyncio.kit.only="F2 or R3"}, to run some rules while working on them. */
    static final String ONLY_PROPERTY = "asyncio.kit.only";
    /** The pytest kit takes about a minute; a hung one is stopped after this. */
    static final long PYTEST_LIMIT_MINUTES = 8;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void thePytestKitPassesAgainstTheTestbed() throws Exception {
        requirePython();
        Path module = Path.of("").toAbsolutePath();
        Path work = Files.createDirectories(module.resolve("target/asyncio-kit"));
        Path home = Files.createTempDirectory("asyncbench-asyncio-kit-");
        try (HttpTestbedServer server = HttpTestbedServer.start("127.0.0.1", 0);
             TestbedDatabase database = TestbedDatabase.start(DatabaseChoice.fromEnvironment(), home.resolve("db"))) {
            boolean postgres = database.jdbcUrl().startsWith("jdbc:postgresql:");
            Map<String, Object> answers;
            try (OrdersRepository orders = database.orders(4)) {
                answers = OracleAnswers.compute(TestbedClient.of(server.uri()), postgres ? orders : null, home);
            }
            Path expected = work.resolve("expected.json");
            Files.writeString(expected, Json.of(answers), StandardCharsets.UTF_8);
            System.out.println("asyncio kit: testbed " + server.uri() + ", database " + database.description()
                    + ", the oracle's answers in " + expected);

            List<String> command = new ArrayList<>(List.of(PYTHON, "-m", "pytest", "tests", "-q", "-rs", "-p", "no:cacheprovider"));
            String only = System.getProperty(ONLY_PROPERTY, "");
            if (!only.isBlank()) command.addAll(List.of("-k", only));
            ProcessBuilder pytest = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true);
            Map<String, String> env = pytest.environment();
            env.put("PYTHONDONTWRITEBYTECODE", "1");
            env.put("ASYNCBENCH_KIT_SERVER", server.uri().toString());
            env.put("ASYNCBENCH_KIT_EXPECTED", expected.toString());
            env.put("ASYNCBENCH_KIT_DB_KIND", database.description());
            if (postgres) {
                env.put("ASYNCBENCH_KIT_DB", database.jdbcUrl());
                env.put("ASYNCBENCH_KIT_DB_USER", database.user());
                env.put("ASYNCBENCH_KIT_DB_PASSWORD", database.password());
            }
            int exit = run(pytest);
            assertEquals(0, exit, "the asyncio conformance kit (pytest) failed; its output is above");
        } finally {
            deleteTree(home);
        }
    }

    /**
     * Runs pytest, each line of its output to the log as it comes (read on a thread of its own, so
     * that a hung pytest is stopped after {@value #PYTEST_LIMIT_MINUTES} minutes); its exit code, its summary line last.
     */
    private static int run(ProcessBuilder pytest) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = pytest.start();
        String[] summary = {"(no summary)"};
        Thread reader = Thread.ofPlatform().daemon().name("pytest-output").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    System.out.println(line);
                    if (line.matches("=*\\s*\\d+ (passed|failed|error|skipped).*")) summary[0] = line.replaceAll("^=+\\s*|\\s*=+$", "");
                }
            } catch (IOException e) {
                System.out.println("pytest's output could not be read: " + e.getMessage());
            }
        });
        if (!process.waitFor(PYTEST_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("pytest ran over " + PYTEST_LIMIT_MINUTES + " minutes");
        }
        reader.join(10_000);
        System.out.printf("asyncio conformance kit: %s (pytest exit %d, %.1f s)%n", summary[0], process.exitValue(),
                (System.nanoTime() - started) / 1e9);
        return process.exitValue();
    }

    /** Skips (or, on CI, fails) with the line saying what to install when Python or a package is missing. */
    private static void requirePython() throws InterruptedException {
        boolean ready;
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import aiohttp, asyncpg, pytest, crcmod")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ready = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            ready = false;
        }
        if (ready) return;
        if ("true".equals(System.getenv("CI"))) fail(INSTALL);
        System.out.println("asyncio conformance kit skipped: " + INSTALL);
        Assumptions.abort(INSTALL);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
