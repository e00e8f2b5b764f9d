package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.Environment;
import dev.asyncbench.bench.results.ResultSet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The environment block of both reports: label and value, in reading order, all from
 * environment.json, with durations written for people and without the folders of the machine
 * that ran (a path names a place on that machine, not a property of the result).
 */
final class RunFacts {
    private RunFacts() {
    }

    /** One line of the environment block; {@code code} values print as code. */
    record Fact(String label, String value, boolean code) {
    }

    /** The data files a report links when they are next to it, in this order. */
    static final List<String> DATA_FILES = List.of(ResultSet.CSV, ResultSet.ENVIRONMENT, ResultSet.JMH_JSON);

    /**
     * The exact command that produced the run, as environment.json recorded it; for runs
     * written before it was recorded, the {@code command} note some of them carry; empty when
     * neither is there. Never guessed from the preset.
     */
    static Optional<String> command(Environment env) {
        if (!env.command().isBlank()) return Optional.of(env.command());
        String note = env.notes().get("command");
        return note == null || note.isBlank() ? Optional.empty() : Optional.of(note);
    }

    /** A value of environment.json as the environment block shows it: durations for people, no folders of the machine. */
    static String plain(String value) {
        return Text.withoutFolders(Text.durations(value));
    }

    /** environment.json's notes as the environment block shows them: by topic, without the command (shown on its own). */
    static Map<String, String> notes(Environment env) {
        Map<String, String> notes = new LinkedHashMap<>();
        env.notes().forEach((k, v) -> {
            if (!k.equals("command")) notes.put(k, plain(v));
        });
        return notes;
    }

    /**
     * What both reports say at the very top of a run that stopped early, as a sentence
     * ("Interrupted by SIGINT (Ctrl-C) after 12 of 40 combinations; 28 not measured. This
     * report shows only the combinations that finished."); empty for a run that completed.
     */
    static Optional<String> interrupted(Environment env) {
        if (!env.wasInterrupted()) return Optional.empty();
        String why = env.interrupted().replaceAll("\\s+", " ");
        why = Character.toUpperCase(why.charAt(0)) + why.substring(1);
        if (!why.endsWith(".")) why += ".";
        return Optional.of(why + " This report shows only the combinations that finished.");
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
        if (env.wasInterrupted()) facts.add(new Fact("Interrupted", env.interrupted(), false));
        return facts.stream().map(f -> new Fact(f.label(), plain(f.value()), f.code())).toList();
    }
}
