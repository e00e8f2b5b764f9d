package dev.asyncbench.bench;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the jar was built from: the project version, the git commit and the build time, which the
 * build writes into {@code dev/asyncbench/bench/build.properties} (bench/pom.xml, the
 * {@code build-info} step, git run in the checkout). {@code ./suite --version} prints it, e.g.
 * {@code asyncbench 0.1.0-SNAPSHOT (commit 6ac9ca7, built 2026-12-04)}; a build from a tree
 * with uncommitted changes to tracked files says
 * {@code 6ac9ca7-dirty}, and one outside a git checkout (or without git) says {@code commit unknown}.
 */
public final class BuildInfo implements CommandLine.IVersionProvider {

    /** The resource, next to this class. */
    static final String RESOURCE = "build.properties";
    static final String UNKNOWN = "unknown";

    private final String version;
    private final String commitFull;
    private final boolean dirty;
    private final String built;

    /** The jar's own build.properties (picocli creates the provider through this constructor). */
    public BuildInfo() {
        this(load());
    }

    BuildInfo(Properties p) {
        this.version = value(p, "version");
        String commit = value(p, "commit");
        this.commitFull = commit.matches("[0-9a-f]{40}") ? commit : UNKNOWN;
        this.dirty = "true".equals(value(p, "dirty"));
        this.built = value(p, "built");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " from the jar", e);
        }
        return p;
    }

    /** The value, or "unknown" when it is missing, blank or was never filled in (a {@code ${...}} left as it is). */
    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }

    /** The project version (e.g. 0.1.0-SNAPSHOT), or "unknown". */
    public String version() {
        return version;
    }

    /** The abbreviated commit (7 hex digits), or "unknown". */
    public String commit() {
        return commitFull.equals(UNKNOWN) ? UNKNOWN : commitFull.substring(0, 7);
    }

    /** The full 40-digit commit, or "unknown". */
    public String commitFull() {
        return commitFull;
    }

    /** Whether tracked files had uncommitted changes when the jar was built ({@code git status --untracked-files=no}). */
    public boolean dirty() {
        return dirty;
    }

    /** The build date, yyyy-MM-dd (UTC), or "unknown". */
    public String builtOn() {
        return built.length() >= 10 && built.charAt(4) == '-' && built.charAt(7) == '-' ? built.substring(0, 10) : built;
    }

    /** The version line: {@code asyncbench 0.1.0-SNAPSHOT (commit 6ac9ca7, built 2026-12-04)}. */
    public String line() {
        String c = commitFull.equals(UNKNOWN) ? UNKNOWN : commit() + (dirty ? "-dirty" : "");
        return "asyncbench " + version + " (commit " + c + ", built " + builtOn() + ")";
    }

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    @Override
    public String toString() {
        return line();
    }
}
