package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.TaskFailedException;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Task;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A model that leaks on purpose, for the soak's self-test ({@link SoakSelfTest}): the
 * sequential model, right in every answer, except that each {@code hello} leaves one thing
 * behind: a platform thread or a virtual thread that never ends, an open file, or a connection
 * to the testbed server; or that a failing {@code gather} leaves the tasks after the failed
 * one running, to log their completion later. {@link #close} releases what it leaked, so the
 * JVM's other tests do not inherit it.
 */
class LeakyModel extends SequentialStandIn {

    /** What each {@code hello} leaves behind, or (SIBLING) each failing {@code gather}. */
    enum Leak { NOTHING, THREAD, VIRTUAL_THREAD, FILE, CONNECTION, SIBLING }

    private final Leak leak;
    private final URI server;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Closeable> open = new ArrayList<>();
    private Path file;
    private volatile boolean closed;

    /** Leaks {@code leak} per hello; {@code server} is the testbed's, for {@link Leak#CONNECTION}. */
    LeakyModel(Leak leak, URI server) {
        this.leak = leak;
        this.server = server;
    }

    @Override
    public void hello(Duration pause, EventLog log) {
        sequential.hello(pause, log);
        try {
            switch (leak) {
                case NOTHING, SIBLING -> { }
                case THREAD -> threads.add(Thread.ofPlatform().daemon().start(this::parkUntilClosed));
                case VIRTUAL_THREAD -> threads.add(Thread.ofVirtual().start(this::parkUntilClosed));
                case FILE -> open.add(FileChannel.open(file()));
                case CONNECTION -> open.add(new Socket(server.getHost(), server.getPort()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one file every {@link Leak#FILE} leak opens again. */
    private Path file() throws IOException {
        if (file == null) file = Files.createTempFile("asyncbench-leak-", ".txt");
        return file;
    }

    private void parkUntilClosed() {
        while (!closed) LockSupport.park();
    }

    @Override
    public void close() {
        closed = true;
        threads.forEach(LockSupport::unpark);
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                // released as far as it goes
            }
        }
        open.clear();
        try {
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("leaky model: could not remove " + file + ": " + e.getMessage());
        }
        super.close();
    }

    // ---- where it differs from the sequential model's answers ------------------------------------

    @Override
    public String name() {
        return "leaky (" + leak.name().toLowerCase() + ")";
    }

    @Override
    public String describe() {
        return "the sequential model, leaking one " + leak + " per hello";
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        try {
            return sequential.gather(spec, log);
        } catch (TaskFailedException e) {
            if (leak == Leak.SIBLING) {
                List<Task> tasks = spec.tasks();
                for (Task sibling : tasks.subList(tasks.indexOf(tasks.stream().filter(Task::fails).findFirst().orElseThrow()) + 1, tasks.size())) {
                    Thread.ofPlatform().daemon().start(() -> {
                        LockSupport.parkNanos(sibling.delay().toNanos());
                        log.log(sibling.completedLine());
                    });
                }
            }
            throw e;
        }
    }
}
