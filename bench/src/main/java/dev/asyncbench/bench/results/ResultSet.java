package dev.asyncbench.bench.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
     * Loads a saved result set. A missing folder or file, or one that cannot be parsed (not
     * UTF-8 text, not JSON, a field or record out of shape), is an
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
            throw new IllegalArgumentException("corrupt " + dir.resolve(CSV) + ": " + printable(e.getMessage()), e);
        }
        Object json;
        try {
            json = Json.parse(env);
        } catch (IllegalArgumentException e) {
            String what = env.isBlank() ? " is empty" : " is not valid JSON: " + printable(e.getMessage());
            throw new IllegalArgumentException(dir.resolve(ENVIRONMENT) + what, e);
        }
        Environment environment;
        try {
            environment = Environment.of(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt " + dir.resolve(ENVIRONMENT) + ": " + printable(e.getMessage()), e);
        }
        return new ResultSet(environment, rows);
    }

    /**
     * The file's text; it must be UTF-8 without NUL characters (a binary file, or one cut off by
     * a crash, is neither). A byte order mark, as a spreadsheet saving a CSV file adds, is dropped.
     */
    private static String read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("missing " + file + "; a results folder holds " + CSV + " and " + ENVIRONMENT, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + OutputFailure.reason(e, file), e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new IllegalArgumentException(file + " is not UTF-8 text (byte 0x" + HexFormat.of().toHexDigits(bytes[in.position()])
                    + " at offset " + in.position() + ")");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            int offset = text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
            throw new IllegalArgumentException(file + " is not UTF-8 text (a NUL byte at offset " + offset + ")");
        }
        return text;
    }

    /** A message quoting a file's content, safe for one line of a terminal: control characters as U+XXXX, at most 300 characters. */
    static String printable(String message) {
        StringBuilder out = new StringBuilder();
        message.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) out.append(String.format(Locale.ROOT, "U+%04X", c));
            else out.appendCodePoint(c);
        });
        return out.length() <= 300 ? out.toString() : out.substring(0, 299) + "…";
    }
}
