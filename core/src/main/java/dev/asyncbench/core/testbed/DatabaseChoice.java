package dev.asyncbench.core.testbed;

/**
 * Which database the testbed uses. {@code auto}: PostgreSQL when its server binaries are
 * installed (pg_ctl under /usr/lib/postgresql/N/bin or on PATH), else H2; {@code postgres}
 * and {@code h2} force one; {@code url} uses an existing database given by JDBC URL.
 */
public record DatabaseChoice(Kind kind, String jdbcUrl, String user, String password) {

    public enum Kind { AUTO, POSTGRES, H2, URL }

    public static DatabaseChoice auto() {
        return new DatabaseChoice(Kind.AUTO, null, null, null);
    }

    /**
     * From system property {@code asyncbench.db} or environment variable {@code ASYNCBENCH_DB}:
     * {@code auto} (default), {@code postgres}, {@code h2}, or a {@code jdbc:} URL (user and
     * password from {@code asyncbench.db.user}/{@code ASYNCBENCH_DB_USER} and
     * {@code asyncbench.db.password}/{@code ASYNCBENCH_DB_PASSWORD}).
     */
    public static DatabaseChoice fromEnvironment() {
        String value = setting("asyncbench.db", "ASYNCBENCH_DB", "auto");
        return parse(value, setting("asyncbench.db.user", "ASYNCBENCH_DB_USER", null),
                setting("asyncbench.db.password", "ASYNCBENCH_DB_PASSWORD", null));
    }

    public static DatabaseChoice parse(String value, String user, String password) {
        if (value == null || value.isBlank() || value.equals("auto")) return auto();
        if (value.equals("postgres")) return new DatabaseChoice(Kind.POSTGRES, null, null, null);
        if (value.equals("h2")) return new DatabaseChoice(Kind.H2, null, null, null);
        if (value.startsWith("jdbc:")) return new DatabaseChoice(Kind.URL, value, user, password);
        throw new IllegalArgumentException("database must be auto, postgres, h2 or a jdbc: URL, was '" + value + "'");
    }

    private static String setting(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null) v = System.getenv(env);
        return v == null ? fallback : v;
    }
}
