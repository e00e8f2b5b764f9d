package dev.asyncbench.bench.run;

import com.sun.management.OperatingSystemMXBean;
import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.core.Models;
import org.openjdk.jmh.util.Version;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a run's results record about how they were taken: the machine, the JVM, the testbed, the settings, and notes on each choice. */
final class RunEnvironment {

    private RunEnvironment() {
    }

    /** The environment of a run that started at {@code started} and took {@code seconds}. */
    static Environment of(RunSettings settings, Instant started, double seconds, Map<String, String> describe, String server,
                          String database, String archive) {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("budget", "a model whose one operation is expected to exceed " + Durations.format(settings.budget())
                + " at a size (twice that in " + BenchScenario.GATHER_MASS.id() + " up to the N the model declares it reaches) is skipped there,"
                + " and its row says so");
        notes.put("pinning", settings.preset().recordPinning ? "JFR jdk.VirtualThreadPinned counted in every fork (threshold 0)"
                + (settings.minimal() ? " but " + BenchScenario.GATHER_MASS.id() + "'s at the no-harness-tax sizes (what a JFR recording holds stays resident"
                        + " after it stops, and the minimal programs record none; the same gather at N = 10 counts its pinning)" : "") + ","
                + " over the warm-up iterations (the stream stops before the measured ones and the memory probe: a JFR recording"
                + " costs time and holds some live heap per thread)"
                : "not recorded in this preset (a JFR stream adds startup time to every fork)");
        String warming = Arrays.stream(BenchScenario.values()).filter(BenchScenario::warmsUp).map(BenchScenario::id)
                .collect(Collectors.joining(" and "));
        notes.put("warm-up", settings.preset().warmUpMs > 0
                ? warming + " forks first run their operation at zero latency for "
                        + Durations.format(Duration.ofMillis(settings.preset().warmUpMs))
                        + " (the JIT compiles the HTTP client and the model), then the warm-up iterations"
                : "no timed warm-up in this preset: " + warming + " are measured while the JIT is still compiling the HTTP client,"
                        + " which makes their larger sizes CPU-bound for every model alike (the full preset warms them up)");
        notes.put("latency", "per-task latency from the operation's start: gather/fail-fast/collect-all from the EventLog, "
                + "http-fan-out/db/files/aggregate from core.io's completion marks (aggregate: the store); none for gather-mass, timeout, race");
        notes.put("memory", "gather-mass memory per waiting task: RSS growth and live heap after a full GC, sampled once per fork "
                + "while N tasks wait (outside the measured iterations)");
        notes.put("memory probe", BenchScenario.GATHER_MASS.id() + " at N >= 1,000: memory per waiting task is probed after the measured iterations, "
                + (settings.preset().memoryProbes == 1 ? "once" : "until two readings of live heap per task agree within 10%, at most "
                + settings.preset().memoryProbes + " times") + ", in the forks and the minimal programs alike");
        notes.put("gc", String.format(Locale.ROOT, "%s at N >= %,d", BenchScenario.GATHER_MASS.id(), BenchScenario.GC_BETWEEN_MIN_TASKS)
                + ": a full GC between iterations (untimed) in the fork and between the minimal"
                + " programs' runs, so that no operation pays for collecting the previous one's tasks; no forced GC elsewhere");
        notes.put("class archive", archive);
        notes.put("cpu sets", settings.cpuSets().describe());
        return new Environment(settings.label(), started.toString(), seconds,
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version(),
                settings.forkFlags(), settings.gc(), "-Xms" + settings.heap() + " -Xmx" + settings.heap(),
                "JMH " + Version.getPlainVersion() + "; single-shot; "
                        + iterations(settings) + "; " + (settings.forks() == 1 ? "1 fork" : settings.forks() + " forks") + " per combination; "
                        + "the setup runs and checks one operation first",
                settings.cpuSets().measuredCpus(), os.getTotalMemorySize(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                database, server, settings.httpClient().settings(), describe, Models.unavailable(), gitCommit(), notes, settings.command());
    }

    private static String iterations(RunSettings settings) {
        if (settings.fixedWarmups() != null && settings.fixedMeasurements() != null) {
            return settings.fixedWarmups() + " warm-up + " + settings.fixedMeasurements() + " measured iterations";
        }
        Preset p = settings.preset();
        return "iterations by operation length: " + p.warmups + "-" + Math.max(2, 3 * p.warmups) + " warm-up, "
                + p.measurements + "-" + p.maxMeasurements + " measured (about " + p.measureMs + " ms of measuring)"
                + (settings.fixedWarmups() != null ? ", warm-up fixed at " + settings.fixedWarmups() : "")
                + (settings.fixedMeasurements() != null ? ", measured fixed at " + settings.fixedMeasurements() : "");
    }

    /** The commit of the checkout the jar was built in (bench/target/benchmarks.jar, three folders up), or "unknown". */
    private static String gitCommit() {
        Path root;
        try {
            root = Path.of(RunEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (int i = 0; i < 3 && root.getParent() != null; i++) root = root.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            root = Path.of(".");
        }
        try {
            Process p = new ProcessBuilder("git", "-C", root.toString(), "rev-parse", "HEAD").redirectErrorStream(true).start();
            String commit = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || !commit.matches("[0-9a-f]{40}")) return "unknown";
            Process s = new ProcessBuilder("git", "-C", root.toString(), "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8).isBlank();
            s.waitFor();
            return commit + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
