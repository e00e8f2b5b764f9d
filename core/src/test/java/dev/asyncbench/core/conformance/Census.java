package dev.asyncbench.core.conformance;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.asyncbench.core.testbed.Testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this JVM holds at one moment, as the soak counts it ({@link Soak}): one number per
 * {@link Count}. Each {@link Count} states how it is read and the slack the soak allows it.
 * Where a count cannot be read (no {@code /proc}: not Linux), it is {@link #NOT_MEASURED} and
 * never compared.
 */
record Census(Map<Count, Long> counts) {

    /** A count this platform cannot read. */
    static final long NOT_MEASURED = -1;

    /**
     * The things a leak leaves behind, each with its slack: how far above its baseline a count
     * may end without failing the soak. A leak of one per operation ends as many above the
     * baseline as the soak has rounds, far beyond every slack here; each slack is a few times
     * the largest difference seen between the baseline and the end of a clean soak
     * (docs/soak.md).
     */
    enum Count {
        /**
         * Live platform threads ({@code ThreadMXBean.getThreadCount}, daemons included). Pools that
         * grow on demand and keep idle threads for a while (the JDK HttpClient's executor and
         * Kotlin's {@code Dispatchers.IO} for 60 s, the virtual threads' carriers for 30 s) may
         * end a few threads above the baseline after a busier moment than the warm-up had: room
         * for four times the most things a step has going at once ({@link SoakRound#MOST_AT_ONCE}).
         */
        THREADS("platform threads", 4L * SoakRound.MOST_AT_ONCE),
        /**
         * Live virtual threads, from the JVM's own thread dump
         * ({@code HotSpotDiagnosticMXBean.dumpThreads}, JSON), which lists every virtual thread,
         * started directly, by an executor or in a {@code StructuredTaskScope}. Nothing keeps an
         * idle virtual thread, so every one a round starts must have ended: no slack. (The JDK's
         * own, such as the I/O pollers that the first blocking socket call of a virtual thread
         * starts, live on and are in the baseline.)
         */
        VIRTUAL_THREADS("virtual threads", 0),
        /**
         * Open file descriptors of the process ({@code /proc/self/fd}), sockets included: the
         * sockets' slack, and none for files, which every scenario must close.
         */
        FDS("open file descriptors", 4L * SoakRound.MOST_AT_ONCE),
        /**
         * The descriptors that are sockets ({@code /proc/self/fd/N -> socket:[inode]}). With the
         * testbed's HTTP server in this JVM, a connection to it is two sockets here: twice the
         * server connections' slack.
         */
        SOCKETS("sockets", 4L * SoakRound.MOST_AT_ONCE),
        /**
         * The testbed HTTP server's open connections ({@code ServerStats.connections}). A client
         * keeps idle connections for reuse, as many as it once had open at once, and one handed
         * back a moment late makes the next request open another: twice the most requests a
         * step has in flight at once ({@link SoakRound#MOST_AT_ONCE}).
         */
        CONNECTIONS("server connections", 2L * SoakRound.MOST_AT_ONCE);

        final String label;
        final long slack;

        Count(String label, long slack) {
            this.label = label;
            this.slack = slack;
        }
    }

    private static final Path FDS_DIR = Path.of("/proc/self/fd");
    private static final Pattern VIRTUAL = Pattern.compile("\"virtual\"\\s*:\\s*true");

    long get(Count count) {
        return counts.get(count);
    }

    /** Counts everything now; the server's connections from {@code testbed}. */
    static Census take(Testbed testbed) {
        Map<Count, Long> counts = new EnumMap<>(Count.class);
        counts.put(Count.THREADS, (long) ManagementFactory.getThreadMXBean().getThreadCount());
        counts.put(Count.VIRTUAL_THREADS, virtualThreads());
        long[] fds = descriptors();
        counts.put(Count.FDS, fds[0]);
        counts.put(Count.SOCKETS, fds[1]);
        counts.put(Count.CONNECTIONS, testbed.serverStats().connections());
        return new Census(counts);
    }

    /** Live platform threads alone: cheap enough to read after every warm-up round. */
    static long platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Whether no count is above {@code baseline}'s by more than its slack. */
    boolean withinSlackOf(Census baseline) {
        return grownBeyondSlack(baseline).isEmpty();
    }

    /** One phrase per count above {@code baseline}'s by more than its slack: "sockets grew from 12 to 1,012 (slack 16)". */
    String grownBeyondSlack(Census baseline) {
        StringJoiner grown = new StringJoiner("; ");
        for (Count count : Count.values()) {
            long before = baseline.get(count), after = get(count);
            if (before == NOT_MEASURED || after == NOT_MEASURED) continue;
            if (after - before > count.slack) {
                grown.add("%s grew from %,d to %,d (slack %,d)".formatted(count.label, before, after, count.slack));
            }
        }
        return grown.toString();
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ");
        counts.forEach((count, n) -> text.add(count.label + " " + (n == NOT_MEASURED ? "not measured" : "%,d".formatted(n))));
        return text.toString();
    }

    /** {@code [descriptors, sockets]} of this process, or {@link #NOT_MEASURED} twice without {@code /proc}. */
    private static long[] descriptors() {
        if (!Files.isDirectory(FDS_DIR)) return new long[] {NOT_MEASURED, NOT_MEASURED};
        long fds = 0, sockets = 0;
        // the listing's own descriptor is among the entries: one more, the same at every census
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(FDS_DIR)) {
            for (Path entry : entries) {
                try {
                    boolean socket = Files.readSymbolicLink(entry).toString().startsWith("socket:");
                    fds++;
                    if (socket) sockets++;
                } catch (IOException closedMeanwhile) {
                    // closed between the listing and the look: not open any more
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FDS_DIR, e);
        }
        return new long[] {fds, sockets};
    }

    /** Virtual threads alive now, from a JSON thread dump written to a temporary file and removed. */
    static long virtualThreads() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("asyncbench-soak-");
            Path dump = dir.resolve("threads.json");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            Matcher virtual = VIRTUAL.matcher(Files.readString(dump));
            long n = 0;
            while (virtual.find()) n++;
            Files.delete(dump);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot dump this JVM's threads to count the virtual ones", e);
        } finally {
            if (dir != null) {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    System.err.println("soak: could not remove " + dir + ": " + e.getMessage());
                }
            }
        }
    }
}
