package dev.asyncbench.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Disjoint CPU sets for the testbed (the HTTP server's and the database's processes) and the
 * measured side (this JVM and all it starts once the testbed is up: JMH forks, minimal
 * programs, wrk), so that on a machine with cores to spare neither side's work runs on the
 * other's CPUs. The testbed processes start under {@code taskset -c TESTBED} (PostgreSQL's
 * backends inherit it); this JVM then moves itself, every thread, to the measured set
 * ({@code taskset -a -p -c}), and its children inherit that.
 *
 * <p>{@code --cpu-sets auto} (the default) splits the CPUs this process may use in two halves
 * when there are at least {@link #MIN_CPUS} of them and {@code taskset} is installed (plain
 * halves by number: on a machine whose hyperthread twins are numbered apart, 0-3 and 4-7 can
 * share cores; give the sets by hand there); {@code off}
 * never splits; {@code TESTBED:MEASURED} (two taskset lists, {@code 0-1:2-3}) splits as given.
 * The environment records which, and why not when not.
 *
 * @param testbed  the testbed's CPUs as a taskset list, or null when not split
 * @param measured the measured side's CPUs, or null when not split
 * @param why      when not split, why; else ""
 */
public record CpuSets(String testbed, String measured, String why) {

    /** The fewest CPUs {@code auto} splits: two for each side. */
    static final int MIN_CPUS = 4;
    /** The highest CPU number a list may name (Linux's default NR_CPUS is far below it). */
    static final int MAX_CPU = 8191;
    static final Path TASKSET = Path.of("/usr/bin/taskset");

    /** Not split, for {@code why}. */
    static CpuSets shared(String why) {
        return new CpuSets(null, null, why);
    }

    /** Settings no command line asked for (tests): not split. */
    static final CpuSets NONE = shared("not asked for");

    boolean split() {
        return testbed != null;
    }

    /** What {@code --cpu-sets option} asks for on this machine; a {@link BadInput} when it cannot be done. */
    public static CpuSets of(String option) {
        List<Integer> allowed = allowed();
        // in a container with a CPU quota the list names every host CPU: split only what the JVM may really use
        if (allowed.size() > Runtime.getRuntime().availableProcessors() && option.trim().equals("auto")) {
            return shared(Runtime.getRuntime().availableProcessors() + " CPUs of quota over " + allowed.size()
                    + " listed, so the testbed and the measured JVMs share them (a quota is not a set to split)");
        }
        return choose(option, allowed, tasksetInstalled());
    }

    /** What {@code --cpu-sets} asks for, on a machine where this process may use {@code allowed}. */
    static CpuSets choose(String option, List<Integer> allowed, boolean taskset) {
        String o = option.trim();
        if (o.equals("off")) return shared("--cpu-sets off");
        if (o.equals("auto")) {
            if (allowed.size() < MIN_CPUS) {
                return shared(allowed.size() + " CPUs, so the testbed and the measured JVMs share them (--cpu-sets auto splits "
                        + MIN_CPUS + " or more)");
            }
            if (!taskset) return shared("taskset is not installed (util-linux), so the testbed and the measured JVMs share the CPUs");
            int half = allowed.size() / 2;
            return new CpuSets(list(allowed.subList(0, half)), list(allowed.subList(half, allowed.size())), "");
        }
        String[] sides = o.split(":", -1);
        if (sides.length != 2) throw new BadInput("--cpu-sets must be auto, off or TESTBED:MEASURED (e.g. 0-1:2-3), was '" + option + "'");
        List<Integer> a = parse(sides[0], option), b = parse(sides[1], option);
        for (int cpu : a) {
            if (b.contains(cpu)) throw new BadInput("--cpu-sets: CPU " + cpu + " is on both sides of '" + option + "'; the sets must be disjoint");
        }
        for (int cpu : concat(a, b)) {
            if (!allowed.contains(cpu)) throw new BadInput("--cpu-sets: CPU " + cpu + " is not one this process may use (" + list(allowed) + ")");
        }
        if (!taskset) throw new BadInput("--cpu-sets " + option + " needs taskset (util-linux), which is not installed");
        return new CpuSets(list(a), list(b), "");
    }

    /** The words a report prints. */
    String describe() {
        return split() ? "testbed (HTTP server, database) on CPUs " + testbed + "; measured JVMs, minimal programs and wrk on CPUs " + measured
                + " (taskset; cores counts these)" : "not split: " + why;
    }

    /** How many CPUs the measured side has: all this process may use when not split. */
    int measuredCpus() {
        return split() ? parse(measured, measured).size() : Runtime.getRuntime().availableProcessors();
    }

    /** What to put before a testbed process's command: {@code taskset -c TESTBED}, or nothing. */
    List<String> testbedPrefix() {
        return split() ? List.of(TASKSET.toString(), "-c", testbed) : List.of();
    }

    /**
     * Moves this JVM, every thread, to the measured set; what it starts afterwards inherits it.
     * Returns what moves it back to the CPUs it had (a run inside a test JVM leaves it as it
     * found it). Nothing when not split.
     */
    Runnable pinThisJvm() {
        if (!split()) return () -> { };
        String before = list(allowed());
        taskset(measured);
        return () -> taskset(before);
    }

    private static void taskset(String cpus) {
        List<String> command = List.of(TASKSET.toString(), "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new RunProblem("cannot move the run to CPUs " + cpus + " (" + String.join(" ", command) + "): " + out);
            }
        } catch (IOException e) {
            throw new RunProblem("cannot run taskset: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunProblem("interrupted while moving the run to CPUs " + cpus, e);
        }
    }

    /** The CPUs this process may run on (Linux's Cpus_allowed_list), else 0 to availableProcessors - 1. */
    static List<Integer> allowed() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) return parse(line.substring(line.indexOf(':') + 1).trim(), line);
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: count them
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) all.add(i);
        return all;
    }

    static boolean tasksetInstalled() {
        return Files.isExecutable(TASKSET);
    }

    /** A taskset list ("0-2,5") as CPU numbers, in order. */
    static List<Integer> parse(String text, String whole) {
        TreeSet<Integer> cpus = new TreeSet<>();
        try {
            for (String part : text.split(",")) {
                String[] ends = part.trim().split("-", -1);
                int from = Integer.parseInt(ends[0].trim()), to = ends.length == 2 ? Integer.parseInt(ends[1].trim()) : from;
                if (ends.length > 2 || from < 0 || to < from || to > MAX_CPU) throw new NumberFormatException(part);
                for (int c = from; c <= to; c++) cpus.add(c);
            }
        } catch (NumberFormatException e) {
            throw new BadInput("--cpu-sets: '" + text + "' in '" + whole + "' is not a CPU list such as 0-1 or 0,2 (CPUs 0 to " + MAX_CPU + ")", e);
        }
        return new ArrayList<>(cpus);
    }

    /** CPU numbers as a taskset list, runs joined: [0, 1, 2, 5] is "0-2,5". */
    static String list(List<Integer> cpus) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cpus.size(); ) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) j++;
            if (!out.isEmpty()) out.append(',');
            out.append(cpus.get(i));
            if (j > i) out.append('-').append(cpus.get(j));
            i = j + 1;
        }
        return out.toString();
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
