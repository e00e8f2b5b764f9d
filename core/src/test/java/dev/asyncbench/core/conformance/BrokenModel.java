package dev.asyncbench.core.conformance;

import dev.asyncbench.core.EventLog;
import dev.asyncbench.core.Traits;
import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.Digests;
import dev.asyncbench.core.io.DurableFiles;
import dev.asyncbench.core.io.Order;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.DbResult;
import dev.asyncbench.core.spec.DbSpec;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.FilesSpec;
import dev.asyncbench.core.spec.GatherSpec;
import dev.asyncbench.core.spec.Manifest;
import dev.asyncbench.core.spec.Outcome;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.TimeoutSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A model broken on purpose in one way, the rest the sequential model's, declaring itself
 * concurrent: each way of breaking it is one a real model could slip into, and each must fail
 * the rule named for it ({@link BrokenModelsTest}). Its concurrent parts are the plainest code
 * that shows the flaw; {@link BrokenGather} holds its gathers.
 */
final class BrokenModel extends SequentialStandIn {

    /** How the model is broken. */
    enum Flaw {
        /** One request, file and query after the other, while declaring itself concurrent: F3, F4, FI3, D2 and D3 must fail. */
        SEQUENTIAL,
        /** Every request and every file at once, whatever C says: F2 and FI3 must fail. */
        UNBOUNDED,
        /** C in flight, but a slot frees only when its result and every earlier one are consumed (concatMapEager's way): F4 must fail. */
        IN_ORDER,
        /** Races every replica and times out by waiting, but cancels nothing: R3 and T3 must fail. */
        NEVER_CANCELS,
        /** A failing request counts as an empty body, a failing task is left out of the results: F5 and X1 must fail. */
        SWALLOWS_ERROR,
        /** C requests in flight, waited for with {@code join()}, which ignores interrupts: I1 must fail. */
        IGNORES_INTERRUPTS,
        /** Queries on P / 2 threads: D2 and D3 must fail. */
        HALF_POOL,
        /** Cancels a fail-fast gather's siblings by a flag: their threads sleep out their delays, logging nothing: X3's second test and Q1 must fail. */
        LEAVES_TASKS_PENDING
    }

    private final Flaw flaw;

    BrokenModel(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        TestbedClient http = spec.http();
        int k = spec.requests();
        int window = switch (flaw) {
            case SEQUENTIAL -> 1;
            case UNBOUNDED -> k;
            case IN_ORDER, SWALLOWS_ERROR, IGNORES_INTERRUPTS -> spec.maxInFlight();
            default -> 0;
        };
        if (window == 0) return sequential.httpFanOut(spec);
        List<CompletableFuture<byte[]>> started = new ArrayList<>(k);
        long checksum = Checksums.START, bytes = 0;
        for (int i = 0; i < Math.min(window, k); i++) started.add(send(http, i, spec));
        for (int i = 0; i < k; i++) {
            byte[] body = started.get(i).join();                       // consumed in request order; deaf to interrupts
            checksum = Checksums.fold(checksum, Checksums.crc(body));
            bytes += body.length;
            int next = i + window;                                      // its slot frees only now
            if (next < k) started.add(send(http, next, spec));
        }
        return new FanOutResult(k, bytes, checksum);
    }

    private CompletableFuture<byte[]> send(TestbedClient http, int i, FanOutSpec spec) {
        CompletableFuture<byte[]> call = http.sendAsync(http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist()));
        return flaw == Flaw.SWALLOWS_ERROR ? call.exceptionally(error -> new byte[0]) : call;
    }

    @Override
    public List<String> gather(GatherSpec spec, EventLog log) {
        return switch (flaw) {
            case SWALLOWS_ERROR -> sequential.gatherAll(spec, log).stream().filter(o -> o.error() == null).map(Outcome::task).toList();
            case LEAVES_TASKS_PENDING -> BrokenGather.cancellingByAFlag(spec, log);
            default -> sequential.gather(spec, log);
        };
    }

    @Override
    public Manifest files(FilesSpec spec) {
        if (flaw != Flaw.UNBOUNDED) return sequential.files(spec);
        return new Manifest(onThreads(spec.files().size(), spec.files().stream().<Callable<Manifest.Entry>>map(file -> () -> {
            Files.createDirectories(spec.outputDir());
            byte[] content = Files.readAllBytes(spec.input(file));
            Manifest.Entry entry = new Manifest.Entry(file, content.length, Digests.sha256Hex(content));
            DurableFiles.write(spec.output(file), entry.line().getBytes(StandardCharsets.UTF_8));
            return entry;
        }).toList()));
    }

    @Override
    public DbResult db(DbSpec spec) {
        if (flaw != Flaw.HALF_POOL) return sequential.db(spec);
        List<List<Order>> found = onThreads(Math.max(1, spec.orders().poolSize() / 2), java.util.stream.IntStream.range(0, spec.queries())
                .<Callable<List<Order>>>mapToObj(i -> () -> spec.orders().ordersOf(spec.customerFor(i), spec.latency())).toList());
        return new DbResult(spec.queries(), found.stream().mapToLong(List::size).sum(),
                found.stream().flatMap(List::stream).mapToLong(Order::amountCents).sum());
    }

    /** Runs the calls on a pool of {@code threads} platform threads; their results in order. */
    private static <T> List<T> onThreads(int threads, List<Callable<T>> calls) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = pool.invokeAll(calls);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every replica at once; the first success wins; the losers run on. */
    @Override
    public String race(RaceSpec spec) {
        if (flaw != Flaw.NEVER_CANCELS) return sequential.race(spec);
        TestbedClient http = spec.http();
        CompletableFuture<String> first = new CompletableFuture<>();
        for (var replica : spec.replicas()) {
            http.sendAsync(http.replica(replica)).thenAccept(body -> first.complete(new String(body, StandardCharsets.UTF_8)));
        }
        return first.join();
    }

    /** Waits up to the deadline, then gives up, leaving the request running. */
    @Override
    public String fetchWithTimeout(TimeoutSpec spec) throws TimeoutException {
        if (flaw != Flaw.NEVER_CANCELS) return sequential.fetchWithTimeout(spec);
        TestbedClient http = spec.http();
        try {
            return new String(http.sendAsync(http.bytes(7, 64, spec.serverLatency())).get(spec.deadline().toNanos(), TimeUnit.NANOSECONDS),
                    StandardCharsets.UTF_8);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return "broken (" + flaw.name().toLowerCase() + ")";
    }

    @Override
    public String describe() {
        return "the sequential model, broken: " + flaw;
    }

    @Override
    public Traits traits() {
        return Traits.CONCURRENT;
    }
}
