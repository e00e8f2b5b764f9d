package dev.asyncbench.core.conformance;

import dev.asyncbench.core.Traits;
import dev.asyncbench.core.io.Checksums;
import dev.asyncbench.core.io.TestbedClient;
import dev.asyncbench.core.spec.FanOutResult;
import dev.asyncbench.core.spec.FanOutSpec;
import dev.asyncbench.core.spec.RaceSpec;
import dev.asyncbench.core.spec.TimeoutSpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A model broken on purpose in one way, the rest the sequential model's, declaring itself
 * concurrent: each way of breaking it is one a real model could slip into, and each must fail
 * the rule named for it ({@link BrokenModelsTest}).
 */
final class BrokenModel extends SequentialStandIn {

    /** How the model is broken. */
    enum Flaw {
        /** One request after the other, while declaring itself concurrent: F3 (and F4) must fail. */
        SEQUENTIAL,
        /** Every request at once, whatever C says: F2 must fail. */
        UNBOUNDED,
        /** C in flight, but a slot frees only when its result and every earlier one are consumed (concatMapEager's way): F4 must fail. */
        IN_ORDER,
        /** Races every replica and times out by waiting, but cancels nothing: R3 and T3 must fail. */
        NEVER_CANCELS
    }

    private final Flaw flaw;

    BrokenModel(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public FanOutResult httpFanOut(FanOutSpec spec) {
        if (flaw == Flaw.NEVER_CANCELS) return sequential.httpFanOut(spec);
        TestbedClient http = spec.http();
        int k = spec.requests();
        int window = switch (flaw) {
            case SEQUENTIAL -> 1;
            case UNBOUNDED -> k;
            case IN_ORDER -> spec.maxInFlight();
            case NEVER_CANCELS -> throw new IllegalStateException();
        };
        List<CompletableFuture<byte[]>> started = new ArrayList<>(k);
        long checksum = Checksums.START, bytes = 0;
        for (int i = 0; i < Math.min(window, k); i++) started.add(http.sendAsync(http.bytes(i, spec.bodyBytes(), spec.latency(), spec.dist())));
        for (int i = 0; i < k; i++) {
            byte[] body = started.get(i).join();                       // consumed in request order
            checksum = Checksums.fold(checksum, Checksums.crc(body));
            bytes += body.length;
            int next = i + window;                                      // its slot frees only now
            if (next < k) started.add(http.sendAsync(http.bytes(next, spec.bodyBytes(), spec.latency(), spec.dist())));
        }
        return new FanOutResult(k, bytes, checksum);
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
