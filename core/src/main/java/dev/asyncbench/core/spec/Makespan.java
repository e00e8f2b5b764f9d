package dev.asyncbench.core.spec;

import java.util.PriorityQueue;

/**
 * The ideal wall time of n waits of known lengths, started in order with at most C at once, a
 * slot freeing the moment its wait ends (greedy list scheduling): what a model that frees a
 * slot when its work completes, not when it is consumed in order, can reach.
 */
public final class Makespan {
    private Makespan() {
    }

    /** Wait i lasts {@code ms[i]}; at most {@code slots} at once, each started as soon as a slot is free, in index order. */
    public static long greedy(long[] ms, int slots) {
        Check.range(slots, "slots", 1, Integer.MAX_VALUE);
        PriorityQueue<Long> ends = new PriorityQueue<>();
        long last = 0;
        for (long wait : ms) {
            long start = ends.size() < slots ? 0 : ends.poll();
            long end = start + wait;
            ends.add(end);
            last = Math.max(last, end);
        }
        return last;
    }

    /**
     * The wrong way, for telling it apart: a slot frees only when its wait and every earlier one
     * have ended (results consumed in order, as RxJava's {@code concatMapEager} does with its
     * maxConcurrency): wait j starts when wait j - slots is consumed.
     */
    public static long inOrder(long[] ms, int slots) {
        Check.range(slots, "slots", 1, Integer.MAX_VALUE);
        long[] consumed = new long[ms.length];
        for (int j = 0; j < ms.length; j++) {
            long start = j < slots ? 0 : consumed[j - slots];
            long end = start + ms[j];
            consumed[j] = Math.max(end, j == 0 ? 0 : consumed[j - 1]);
        }
        return ms.length == 0 ? 0 : consumed[ms.length - 1];
    }

    /** The latencies {@code dist} draws for requests 0 to n - 1 around {@code nominalMs}. */
    public static long[] draws(Dist dist, int n, long nominalMs) {
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) ms[i] = dist.latencyMs(i, nominalMs);
        return ms;
    }

    /** Request i (0 to n - 1) waits {@code dist}'s draw for id i around {@code nominalMs}. */
    public static long greedy(Dist dist, int n, long nominalMs, int slots) {
        return greedy(draws(dist, n, nominalMs), slots);
    }

    /**
     * Open arrivals: request i arrives {@code arrivalsNanos[i]} after the start (ascending) and is
     * served for {@code serviceMs} by one of {@code slots}, from the later of its arrival and the
     * first free slot, in arrival order. The end of the last, in ms: the arrivals' span when the
     * slots keep up, the queue's drain when they do not (scenario 11's ideal).
     */
    public static double withArrivals(long[] arrivalsNanos, long serviceMs, long slots) {
        Check.range(slots, "slots", 1, Integer.MAX_VALUE);
        PriorityQueue<Double> free = new PriorityQueue<>();
        double end = 0;
        for (long at : arrivalsNanos) {
            double start = Math.max(at / 1e6, free.size() < slots ? 0 : free.poll());
            free.add(start + serviceMs);
            end = Math.max(end, start + serviceMs);
        }
        return end;
    }
}
