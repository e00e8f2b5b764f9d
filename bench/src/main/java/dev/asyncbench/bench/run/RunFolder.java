package dev.asyncbench.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one folder on disk that a {@code ./suite} JVM and every process it starts write
 * temporary files into: {@code /tmp/asyncbench-run-XXXXXX/}. The {@code suite} script makes it
 * and hands it over as this JVM's {@code java.io.tmpdir} (so JMH's own temporary files land in
 * it too); started otherwise, the JVM makes {@code asyncbench-run-<pid>} itself. Each child
 * process gets a sub-folder of its own as its {@code java.io.tmpdir} ({@link #child}): the
 * database's cluster, the file scenario's trees, a fork's scratch files.
 *
 * <p>An {@code owner} file names the JVM (pid and start time), so that a later run can tell a
 * folder whose JVM died without cleaning up (SIGKILL, a power cut) from one still in use, and
 * remove it with whatever it still runs ({@link Leftovers}).
 */
public final class RunFolder {

    static final String PREFIX = "asyncbench-run-";
    static final String OWNER = "owner";

    private static RunFolder current;
    /** This JVM's lock on its folder's owner file (never released: the JVM's end lets it go). */
    @SuppressWarnings("unused")
    private static FileLock ownerLock;

    private final Path root;

    private RunFolder(Path root) {
        this.root = root;
    }

    /** This JVM's java.io.tmpdir. */
    private static Path tmpdir() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    }

    /** Whether this JVM's java.io.tmpdir is a run folder the suite script made. */
    public static boolean underScript() {
        Path name = tmpdir().getFileName();
        return name != null && name.toString().startsWith(PREFIX);
    }

    /** This JVM's folder, made (and its owner written) on first use. */
    public static synchronized RunFolder current() {
        if (current == null) {
            Path tmp = tmpdir();
            boolean mine = underScript();
            Path root = mine ? tmp : tmp.resolve(PREFIX + ProcessHandle.current().pid());
            try {
                Files.createDirectories(root);
                // others may need to pass through it: PostgreSQL runs as its own user when we are root
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
                Files.writeString(root.resolve(OWNER), ownerLine(ProcessHandle.current()), StandardCharsets.UTF_8);
                // held for this JVM's life: a sweeping run that can take it knows the owner is gone
                ownerLock = FileChannel.open(root.resolve(OWNER), StandardOpenOption.WRITE).tryLock();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the run's temporary folder " + root + ": " + e.getMessage(), e);
            }
            current = new RunFolder(root);
            // a folder of our own (not the script's, which claim() removes): removed at exit too
            if (!mine) Runtime.getRuntime().addShutdownHook(new Thread(RunFolder::removeCurrent, "run-folder-remove"));
        }
        return current;
    }

    /**
     * At a {@code ./suite} JVM's start: when the suite script made this JVM's temporary folder,
     * writes its owner now (so that no other run takes it for a dead one's) and removes it when
     * the JVM exits.
     */
    public static void claim() {
        if (!underScript()) return;
        current();
        Runtime.getRuntime().addShutdownHook(new Thread(RunFolder::removeCurrent, "run-folder-remove"));
    }

    /** The folder that holds run folders and the machine-wide locks: /tmp, the suite script's TMPDIR. */
    public static Path systemTmp() {
        Path tmp = tmpdir();
        return underScript() && tmp.getParent() != null ? tmp.getParent() : tmp;
    }

    public Path root() {
        return root;
    }

    /** A sub-folder for one child process ({@code role}: testbed-db, forks, ...), made now, others may pass through. */
    Path child(String role) {
        Path dir = root.resolve(role);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * Removes what is left in the sub-folder {@code role} once its process has ended; returns
     * what it removed, in words ("12 files, 15 MB"), or null when it held no data (an empty
     * folder, or only empty files such as a lock file).
     */
    String clear(String role) {
        Path dir = root.resolve(role);
        if (!Files.isDirectory(dir)) return null;
        long[] counted = Leftovers.delete(dir, false);
        return counted[1] == 0 ? null : Leftovers.amount(counted);
    }

    /**
     * Removes the whole folder at this JVM's end. The script's folder is this JVM's tmpdir: JMH's
     * files there go with it, after JMH is done.
     */
    static synchronized void removeCurrent() {
        if (current == null) return;
        Leftovers.delete(current.root, true);
        current = null;
    }

    /** {@code pid=... started=...}: who owns a folder. */
    static String ownerLine(ProcessHandle process) {
        return "pid=" + process.pid() + " started=" + process.info().startInstant().map(Instant::toString).orElse("unknown") + "\n";
    }

    /**
     * Whether the owner of {@code folder} is alive: it holds the lock on the owner file, or
     * the owner line names a live process (the same pid and start time). Either suffices, so a
     * wall-clock step that moves start times does not make a live run look dead.
     */
    static boolean alive(Path folder, String ownerLine) {
        try (FileChannel c = FileChannel.open(folder.resolve(OWNER), StandardOpenOption.WRITE)) {
            FileLock probe = c.tryLock();
            if (probe == null) return true;
            probe.release();
        } catch (java.nio.channels.OverlappingFileLockException thisJvm) {
            return true;
        } catch (IOException e) {
            // cannot tell by the lock: the line decides
        }
        return alive(ownerLine);
    }

    /** An owner line in words: "pid 1234, started 2026-...". */
    static String describe(String ownerLine) {
        return ownerLine.trim().replace("pid=", "pid ").replace(" started=", ", started ");
    }

    /** Whether the owner line names a process that is alive now (the same pid and start time). */
    static boolean alive(String ownerLine) {
        String pid = field(ownerLine, "pid");
        String started = field(ownerLine, "started");
        if (pid == null) return false;
        Optional<ProcessHandle> p;
        try {
            p = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return false;
        }
        return p.filter(ProcessHandle::isAlive)
                .filter(h -> started == null || started.equals("unknown")
                        || h.info().startInstant().map(Instant::toString).map(started::equals).orElse(true))
                .isPresent();
    }

    private static String field(String line, String name) {
        for (String part : line.trim().split("\\s+")) {
            if (part.startsWith(name + "=")) return part.substring(name.length() + 1);
        }
        return null;
    }

    /** The other run folders in {@code tmp}, oldest first. */
    static List<Path> siblings(Path tmp, Path except) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p) && !p.equals(except))
                    .forEach(found::add);
        } catch (IOException e) {
            // an unreadable tmp: nothing to sweep
        }
        return found;
    }
}
