package dev.asyncbench.bench;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.ResultRow;
import dev.asyncbench.bench.results.ResultSet;
import dev.asyncbench.bench.results.Size;
import dev.asyncbench.bench.run.AsyncioRow;
import dev.asyncbench.bench.run.BadInput;
import dev.asyncbench.bench.run.Choices;
import dev.asyncbench.bench.run.CpuSets;
import dev.asyncbench.bench.run.Durations;
import dev.asyncbench.bench.run.Preflight;
import dev.asyncbench.bench.run.Preset;
import dev.asyncbench.bench.run.RunFolder;
import dev.asyncbench.bench.run.RunLock;
import dev.asyncbench.bench.run.RunSettings;
import dev.asyncbench.bench.run.SuiteRun;
import dev.asyncbench.bench.run.TestbedAddress;
import dev.asyncbench.core.Models;
import dev.asyncbench.core.io.TestbedClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Measures models on scenarios with JMH, against the real testbed, and writes the results and the report. */
@Command(name = "run", description = {
        "Measures the models on the scenarios (JMH, one fork per combination, the testbed in processes of its own)",
        "and writes results.csv, environment.json, jmh-result.json and the report into the output folder.",
        "Progress goes to stderr; the results folder and the report's path, to stdout.",
        "Examples: run --preset quick | run --models rx,virtual-threads --scenarios http-fan-out --sizes 'K=1000 L=20ms B=4KiB C=100'"})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Option(names = "--preset", paramLabel = "quick|full",
            description = "quick: every model and scenario at small and medium sizes (about 5 min on 2 cores); full: adds the large sizes, "
                    + "up to 1,000,000 tasks (under an hour). Default: quick; --models/--scenarios/--sizes narrow it.")
    String preset;

    @Option(names = "--models", split = ",", paramLabel = "MODEL", description = "Models, comma-separated (default: all; see 'list')")
    List<String> models = new ArrayList<>();

    @Option(names = "--scenarios", split = ",", paramLabel = "SCENARIO", description = "Scenarios, comma-separated (default: all; see 'list')")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--sizes", split = ";", paramLabel = "SIZE",
            description = "Sizes instead of the preset's, in SPEC.md's letters, ';'-separated or repeated: 'N=1000 L=20ms'. "
                    + "Each selected scenario runs the sizes that fit it.")
    List<String> sizes = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<timestamp>)")
    Path out;

    @Option(names = "--warmups", paramLabel = "N", description = "Warm-up iterations per combination (default: the preset's, more for short operations)")
    Integer warmups;

    @Option(names = "--measurements", paramLabel = "N", description = "Measured iterations per combination (default: the preset's, more for short operations: quick 3-8, full 8-30)")
    Integer measurements;

    @Option(names = "--budget", paramLabel = "DURATION", converter = Durations.class,
            description = "Leave out a model at a size where one operation is expected to take longer (default: the preset's, 3s quick, 15s full)")
    Duration budget;

    @Option(names = "--heap", paramLabel = "SIZE", description = "Heap of every measured JVM, -Xms = -Xmx (default: ${DEFAULT-VALUE})")
    String heap = "4g";

    @Option(names = "--db", paramLabel = "auto|postgres|h2|jdbc:URL",
            description = "The testbed database (default: $ASYNCBENCH_DB, else auto: PostgreSQL when installed, else H2)")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "User for a --db jdbc: URL (default: $ASYNCBENCH_DB_USER)")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Password for a --db jdbc: URL (default: $ASYNCBENCH_DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--plan", description = "Print what would run, with each combination's estimate, and stop")
    boolean planOnly;

    @Option(names = "--no-minimal", description = "Skip the no-harness-tax check (minimal programs vs the suite on the mass gather)")
    boolean noMinimal;

    @Option(names = "--no-class-archive", description = "Start every measured JVM without the run's class-data-sharing archive"
            + " (made once per build by a training JVM that runs every scenario for every model; it only shortens each fork's start-up)")
    boolean noClassArchive;

    @Option(names = "--fail-on", split = ",", paramLabel = "STATUS",
            description = "Exit with code 1, once the results and the report are written, when a row has one of these statuses: "
                    + "incorrect, failed (comma-separated; for CI)")
    List<String> failOn = new ArrayList<>();

    @Option(names = "--force", description = "Write into an --out folder that already holds results, replacing them") boolean force;

    @Option(names = "--jvm-args", paramLabel = "FLAGS",
            description = "More flags for every measured JVM alike, after the suite's, recorded with the results: '-XX:+UseZGC', "
                    + "'-XX:+UseSerialGC -XX:TieredStopAtLevel=1' (a GC named here replaces G1)")
    String jvmArgs;

    @Option(names = "--forks", paramLabel = "N", description = "JMH forks per combination, each a fresh JVM, so that fork-to-fork variance shows "
            + "(default: ${DEFAULT-VALUE}; each row's note gives every fork's mean)")
    int forks = 1;

    @Option(names = "--http-client", paramLabel = "jdk|apache", description = "The transport of the HTTP client every model shares (default: "
            + "${DEFAULT-VALUE}, chosen by measurement, docs/testbed.md): apache, Apache HttpClient 5 (classic: real blocking socket IO; async: "
            + "its non-blocking IO reactor); jdk, the JDK HttpClient (its blocking send is sendAsync().get())")
    String httpClient = TestbedClient.Transport.DEFAULT.id();

    @Option(names = "--cpu-sets", paramLabel = "auto|off|TESTBED:MEASURED", description = "Disjoint CPU sets (taskset) for the testbed and the "
            + "measured JVMs: auto (default) halves the CPUs from 4 on, off never, 0-1:2-3 as given; recorded") String cpuSets = "auto";

    @Option(names = "--http", paramLabel = "URL", description = "An HTTP testbed server started elsewhere ('./suite testbed' prints it), "
            + "e.g. http://10.0.0.5:21000: the run uses it instead of starting its own")
    String http;

    @Override
    public Integer call() throws Exception {
        RunSettings settings = settings();
        Set<ResultRow.Status> failing = failOnStatuses();
        Preflight.check(settings);
        if (planOnly) {
            new SuiteRun(settings, cli.out).printPlan();
            return 0;
        }
        SuiteRun.Finished finished;
        try (RunLock lock = RunLock.acquire(RunFolder.systemTmp())) {
            // what the run is doing goes to stderr; what it produced, to stdout
            finished = new SuiteRun(settings, cli.err).execute();
        }
        if (finished.report() != null) {
            cli.out.println("Results: " + settings.out());
            cli.out.println("Report: " + finished.report());
        }
        if (finished.signalExit() != 0) {
            cli.err.println("run: " + finished.interrupted() + (finished.report() == null ? "; nothing to write" : "; results and report written"));
            return finished.signalExit();
        }
        List<ResultRow> rows = ReportCommand.load(settings.out()).rows();
        String nothing = SuiteRun.nothingMeasured(rows);
        if (nothing != null) {
            cli.err.println("run: " + nothing);
            return 1;
        }
        return failing.isEmpty() ? 0 : failIfAny(rows, failing, cli.err);
    }

    /** --fail-on's statuses, checked. */
    Set<ResultRow.Status> failOnStatuses() {
        Set<ResultRow.Status> statuses = EnumSet.noneOf(ResultRow.Status.class);
        for (String value : failOn) {
            String v = value.trim();
            if (v.equals(ResultRow.Status.INCORRECT.id())) statuses.add(ResultRow.Status.INCORRECT);
            else if (v.equals(ResultRow.Status.FAILED.id())) statuses.add(ResultRow.Status.FAILED);
            else throw new BadInput("--fail-on takes incorrect, failed (comma-separated), was '" + v + "'");
        }
        return statuses;
    }

    /** 1 and one line on {@code err} naming the rows with one of {@code statuses}; 0 when there is none. */
    static int failIfAny(List<ResultRow> rows, Set<ResultRow.Status> statuses, PrintStream err) {
        List<String> bad = new ArrayList<>();
        for (ResultRow row : rows) {
            if (statuses.contains(row.status())) {
                bad.add(row.scenario() + " " + row.model() + (row.harness().equals(ResultRow.SUITE) ? "" : " (" + row.harness() + ")")
                        + " " + row.size().label() + ": " + row.status().id());
            }
        }
        if (bad.isEmpty()) return 0;
        String which = statuses.stream().map(ResultRow.Status::id).collect(Collectors.joining(" or "));
        err.println("run: " + bad.size() + (bad.size() == 1 ? " row is " : " rows are ") + which + " (--fail-on): " + String.join("; ", bad));
        return 1;
    }

    /** Everything asked for, checked; a {@link BadInput} naming the first mistake. */
    RunSettings settings() {
        Preset p = preset == null ? Preset.QUICK : Preset.byId(preset);
        List<String> modelNames = resolveModels();
        List<BenchScenario> chosen = new ArrayList<>();
        try {
            for (String id : scenarios) {
                BenchScenario s = BenchScenario.byId(id.trim());
                if (!chosen.contains(s)) chosen.add(s);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
        if (chosen.isEmpty()) chosen.addAll(List.of(BenchScenario.values()));

        Map<BenchScenario, List<Size>> plan = new LinkedHashMap<>();
        if (sizes.isEmpty()) {
            for (BenchScenario s : chosen) plan.put(s, p.sizes(s));
        } else {
            List<Size> given = new ArrayList<>();
            for (String text : sizes) {
                if (text.isBlank()) continue;
                try {
                    given.add(Size.parse(text));
                } catch (IllegalArgumentException e) {
                    throw new BadInput(e.getMessage(), e);
                }
            }
            for (Size size : given) {
                if (chosen.stream().noneMatch(s -> fits(s, size))) {
                    throw new BadInput("size '" + size.label() + "' fits none of the selected scenarios; " + takes(chosen));
                }
            }
            for (BenchScenario s : chosen) {
                List<Size> fitting = new ArrayList<>();
                for (Size size : given) if (fits(s, size)) fitting.add(checked(s, size));
                if (fitting.isEmpty()) throw new BadInput("no --sizes fit scenario " + s.id() + "; " + takes(List.of(s)));
                plan.put(s, fitting);
            }
        }
        Integer w = warmups == null ? null : checkCount("--warmups", warmups, 0);
        Integer m = measurements == null ? null : checkCount("--measurements", measurements, 1);
        Duration b = budget == null ? p.opBudget() : budget;
        if (b.isNegative() || b.isZero()) throw new BadInput("--budget must be positive, was " + Durations.format(b));
        if (!heap.matches("[1-9][0-9]*[mMgG]")) throw new BadInput("--heap must look like 512m or 4g, was '" + heap + "'");
        Choices.Database database = Choices.database(db, dbUser, dbPassword);
        boolean custom = !models.isEmpty() || !scenarios.isEmpty() || !sizes.isEmpty();
        String label = custom ? (preset == null ? "custom" : p.id() + " (narrowed)") : p.id();
        Path dir = out != null ? out : Path.of("results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInput("--out must be a folder, but " + dir + " is a file");
        }
        if (!force && Files.exists(dir.resolve(ResultSet.CSV))) {
            throw new BadInput("--out " + dir + " already holds results (" + ResultSet.CSV + "); choose another folder, or add --force to replace them");
        }
        failOnStatuses();
        List<String> extra = Choices.jvmArgs(jvmArgs);
        if (forks < 1 || forks > 10) throw new BadInput("--forks must be between 1 and 10, was " + forks);
        String server = http == null ? null : TestbedAddress.http(http);
        TestbedClient.Transport transport = Choices.transport(httpClient);
        boolean minimal = !noMinimal && plan.containsKey(BenchScenario.GATHER_MASS) && sizes.isEmpty();
        return new RunSettings(p, label, modelNames, plan, dir, w, m, b, heap, database.choice(), database.user(), database.password(), minimal, !noClassArchive, null,
                cli == null ? "" : cli.typed(), extra, forks, server, transport, CpuSets.of(cpuSets));
    }

    private List<String> resolveModels() {
        List<String> known = AsyncioRow.allModels();
        if (models.isEmpty()) {
            if (known.isEmpty()) throw new BadInput("no model found on the class path");
            return known;
        }
        List<String> chosen = new ArrayList<>();
        for (String name : models) {
            String n = name.trim();
            if (!known.contains(n)) {
                List<String> problems = Models.unavailable();
                throw new BadInput("unknown model '" + n + "'; accepted: " + String.join(", ", known)
                        + (problems.isEmpty() ? "" : " (not loadable here: " + String.join("; ", problems) + ")"));
            }
            if (!chosen.contains(n)) chosen.add(n);
        }
        return chosen;
    }

    private static boolean fits(BenchScenario s, Size size) {
        return size.params().keySet().equals(new HashSet<>(s.letters()));
    }

    /** The size as the scenario's fork takes it, checked by the spec records' own checks before any fork starts. */
    private static Size checked(BenchScenario s, Size size) {
        try {
            return s.check(size);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage(), e);
        }
    }

    private static String takes(List<BenchScenario> chosen) {
        StringBuilder b = new StringBuilder("accepted: ");
        for (int i = 0; i < chosen.size(); i++) {
            if (i > 0) b.append("; ");
            b.append(chosen.get(i).id()).append(" takes ").append(String.join(" ", chosen.get(i).letters().stream().map(l -> l + "=...").toList()));
        }
        return b.toString();
    }

    private static int checkCount(String option, int value, int min) {
        if (value < min || value > 1000) throw new BadInput(option + " must be between " + min + " and 1000, was " + value);
        return value;
    }
}
