package dev.asyncbench.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the concurrency models on the class path with {@link ServiceLoader}. */
public final class Models {

    private Models() {
    }

    /**
     * A fresh instance of every model found; the caller closes them. A model that cannot load
     * here (for instance one compiled with preview features in a JVM started without
     * {@code --enable-preview}) is left out and named by {@link #unavailable()}.
     */
    public static List<TaskScenario> all() {
        List<TaskScenario> found = new ArrayList<>();
        var providers = ServiceLoader.load(TaskScenario.class).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) break;
                found.add(providers.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                // best effort: the iterator has consumed this provider's name and moves on
            }
        }
        found.sort(Comparator.comparingInt(TaskScenario::rank).thenComparing(TaskScenario::name));
        return found;
    }

    /** One line per model on the class path that cannot load in this JVM, saying why. */
    public static List<String> unavailable() {
        List<String> problems = new ArrayList<>();
        var providers = ServiceLoader.load(TaskScenario.class).iterator();
        while (true) {
            try {
                if (!providers.hasNext()) break;
                providers.next().close();
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.add(explain(e));
            }
        }
        return problems;
    }

    private static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedClassVersionError && String.valueOf(t.getMessage()).contains("preview")) {
                Throwable own = e.getCause(); // the provider's own words, when it explains itself
                String why = own != null && own != t && own.getMessage() != null ? own.getMessage()
                        : "it uses preview features of Java " + Runtime.version().feature() + "; run this JVM with --enable-preview";
                return e.getMessage() + ": " + why;
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** Every model's name, in the models' own order (read once per JVM). */
    public static List<String> names() {
        return Ranked.NAMES;
    }

    /** A fresh instance of the named model, or an exception listing the accepted names. */
    public static TaskScenario byName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("model name must not be empty; accepted: " + String.join(", ", names()));
        TaskScenario chosen = null;
        for (TaskScenario m : all()) {
            if (chosen == null && m.name().equals(name)) chosen = m; else m.close();
        }
        if (chosen == null) {
            List<String> problems = unavailable();
            throw new IllegalArgumentException("unknown model '" + name + "'; accepted: " + String.join(", ", names())
                    + (problems.isEmpty() ? "" : " (not loadable here: " + String.join("; ", problems) + ")"));
        }
        return chosen;
    }

    /**
     * The models' own order ({@link TaskScenario#rank}) for these names; a name no model on the
     * class path has (a result from elsewhere) follows, by name.
     */
    public static List<String> ordered(Collection<String> names) {
        return names.stream().distinct()
                .sorted(Comparator.comparingInt((String n) -> position(n) < 0 ? Integer.MAX_VALUE : position(n)).thenComparing(n -> n))
                .toList();
    }

    /** The position of {@code name} in the models' own order, or -1 when no model on the class path has it. */
    public static int position(String name) {
        return Ranked.NAMES.indexOf(name);
    }

    /** The class of the model named {@code name}, or empty when no model on the class path has it. */
    public static Optional<Class<?>> type(String name) {
        return Optional.ofNullable(Ranked.TYPES.get(name));
    }

    /** Every model's name in order and its class, read once. */
    private static final class Ranked {
        static final List<String> NAMES;
        static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();

        static {
            List<TaskScenario> all = all();
            all.forEach(m -> TYPES.put(m.name(), m.getClass()));
            all.forEach(TaskScenario::close);
            NAMES = List.copyOf(TYPES.keySet());
        }
    }

    static String describeAll() {
        return all().stream().map(m -> m.name() + ": " + m.describe()).collect(Collectors.joining("\n"));
    }
}
