package dev.asyncbench.bench.run;

import dev.asyncbench.core.io.TestbedClient;

import java.util.List;

/** The checks of {@code run}'s options that choose the JVMs and the testbed: each value as the run takes it, or a {@link BadInput}. */
public final class Choices {

    /** The database, its user and its password, as given by --db and its options, else by ASYNCBENCH_DB and its variables. */
    public record Database(String choice, String user, String password) {
    }

    private Choices() {
    }

    /**
     * --db, --db-user and --db-password; without --db, as the README says, ASYNCBENCH_DB,
     * ASYNCBENCH_DB_USER and ASYNCBENCH_DB_PASSWORD; else auto.
     */
    public static Database database(String db, String user, String password) {
        String fromEnv = System.getenv("ASYNCBENCH_DB");
        String choice = db != null ? db : fromEnv == null || fromEnv.isBlank() ? "auto" : fromEnv.trim();
        String u = user != null || db != null ? user : System.getenv("ASYNCBENCH_DB_USER");
        String p = password != null || db != null ? password : System.getenv("ASYNCBENCH_DB_PASSWORD");
        if (!choice.equals("auto") && !choice.equals("postgres") && !choice.equals("h2") && !choice.startsWith("jdbc:")) {
            throw new BadInput((db != null ? "--db" : "ASYNCBENCH_DB") + " must be auto, postgres, h2 or a jdbc: URL, was '" + choice + "'");
        }
        return new Database(choice, u, p);
    }

    /** --jvm-args split into flags: each a JVM flag, none setting the heap (--heap's). */
    public static List<String> jvmArgs(String value) {
        List<String> flags = value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        for (String flag : flags) {
            if (!flag.startsWith("-")) throw new BadInput("--jvm-args takes JVM flags (each starting with '-'), was '" + flag + "'");
            if (flag.startsWith("-Xms") || flag.startsWith("-Xmx")) throw new BadInput("--jvm-args: the heap is --heap's (" + flag + ")");
        }
        return flags;
    }

    /** --http-client's transport. */
    public static TestbedClient.Transport transport(String value) {
        try {
            return TestbedClient.Transport.of(value.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInput("--http-client must be jdk or apache, was '" + value + "'", e);
        }
    }
}
