package dev.asyncbench.core.conformance;

import java.time.Duration;
import java.util.List;
import java.util.PriorityQueue;

/**
 * When each gather task ideally ends on a model that lets {@code workers} tasks wait at once:
 * tasks start in input order, each on the first worker free. One worker gives the sequential
 * sums; as many workers as tasks gives every task its own delay.
 */
final class Schedule {
    private Schedule() {
    }

    /** Each task's ideal end, from the start of the call, in input order. */
    static Duration[] ends(List<Duration> delays, int workers) {
        PriorityQueue<Duration> free = new PriorityQueue<>();
        for (int w = 0; w < Math.min(workers, delays.size()); w++) free.add(Duration.ZERO);
        Duration[] ends = new Duration[delays.size()];
        for (int i = 0; i < delays.size(); i++) {
            Duration start = free.poll();
            ends[i] = start.plus(delays.get(i));
            free.add(ends[i]);
        }
        return ends;
    }

    /** The ideal wall time: when the last task ends. */
    static Duration makespan(List<Duration> delays, int workers) {
        Duration last = Duration.ZERO;
        for (Duration end : ends(delays, workers)) if (end.compareTo(last) > 0) last = end;
        return last;
    }
}
