package dev.asyncbench.bench.run;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP during a run. Without this the JVM would start exiting at
 * once, with the run's clean-up racing its own end; instead the run winds down in one order,
 * on its main thread: the first signal stops whatever child is working (a JMH fork, the
 * training JVM, a minimal program) and no other starts; the run then writes what finished,
 * stops the testbed (the database first, its folder and shared memory removed), removes its
 * folder and exits with 128 + the signal's number (130, 143, 129). A second signal hurries
 * the children (SIGKILL instead of SIGTERM), never the removal.
 *
 * <p>The testbed's processes are spared ({@link #spare}): they are stopped last, in order, by
 * {@link TestbedProcesses#close()}. Uses {@code sun.misc.Signal} (module jdk.unsupported), the
 * JDK's only way to handle a signal instead of exiting on it.
 */
final class Interruption implements AutoCloseable {

    private static final Map<String, Integer> SIGNALS = Map.of("INT", 2, "TERM", 15, "HUP", 1);

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final Set<Long> spared = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();
    private final Consumer<String> say;
    private final String next;
    private volatile String signal;
    private volatile boolean closed;

    private Interruption(Consumer<String> say, String next) {
        this.say = say;
        this.next = next;
    }

    /** For a run: handles the signals until {@link #close()}; {@code say} hears what is being done (from the signal's thread). */
    static Interruption install(Consumer<String> say) {
        return install(say, "no more forks start and the running one is stopped; then what finished is written and the testbed is stopped"
                + " and removed (a second signal hurries it)");
    }

    /** Handles the signals until {@link #close()}; at the first, {@code say} hears {@code next}: what happens now. */
    static Interruption install(Consumer<String> say, String next) {
        Interruption i = new Interruption(say, next);
        for (String name : SIGNALS.keySet()) {
            try {
                Signal s = new Signal(name);
                i.previous.put(s, Signal.handle(s, i::handle));
            } catch (IllegalArgumentException unavailable) {
                // a signal the JVM reserves (-Xrs) or this OS lacks: its default stays
            }
        }
        return i;
    }

    private void handle(Signal s) {
        int n = received.incrementAndGet();
        if (n == 1) {
            signal = "SIG" + s.getName();
            // a child started after this moment (a fork JMH was about to spawn) is stopped too, until close()
            Thread.ofPlatform().daemon().name("interruption-stop").start(this::keepStopping);
            say.accept("interrupted (" + signal + (s.getName().equals("INT") ? ", Ctrl-C" : "") + "): " + next);
        } else if (n == 2) {
            say.accept("hurrying: the running fork is killed; the testbed is still stopped and removed");
        }
        stopChildren(n > 1);
    }

    private void keepStopping() {
        while (!closed) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) stopChildren(hurried());
        }
    }

    /** Stops this JVM's children but the testbed's: SIGTERM, or SIGKILL when {@code force}. */
    void stopChildren(boolean force) {
        ProcessHandle.current().children().filter(p -> !spared.contains(p.pid())).forEach(p -> {
            if (force) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        });
    }

    /** A process the signal must not stop: the testbed's, stopped last by its owner. */
    void spare(long pid) {
        spared.add(pid);
    }

    boolean requested() {
        return signal != null;
    }

    /** Whether a second signal asked to hurry. */
    boolean hurried() {
        return received.get() > 1;
    }

    /** "SIGINT", or null when none came. */
    String signal() {
        return signal;
    }

    /** 128 + the signal's number: what a shell shows for a process the signal ended. */
    int exitCode() {
        return signal == null ? 0 : 128 + SIGNALS.get(signal.substring(3));
    }

    /** Hands the signals back to the JVM's own handling. */
    @Override
    public void close() {
        closed = true;
        previous.forEach((s, h) -> {
            try {
                Signal.handle(s, h);
            } catch (IllegalArgumentException ignored) {
                // as installed
            }
        });
        previous.clear();
    }
}
