package dev.asyncbench.bench.fork;

import dev.asyncbench.bench.fork.ForkProtocol.Line;
import dev.asyncbench.bench.fork.ForkProtocol.Measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a JVM's report file says, read by the runner: the first problem, if any, typed; the
 * notes on its figures; the values it measured itself (minimal programs).
 *
 * @param problem null when the JVM reported none
 */
public record ForkOutcome(Problem problem, List<String> notes, Map<Measure, List<Double>> values) {

    /** Why a JVM gave no figures. */
    public sealed interface Problem permits Failed, Incorrect {
        /** One line for a reader. */
        String describe();
    }

    /** The model (or the JVM) failed; {@code reason} is one line. */
    public record Failed(String reason) implements Problem {
        @Override
        public String describe() {
            return reason;
        }
    }

    /** The model's answer differs from the sequential reference's. */
    public record Incorrect(String expected, String actual) implements Problem {
        @Override
        public String describe() {
            return "returned " + actual + ", expected " + expected;
        }
    }

    public ForkOutcome {
        notes = List.copyOf(notes);
        values = Map.copyOf(values);
    }

    /** The report file's outcome; an empty one when the JVM wrote none. */
    public static ForkOutcome read(Path file) throws IOException {
        Problem problem = null;
        List<String> notes = new ArrayList<>();
        Map<Measure, List<Double>> values = new EnumMap<>(Measure.class);
        if (Files.exists(file)) {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                var line = Line.read(text);
                if (line == null) continue;
                List<String> f = line.getValue();
                switch (line.getKey()) {
                    case FAILED -> problem = problem != null ? problem : new Failed(field(f, 0));
                    case INCORRECT -> problem = problem != null ? problem : new Incorrect(field(f, 0), field(f, 1));
                    case NOTE -> notes.add(field(f, 0));
                    case VALUE -> {
                        Measure m = Measure.byLabel(field(f, 0));
                        if (m != null) values.computeIfAbsent(m, k -> new ArrayList<>()).add(Double.parseDouble(field(f, 1)));
                    }
                }
            }
        }
        return new ForkOutcome(problem, notes, values);
    }

    /** The one value of {@code m}, or NaN. */
    public double value(Measure m) {
        List<Double> v = values.get(m);
        return v == null || v.isEmpty() ? Double.NaN : v.getLast();
    }

    private static String field(List<String> fields, int i) {
        return i < fields.size() ? fields.get(i) : "";
    }
}
