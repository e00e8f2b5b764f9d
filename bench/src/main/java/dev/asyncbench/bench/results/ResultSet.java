package dev.asyncbench.bench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One run's results as saved in its folder ({@code results/<timestamp>/}):
 * {@value #CSV} (the rows), {@value #ENVIRONMENT} (where and how), {@value #JMH_JSON} (JMH's
 * own output, kept for other tools) and the reports rendered from them.
 */
public record ResultSet(Environment environment, List<ResultRow> rows) {

    public static final String CSV = "results.csv";
    public static final String ENVIRONMENT = "environment.json";
    public static final String JMH_JSON = "jmh-result.json";

    public ResultSet {
        Objects.requireNonNull(environment, "environment");
        rows = List.copyOf(rows);
    }

    /**
     * Writes {@value #CSV} and {@value #ENVIRONMENT} into {@code dir}, creating it; each file
     * whole or not at all ({@link OutputFolder}), an {@link OutputFailure} when one cannot be.
     */
    public void save(Path dir) {
        OutputFolder.createFolder(dir);
        OutputFolder.write(dir.resolve(CSV), ResultsCsv.write(rows));
        OutputFolder.write(dir.resolve(ENVIRONMENT), environment.toJson());
    }

    /**
     * Loads a saved result set. A missing folder or file, or one that cannot be parsed, is an
     * {@link IllegalArgumentException} whose one-line message names the file and what is wrong.
     */
    public static ResultSet load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no results folder at " + dir + "; expected a folder written by 'run' (results/<timestamp>/)");
        }
        String csv = read(dir.resolve(CSV));
        String env = read(dir.resolve(ENVIRONMENT));
        List<ResultRow> rows;
        try {
            rows = ResultsCsv.read(csv);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt " + dir.resolve(CSV) + ": " + e.getMessage(), e);
        }
        Environment environment;
        try {
            environment = Environment.fromJson(env);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt " + dir.resolve(ENVIRONMENT) + ": " + e.getMessage(), e);
        }
        return new ResultSet(environment, rows);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("missing " + file + "; a results folder holds " + CSV + " and " + ENVIRONMENT, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
