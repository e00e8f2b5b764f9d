package dev.asyncbench.vthreads;

import dev.asyncbench.core.io.OrdersRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The one place the virtual-threads model chooses its executor and limits; {@link #describe()}
 * prints them in every report.
 *
 * <ul>
 *   <li>Threads: a new virtual thread for every task
 *       ({@link Executors#newVirtualThreadPerTaskExecutor}, and {@code StructuredTaskScope}'s
 *       default factory): no pool, so no pool size. They run on the JDK's carriers, a
 *       {@code ForkJoinPool} of {@link #carriers()} platform threads
 *       ({@value #CARRIERS_PROPERTY}, default one per core).
 *   <li>Limits: C, from each scenario's spec, is a {@link Semaphore} of C permits that every
 *       task takes before its IO. Database calls also take one of P permits, P being the
 *       repository's connection pool, from one Semaphore per repository ({@link #connections},
 *       made at its first call and shared by every later one, as the other models share one
 *       pool of P threads per repository): HikariCP would cap them at P anyway, but its queue
 *       fails a wait longer than its connection timeout (30 s), and the limit belongs in sight.
 *       Permits are handed out first come, first served ({@link #FAIR}), as a pool's queue does.
 *   <li>Files: no pool either; C virtual threads do file IO at once, but a file call holds its
 *       carrier (see the overview), and the JDK adds carriers for them only up to
 *       {@link #maxCarriers()} ({@value #MAX_CARRIERS_PROPERTY}): above that many, file calls
 *       wait for a carrier, whatever C says.
 *   <li>Mass gather: every task sleeps on a virtual thread of its own, about 1 KiB of heap while
 *       it waits; at most {@link #maxMassTasks()} (the heap over {@value #BYTES_PER_WAITING_TASK}
 *       bytes) start, a larger N is refused up front instead of thrashing the garbage collector.
 *   <li>Structured concurrency: {@code StructuredTaskScope}, a preview API in JDK 25 (JEP 505),
 *       in gather, timeout and race; every JVM that loads this model needs
 *       {@code --enable-preview} (see {@code package-info}).
 * </ul>
 */
final class VirtualThreadsConfig implements AutoCloseable {

    /* Overview: pinning.
     *
     * A virtual thread that blocks unmounts from its carrier, which runs another one meanwhile.
     * Up to JDK 23 it could not unmount inside a synchronized block ("pinning"); since JDK 24
     * (JEP 491) it can, so synchronized is no longer a trap here. This model holds no lock
     * around a blocking call anyway: limits are Semaphores, results go to arrays or subtasks
     * (core's EventLog does print under its lock when it echoes, which no longer pins either).
     * What still holds a carrier: file IO (FileChannel read and force are system calls the
     * kernel offers no non-blocking form of), for which the scheduler adds a carrier while the
     * call lasts, up to jdk.virtualThreadScheduler.maxPoolSize (256 by default).
     */

    static final String CARRIERS_PROPERTY = "jdk.virtualThreadScheduler.parallelism";
    static final String MAX_CARRIERS_PROPERTY = "jdk.virtualThreadScheduler.maxPoolSize";
    /** Semaphores hand out permits in arrival order, as a pool's queue hands out its threads. */
    static final boolean FAIR = true;
    /** Heap per task the mass gather plans for: about 1 KiB measured while a task sleeps, doubled for the collector. */
    static final long BYTES_PER_WAITING_TASK = 2048;

    private final ExecutorService executor;
    private final int maxMassTasks;
    private final Map<OrdersRepository, Semaphore> connections = new HashMap<>();

    VirtualThreadsConfig() {
        requirePreview();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.maxMassTasks = (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / BYTES_PER_WAITING_TASK);
    }

    /** A new virtual thread per task; the executor every scenario's plain tasks run on. */
    ExecutorService executor() {
        return executor;
    }

    /** How many tasks the mass gather lets wait at once in this heap; more are refused. */
    int maxMassTasks() {
        return maxMassTasks;
    }

    /** The repository's P permits, one per connection: a fair Semaphore made at its first call, shared by every later one. */
    synchronized Semaphore connections(OrdersRepository orders) {
        return connections.computeIfAbsent(orders, repository -> new Semaphore(repository.poolSize(), FAIR));
    }

    /** The platform threads virtual threads run on. */
    static int carriers() {
        return Integer.getInteger(CARRIERS_PROPERTY, Runtime.getRuntime().availableProcessors());
    }

    /** The most carriers the JDK's scheduler runs, counting those it adds while file calls hold theirs (as the JDK sizes it). */
    static int maxCarriers() {
        return Integer.getInteger(MAX_CARRIERS_PROPERTY, Math.max(carriers(), 256));
    }

    String describe() {
        return "virtual threads: a new one per task (newVirtualThreadPerTaskExecutor), on " + carriers() + " carriers ("
                + CARRIERS_PROPERTY + "); blocking IO; C from the spec as a fair Semaphore; JDBC: one fair Semaphore of P per"
                + " repository (HikariCP caps it too); file calls hold a carrier, at most " + maxCarriers() + " at once ("
                + MAX_CARRIERS_PROPERTY + "); mass gather up to " + maxMassTasks + " tasks (heap / " + BYTES_PER_WAITING_TASK
                + " B); structured concurrency: JDK 25 preview (StructuredTaskScope)";
    }

    /** Interrupts every task still running. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Loads the classes that use {@code StructuredTaskScope} now, so a JVM started without
     * {@code --enable-preview} refuses this model when {@code ServiceLoader} creates it, saying
     * why, rather than half-way through a run at the first gather.
     */
    private static void requirePreview() {
        try {
            Class<?>[] usingPreview = {Gather.class, Timeout.class, Race.class};   // each literal loads its class
        } catch (UnsupportedClassVersionError e) {
            throw new IllegalStateException("virtual-threads needs --enable-preview: it uses StructuredTaskScope, a preview API"
                    + " in Java " + Runtime.version().feature() + "; start this JVM with --enable-preview", e);
        }
    }
}
