package dev.asyncbench.bench.report;

import dev.asyncbench.bench.results.BenchScenario;
import dev.asyncbench.core.Models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Each model's source for a scenario, so the report shows the code next to its numbers. The
 * build copies every model module's scenario files into the bench jar as
 * {@code sources/<folder>/<File>.java|kt} (bench/pom.xml, execution {@code model-sources}), and
 * the asyncio row's Python modules as {@code sources/<folder>/<file>.py}, so they are there
 * wherever the jar runs, and match the code that was measured when the report is rendered by the
 * same build.
 *
 * <p>Every model names its scenario files alike ({@code Gather}, {@code HttpFanOut}, ...; in
 * Python, {@code gather.py}, {@code http_fan_out.py}), so a scenario maps to one file name for
 * all of them.
 */
final class SourceFiles {

    /** A scenario file of one model. */
    record Source(String model, String file, String repoPath, String language, String text, String note) {
    }

    /**
     * Every folder the build copied model sources from, as repository paths (bench/pom.xml,
     * execution {@code model-sources}, keeps each file's path from the repository's root).
     */
    private static final class Folders {
        static final List<String> ALL = list();

        private static List<String> list() {
            Set<String> folders = new TreeSet<>();
            try {
                Enumeration<URL> roots = SourceFiles.class.getClassLoader().getResources(ROOT);
                while (roots.hasMoreElements()) {
                    URL root = roots.nextElement();
                    if (root.getProtocol().equals("jar")) {
                        String jar = root.getPath().substring("file:".length(), root.getPath().indexOf("!/"));
                        try (JarFile file = new JarFile(URLDecoder.decode(jar, StandardCharsets.UTF_8))) {
                            file.stream().map(JarEntry::getName).filter(n -> n.startsWith(ROOT + "/") && !n.endsWith("/"))
                                    .forEach(n -> folders.add(n.substring(ROOT.length() + 1, n.lastIndexOf('/'))));
                        }
                    } else if (root.getProtocol().equals("file")) {
                        Path dir = Path.of(root.toURI());
                        try (Stream<Path> files = Files.walk(dir)) {
                            files.filter(Files::isRegularFile).forEach(f -> folders.add(dir.relativize(f.getParent()).toString().replace('\\', '/')));
                        }
                    }
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // no sources to show: the report says so per file
            }
            return List.copyOf(folders);
        }
    }

    private static final String ROOT = "sources";

    /**
     * The repository folder of a model's scenario files: the one whose path ends with the
     * package of the model's class; for a model not on the class path (asyncio), the one in its
     * module, {@code <model>-impl/} ({@code asyncio-impl/asyncbench_asyncio}); else its name.
     */
    static String folder(String model) {
        Optional<String> pkg = Models.type(model).map(t -> t.getPackageName().replace('.', '/'));
        if (pkg.isPresent()) return pkg.flatMap(p -> Folders.ALL.stream().filter(f -> f.endsWith("/" + p)).findFirst()).orElse(model);
        return Folders.ALL.stream().filter(f -> f.startsWith(model + "-impl/")).findFirst().orElse(model);
    }

    /** The facts every scenario file lists first, in this order. */
    static final List<String> FACTS = List.of("Threads", "Blocking", "Cancellation", "Errors");

    private final Function<String, String> resources;
    /** Each file read once per instance (gather-mass, fail-fast and collect-all share Gather; two renderers read them). */
    private final Map<String, Optional<String>> read = new HashMap<>();

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
        return Arrays.stream(BenchScenario.values()).filter(s -> s.id().equals(scenario)).findFirst().map(SourceFiles::fileFor);
    }

    static String fileFor(BenchScenario scenario) {
        return switch (scenario) {
            case HELLO -> "Hello";
            case GATHER, GATHER_MASS, FAIL_FAST, COLLECT_ALL -> "Gather";
            case HTTP_FAN_OUT -> "HttpFanOut";
            case FILES -> "FileDigests";
            case DB -> "Db";
            case AGGREGATE -> "Aggregate";
            case TIMEOUT -> "Timeout";
            case RACE -> "Race";
            case RETRY -> "Retry";
            case LOAD -> "Load";
        };
    }

    /** {@code HttpFanOut} to {@code http_fan_out}, {@code fetchWithTimeout} to {@code fetch_with_timeout}: a name as Python spells it. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static final Map<String, String> LANGUAGES = Map.of("java", "java", "kt", "kotlin", "py", "python");

    /** The model's file for the scenario ({@code Gather.java}, {@code Gather.kt} or {@code gather.py}), or empty when the jar does not carry it. */
    Optional<Source> of(String model, String scenario) {
        Optional<String> file = fileFor(scenario);
        if (file.isEmpty()) return Optional.empty();
        String folder = folder(model);
        for (String ext : List.of("java", "kt", "py")) {
            String name = (ext.equals("py") ? snake(file.get()) : file.get()) + "." + ext;
            String text = read.computeIfAbsent(ROOT + "/" + folder + "/" + name, path -> Optional.ofNullable(resources.apply(path))).orElse(null);
            if (text != null) {
                String first = firstModelIn(folder);
                String note = first != null && !first.equals(model)
                        ? "the same file as " + first + ": only the model's configuration differs (see its describe() line)" : "";
                return Optional.of(new Source(model, name, folder + "/" + name, LANGUAGES.get(ext), text, note));
            }
        }
        return Optional.empty();
    }

    /** The first model, in the models' order, whose files are in {@code folder}, or null. */
    private static String firstModelIn(String folder) {
        return Models.names().stream().filter(m -> folder(m).equals(folder)).findFirst().orElse(null);
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
    /** A Python module's docstring: its first statement, after comment lines (a shebang, a licence). */
    private static final Pattern DOCSTRING = Pattern.compile("\\A(?:\\s*#[^\n]*\n)*\\s*[rRuU]?(\"\"\"|''')(.*?)\\1", Pattern.DOTALL);

    /**
     * The file's Threads / Blocking / Cancellation / Errors list from its first doc comment
     * ({@code <li>Threads: ...} in Java, {@code - Threads: ...} in KDoc) or its module docstring
     * ({@code - Threads: ...} in Python), as plain text; the facts a file does not state are absent.
     */
    static Map<String, String> facts(String source) {
        Map<String, String> facts = new LinkedHashMap<>();
        Matcher docstring = DOCSTRING.matcher(source);
        boolean python = docstring.find();
        Matcher doc = DOC.matcher(source);
        if (!python && !doc.find()) return facts;
        List<String> lines = new ArrayList<>();
        for (String line : (python ? docstring.group(2) : doc.group(1)).split("\n")) {
            lines.add((python ? line : line.replaceFirst("^\\s*\\*\\s?", "")).strip());
        }
        String current = null;
        StringBuilder value = new StringBuilder();
        for (String line : lines) {
            String item = line.replaceFirst("^(<li>|[-*]\\s+)", "");
            boolean starts = !item.equals(line);
            String key = null;
            if (starts) for (String f : FACTS) if (item.startsWith(f + ":")) key = f;
            if (key != null) {
                if (current != null) facts.put(current, plain(value.toString(), python));
                current = key;
                value.setLength(0);
                value.append(item.substring(key.length() + 1).strip());
            } else if (current != null) {
                if (starts || line.isEmpty() || line.startsWith("</ul>") || line.startsWith("@")) {
                    facts.put(current, plain(value.toString(), python));
                    current = null;
                } else {
                    value.append(' ').append(line);
                }
            }
        }
        if (current != null) facts.put(current, plain(value.toString(), python));
        return facts;
    }

    /**
     * Doc markup to plain text: {@code x} and {@link X} keep their text, tags go; backticks go
     * (KDoc's {@code `x`}, reStructuredText's {@code ``x``}). A docstring has no tags: its text stays.
     */
    private static String plain(String s, boolean python) {
        if (python) return s.replace("`", "").replaceAll("\\s+", " ").strip();
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
