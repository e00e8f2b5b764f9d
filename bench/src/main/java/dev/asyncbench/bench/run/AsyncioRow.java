package dev.asyncbench.bench.run;

import dev.asyncbench.bench.fork.ForkProtocol.Property;
import dev.asyncbench.bench.fork.ModelsProbe.Model;
import dev.asyncbench.core.Traits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The asyncio row: the post's own model, in CPython, from the folder {@code asyncio-impl} beside
 * the Java modules. It is not on the class path: each combination runs its harness
 * ({@code asyncbench_asyncio/harness.py}, {@link PythonFork}) in a process of its own, on the same
 * testbed, with Debian's {@code /usr/bin/python3} and Debian's aiohttp, asyncpg and crcmod.
 */
public final class AsyncioRow {

    /** The model's name in every command and report. */
    public static final String NAME = "asyncio";
    /** What to install where the packages are missing: Debian's, for Debian's python3. */
    public static final String INSTALL = "apt-get install python3-aiohttp python3-asyncpg python3-crcmod";

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /**
     * Starting one task: 1,000,000 tasks waiting 1 s take about 22 s here (the minimal
     * program and {@code budgets.py}), about 21 us each. An estimate only.
     */
    private static final Duration TASK_START = Duration.ofNanos(21_000);

    private AsyncioRow() {
    }

    /** The folder holding {@code asyncbench_asyncio}: under the folder {@code ./suite} names ({@link Property#ROOT}). */
    static Path folder() {
        String root = Property.ROOT.get();
        Path here = Path.of(root != null ? root : ".").toAbsolutePath().normalize();
        // run in a module's folder (the bench's tests), the project's is its parent
        boolean parent = root == null && !Files.isDirectory(here.resolve("asyncio-impl")) && here.getParent() != null;
        return (parent ? here.getParent() : here).resolve("asyncio-impl");
    }

    /** Whether this checkout has the asyncio row (its harness), whatever the machine has installed. */
    public static boolean present() {
        return Files.isRegularFile(folder().resolve("asyncbench_asyncio/harness.py"));
    }

    /** Every model a run can measure: the JVM's, in their order, then asyncio where this checkout has it. */
    public static List<String> allModels() {
        List<String> all = new ArrayList<>(dev.asyncbench.core.Models.names());
        if (present()) all.add(NAME);
        return all;
    }

    /** The interpreter and module of a command: {@code /usr/bin/python3 -m asyncbench_asyncio.<module>}. */
    static List<String> python(String module) {
        return new ArrayList<>(List.of(PYTHON.toString(), "-m", "asyncbench_asyncio." + module));
    }

    /**
     * The model as the runner needs it: its {@code --describe} line (which starts with the
     * CPython version), or, where Python or a package is missing, one line saying what to install.
     */
    public static Model model() {
        String describe;
        int maxMass = 1_000_000;
        try {
            List<String> out = run(python("harness"), "--describe");
            describe = out.isEmpty() ? "asyncio: its harness printed nothing for --describe" : out.getLast();
            var mass = java.util.regex.Pattern.compile("mass gather up to (\\d+) tasks").matcher(describe);
            if (mass.find()) maxMass = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(mass.group(1)));
        } catch (IOException e) {
            describe = unavailable(e.getMessage());
        }
        // every task waits at once: C is the scenario's semaphore, never a pool of the model's
        return new Model(NAME, new Traits(true, Integer.MAX_VALUE, maxMass), "python:" + folder().resolve("asyncbench_asyncio"),
                TASK_START, describe);
    }

    /** Whether {@code describe} is the line of a model that cannot run here. */
    static boolean runnable(Model model) {
        return !model.describe().startsWith(UNAVAILABLE);
    }

    private static final String UNAVAILABLE = "asyncio: not runnable here: ";

    private static String unavailable(String why) {
        return UNAVAILABLE + why + " (as root: " + INSTALL + "; ./suite installs them itself when it runs as root)";
    }

    /**
     * The post's two examples in asyncio ({@code asyncbench_asyncio.demo}), their lines printed to
     * {@code out} as the JVM models' are; how long gather took, or null (and why, printed) when it could not run.
     */
    public static Duration demo(Duration unit, java.io.PrintStream out) {
        List<String> command = python("demo");
        command.addAll(List.of("--unit-ms", Long.toString(unit.toMillis())));
        try {
            if (!Files.isExecutable(PYTHON)) throw new IOException(PYTHON + " is missing");
            Process p = new ProcessBuilder(command).directory(folder().toFile()).redirectErrorStream(true).start();
            Duration gather = null;
            String last = "";
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(GATHER_MS)) {
                        gather = Duration.ofNanos((long) (Double.parseDouble(line.substring(GATHER_MS.length())) * 1e6));
                    } else {
                        out.println(line);
                        out.flush();
                        last = line;
                    }
                }
            }
            if (p.waitFor() != 0) throw new IOException(last.startsWith("ModuleNotFoundError") ? last : "the demo exited with " + p.exitValue());
            return gather;
        } catch (IOException e) {
            out.println("== " + NAME + ": " + unavailable(e.getMessage()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The demo's last line, for this command only: gather's time in ms. */
    private static final String GATHER_MS = "gather-ms\t";

    /** Runs {@code command args} in the model's folder; its output's lines, or an exception saying why it failed. */
    static List<String> run(List<String> command, String... args) throws IOException {
        if (!Files.isExecutable(PYTHON)) throw new IOException(PYTHON + " is missing");
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        // its output to a file, so that a hung interpreter is stopped after 60 s rather than read from forever
        Path out = Files.createTempFile("asyncbench-python-", ".log");
        List<String> lines;
        int exit;
        try {
            Process p = new ProcessBuilder(all).directory(folder().toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!ChildProcess.ended(p, 60_000)) throw new IOException(String.join(" ", all) + " did not end within 60 s");
            lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            exit = p.exitValue();
        } finally {
            Files.deleteIfExists(out);
        }
        if (exit != 0) {
            String missing = lines.stream().filter(l -> l.startsWith("ModuleNotFoundError")).findFirst().orElse(null);
            throw new IOException(missing != null ? missing : String.join(" ", all) + " exited with " + exit
                    + (lines.isEmpty() ? "" : ": " + lines.getLast()));
        }
        return lines;
    }
}
