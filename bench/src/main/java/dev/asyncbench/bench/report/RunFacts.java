package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.Environment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The environment block of both reports: label and value, in reading order, all from environment.json. */
final class RunFacts {
    private RunFacts() {
    }

    /** One line of the environment block; {@code code} values print as code. */
    record Fact(String label, String value, boolean code) {
    }

    /** The command that produced the run (null when unknown) and what to add about it (may be empty). */
    record Command(String command, String remark) {
    }

    /**
     * The command that produced the run, as far as environment.json says: its {@code command}
     * note when the runner recorded one; else the preset's command when the preset is a plain
     * one; else a pointer to environment.json.
     */
    static Command command(Environment env) {
        String recorded = env.notes().get("command");
        if (recorded != null && !recorded.isBlank()) return new Command(recorded, "");
        String preset = env.preset();
        if (preset.equals("quick") || preset.equals("full")) {
            return new Command("./suite run --preset " + preset, "environment.json records the preset, not every option: see environment.json");
        }
        return new Command(null, "a custom run (preset '" + preset + "'); its options are not recorded: see environment.json");
    }

    static String started(Environment env) {
        try {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.parse(env.started()));
        } catch (DateTimeParseException e) {
            return env.started();
        }
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds)) return "";
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    static String memory(long bytes) {
        if (bytes <= 0) return "unknown";
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** The machine and JVM facts, in the order the reports print them. */
    static List<Fact> of(Environment env) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("JDK", env.jdk(), false));
        facts.add(new Fact("JVM flags (every measured JVM)", String.join(" ", env.forkFlags()), true));
        facts.add(new Fact("GC", env.gc(), false));
        facts.add(new Fact("Heap", env.heap(), true));
        facts.add(new Fact("JMH", env.jmh(), false));
        facts.add(new Fact("Cores", env.cores() > 0 ? Integer.toString(env.cores()) : "unknown", false));
        facts.add(new Fact("Memory", memory(env.memoryBytes()), false));
        facts.add(new Fact("OS", env.os(), false));
        facts.add(new Fact("Database", env.database(), false));
        facts.add(new Fact("HTTP server (and its measured capacity)", env.server(), false));
        facts.add(new Fact("HTTP client (shared by every model)", env.httpClient(), false));
        facts.add(new Fact("Commit", env.gitCommit(), true));
        facts.add(new Fact("Started", started(env), false));
        facts.add(new Fact("Duration", duration(env.durationSeconds()), false));
        return facts;
    }
}
