package dev.asyncbench.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each model's source for a scenario, so the report shows the code next to its numbers. The
 * build copies every model module's scenario files into the bench jar as
 * {@code sources/<folder>/<File>.java|kt} (bench/pom.xml, execution {@code model-sources}), so
 * they are there wherever the jar runs, and match the code that was measured when the report is
 * rendered by the same build.
 *
 * <p>Every model names its scenario files alike ({@code Gather}, {@code HttpFanOut}, ...), so a
 * scenario maps to one file name for all of them.
 */
final class SourceFiles {

    /** A scenario file of one model. */
    record Source(String model, String file, String repoPath, String language, String text, String note) {
    }

    /** Where a model's files are: the folder in the jar, the folder in the repository, the language. */
    private record Home(String folder, String repoFolder, String extension) {
    }

    private static final Map<String, Home> HOMES = new LinkedHashMap<>();

    static {
        HOMES.put("sequential", new Home("sequential", "core/src/main/java/dev/asyncbench/core/sequential", "java"));
        HOMES.put("threads", new Home("threads", "threads-impl/src/main/java/dev/asyncbench/threads", "java"));
        HOMES.put("threads-per-task", new Home("threads", "threads-impl/src/main/java/dev/asyncbench/threads", "java"));
        HOMES.put("futures", new Home("futures", "futures-impl/src/main/java/dev/asyncbench/futures", "java"));
        HOMES.put("rx", new Home("rx", "rx-impl/src/main/java/dev/asyncbench/rx", "java"));
        HOMES.put("virtual-threads", new Home("vthreads", "virtual-threads-impl/src/main/java/dev/asyncbench/vthreads", "java"));
        HOMES.put("coroutines", new Home("coroutines", "coroutines-impl/src/main/kotlin/dev/asyncbench/coroutines", "kt"));
    }

    /** The facts every scenario file lists first, in this order. */
    static final List<String> FACTS = List.of("Threads", "Blocking", "Cancellation", "Errors");

    private final Function<String, String> resources;

    /** Reads from the class path (the jar, or target/classes). */
    SourceFiles() {
        this(SourceFiles::classpath);
    }

    /** Reads with {@code resources}: a path such as {@code sources/rx/Gather.java} to its text, or null. */
    SourceFiles(Function<String, String> resources) {
        this.resources = resources;
    }

    /** The file name (no extension) holding a scenario in every model: gather-mass, fail-fast, collect-all live in Gather. */
    static Optional<String> fileFor(String scenario) {
        return Optional.ofNullable(switch (scenario) {
            case "hello" -> "Hello";
            case "gather", "gather-mass", "fail-fast", "collect-all" -> "Gather";
            case "http-fan-out" -> "HttpFanOut";
            case "files" -> "FileDigests";
            case "db" -> "Db";
            case "aggregate" -> "Aggregate";
            case "timeout" -> "Timeout";
            case "race" -> "Race";
            default -> null;
        });
    }

    /** The model's file for the scenario, or empty when the jar does not carry it. */
    Optional<Source> of(String model, String scenario) {
        Optional<String> file = fileFor(scenario);
        if (file.isEmpty()) return Optional.empty();
        Home home = HOMES.getOrDefault(model, new Home(model, model, "java"));
        for (String ext : home.extension().equals("kt") ? List.of("kt", "java") : List.of("java", "kt")) {
            String name = file.get() + "." + ext;
            String text = resources.apply("sources/" + home.folder() + "/" + name);
            if (text != null) {
                String note = model.equals("threads-per-task")
                        ? "the same file as threads: only the executor differs (a new platform thread per task, see ThreadsConfig)" : "";
                return Optional.of(new Source(model, name, home.repoFolder() + "/" + name, ext.equals("kt") ? "kotlin" : "java", text, note));
            }
        }
        return Optional.empty();
    }

    private static String classpath(String path) {
        try (InputStream in = SourceFiles.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the class path", e);
        }
    }

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|link|linkplain|literal)\\s+([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    private static final Pattern DOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

    /**
     * The file's Threads / Blocking / Cancellation / Errors list from its first doc comment
     * ({@code <li>Threads: ...} in Java, {@code - Threads: ...} in KDoc), as plain text; the
     * facts a file does not state are absent.
     */
    static Map<String, String> facts(String source) {
        Map<String, String> facts = new LinkedHashMap<>();
        Matcher doc = DOC.matcher(source);
        if (!doc.find()) return facts;
        List<String> lines = new ArrayList<>();
        for (String line : doc.group(1).split("\n")) lines.add(line.replaceFirst("^\\s*\\*\\s?", "").strip());
        String current = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            String item = line.replaceFirst("^(<li>|[-*]\\s+)", "");
            boolean starts = !item.equals(line);
            String key = null;
            if (starts) for (String f : FACTS) if (item.startsWith(f + ":")) key = f;
            if (key != null) {
                if (current != null) facts.put(current, plain(value.toString()));
                current = key;
                value.setLength(0);
                value.append(item.substring(key.length() + 1).strip());
            } else if (current != null) {
                if (starts || line.isEmpty() || line.startsWith("</ul>") || line.startsWith("@")) {
                    facts.put(current, plain(value.toString()));
                    current = null;
                } else {
                    value.append(' ').append(line);
                }
            }
        }
        if (current != null) facts.put(current, plain(value.toString()));
        return facts;
    }

    /** Doc markup to plain text: {@code x} and {@link X} keep their text, tags go. */
    private static String plain(String s) {
        Matcher m = INLINE_TAG.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2).strip();
            if (!m.group(1).equals("code") && !m.group(1).equals("literal")) {
                body = body.replaceFirst("^#", "").replace('#', '.');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(body));
        }
        m.appendTail(out);
        String t = out.toString();
        t = t.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        t = t.replace("`", "");
        return t.replaceAll("\\s+", " ").strip();
    }
}
