package dev.asyncbench.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a run that died without cleaning up (its JVM killed with SIGKILL) left behind, found and
 * removed by the next run before it starts: its {@link RunFolder} (the database's cluster, file
 * trees, JMH's temporary files), the processes still running from it (every process a run
 * starts names its folder on its command line: the testbed's JVMs, PostgreSQL, a JMH fork), and
 * PostgreSQL's System V shared memory segment when its server was killed too (its id is in
 * {@code postmaster.pid}; the dynamic segments live in the cluster's folder:
 * {@code dynamic_shared_memory_type=mmap}).
 */
final class Leftovers {

    /** A folder with no owner yet (a JVM that died as it started) counts as left once this old. */
    private static final Duration UNOWNED_GRACE = Duration.ofMinutes(2);

    private Leftovers() {
    }

    /** Removes what dead runs left in {@code tmp} (never {@code except}, this run's own); returns one line per dead run. */
    static List<String> sweep(Path tmp, Path except) {
        List<String> removed = new ArrayList<>();
        for (Path dir : RunFolder.siblings(tmp, except)) {
            String owner = read(dir.resolve(RunFolder.OWNER));
            // an owner file being written (empty for an instant) counts as no owner yet
            if (owner != null && owner.isBlank()) owner = null;
            if (owner != null ? RunFolder.alive(dir, owner) : !olderThan(dir, UNOWNED_GRACE)) continue;
            removed.add(remove(dir, owner));
        }
        return removed;
    }

    private static String remove(Path dir, String owner) {
        int processes = stopProcessesOf(dir);
        int segments = removeSharedMemory(dir);
        long[] counted = delete(dir, true);
        if (Files.exists(dir)) {
            return "could not remove what an earlier run left in " + dir + " (" + amount(counted) + " removed; the rest is not ours to delete)";
        }
        List<String> what = new ArrayList<>();
        if (processes > 0) what.add(processes + (processes == 1 ? " process" : " processes") + " stopped");
        if (segments > 0) what.add(segments + " PostgreSQL shared memory segment" + (segments == 1 ? "" : "s"));
        what.add(dir + " (" + amount(counted) + ")");
        String who = owner == null ? "a run that died as it started"
                : "a run that ended without cleaning up (" + RunFolder.describe(owner) + ")";
        return "removed what " + who + " left: " + String.join(", ", what);
    }

    /** Stops every live process whose command line names {@code dir}: politely, then by force; returns how many there were. */
    static int stopProcessesOf(Path dir) {
        // the folder and a separator: another folder whose name starts with this one's is not its
        String path = dir + "/";
        List<ProcessHandle> found;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            found = all.filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> p.info().commandLine().map(c -> c.contains(path)).orElse(false)).toList();
        }
        found.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : found) {
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                p.destroyForcibly();
            }
        }
        return found.size();
    }

    /**
     * Removes the System V segment named in each {@code postmaster.pid} under {@code dir} when
     * nothing is attached to it any more (its server is gone); returns how many it removed.
     */
    static int removeSharedMemory(Path dir) {
        int removed = 0;
        try (Stream<Path> files = Files.find(dir, 6, (p, a) -> p.getFileName().toString().equals("postmaster.pid"))) {
            for (Path pidFile : files.toList()) {
                List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
                // line 7: the segment's key and id
                String[] keyAndId = lines.size() > 6 ? lines.get(6).trim().split("\\s+") : new String[0];
                if (keyAndId.length == 2 && keyAndId[1].matches("\\d+") && awaitDetached(keyAndId[1]) && ipcrm(keyAndId[1])) removed++;
            }
        } catch (IOException | RuntimeException e) {
            // nothing readable: nothing removed
        }
        return removed;
    }

    /** Whether segment {@code id} is detached within 10 s (the server's last processes may still be ending). */
    private static boolean awaitDetached(String id) throws IOException {
        for (int i = 0; i < 100; i++) {
            if (detached(id)) return true;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Whether shared memory segment {@code id} exists with nothing attached (/proc/sysvipc/shm). */
    private static boolean detached(String id) throws IOException {
        Path table = Path.of("/proc/sysvipc/shm");
        if (!Files.exists(table)) return false;
        List<String> lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) return false;
        List<String> header = List.of(lines.getFirst().trim().split("\\s+"));
        int idAt = header.indexOf("shmid");
        int attachedAt = header.indexOf("nattch");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (idAt >= 0 && attachedAt >= 0 && f.length > Math.max(idAt, attachedAt) && f[idAt].equals(id)) return f[attachedAt].equals("0");
        }
        return false;
    }

    private static boolean ipcrm(String id) {
        try {
            Process p = new ProcessBuilder("ipcrm", "-m", id).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Deletes everything under {@code dir} (and {@code dir} itself when {@code self}); returns
     * {files, bytes} removed. What cannot be deleted stays, silently: the caller reports amounts.
     */
    static long[] delete(Path dir, boolean self) {
        long[] counted = new long[2];
        if (!Files.exists(dir)) return counted;
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    try {
                        Files.delete(file);
                        counted[0]++;
                        counted[1] += attrs.size();
                    } catch (IOException e) {
                        // left in place
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) {
                    if (self || !d.equals(dir)) {
                        try {
                            Files.delete(d);
                        } catch (IOException notEmpty) {
                            // left in place
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: what is counted was removed
        }
        return counted;
    }

    /** "1,234 files, 39 MB". */
    static String amount(long[] counted) {
        double mb = counted[1] / (1024.0 * 1024);
        return String.format(Locale.ROOT, "%,d %s, %s MB", counted[0], counted[0] == 1 ? "file" : "files",
                mb >= 10 ? String.format(Locale.ROOT, "%,.0f", mb) : String.format(Locale.ROOT, "%.1f", mb));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean olderThan(Path dir, Duration age) {
        try {
            FileTime t = Files.getLastModifiedTime(dir);
            return t.toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }
}
