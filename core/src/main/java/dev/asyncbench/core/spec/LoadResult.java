package dev.asyncbench.core.spec;

import dev.asyncbench.core.io.Checksums;
import org.HdrHistogram.Histogram;

import java.util.Objects;

/**
 * Scenario 11's answer and its times. The answer, what {@link #equals}, {@link #hashCode} and
 * {@link #toString} compare, is how many requests arrived, how many were answered, and the
 * checksum of the answered summaries in id order (aggregate's, for the ids answered). The times,
 * in µs, are measurements: {@link #latency()} from each request's intended start to its end
 * (what a caller of an open system waits), {@link #service()} from its start in a slot to its
 * end (what a closed benchmark would report), {@link #arrivalLag()} from its intended start to
 * when the model took it in.
 */
public final class LoadResult {
    private final int requests;
    private final int answered;
    private final long checksum;
    private final Histogram latency;
    private final Histogram service;
    private final Histogram arrivalLag;

    private LoadResult(int requests, int answered, long checksum, Histogram latency, Histogram service, Histogram arrivalLag) {
        this.requests = requests;
        this.answered = answered;
        this.checksum = checksum;
        this.latency = latency;
        this.service = service;
        this.arrivalLag = arrivalLag;
    }

    /** From each request's times in ns since the clock's zero; {@code completed} is -1 for a request never answered. */
    public static LoadResult of(long[] intended, long[] arrived, long[] started, long[] completed, long[] summaries) {
        Histogram latency = histogram(), service = histogram(), lag = histogram();
        long checksum = Checksums.START;
        int answered = 0;
        for (int i = 0; i < intended.length; i++) {
            lag.recordValue(micros(arrived[i] - intended[i]));
            if (completed[i] < 0) continue;
            answered++;
            checksum = Checksums.fold(checksum, summaries[i]);
            latency.recordValue(micros(completed[i] - intended[i]));
            service.recordValue(micros(completed[i] - started[i]));
        }
        return new LoadResult(intended.length, answered, checksum, latency, service, lag);
    }

    private static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3);   // up to an hour in µs, 3 significant digits
    }

    private static long micros(long nanos) {
        return Math.max(0, nanos / 1000);
    }

    public int requests() {
        return requests;
    }

    public int answered() {
        return answered;
    }

    public long checksum() {
        return checksum;
    }

    /** From intended start to end, µs. */
    public Histogram latency() {
        return latency;
    }

    /** From start in a slot to end, µs. */
    public Histogram service() {
        return service;
    }

    /** From intended start to being taken in, µs. */
    public Histogram arrivalLag() {
        return arrivalLag;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadResult r && r.requests == requests && r.answered == answered && r.checksum == checksum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(requests, answered, checksum);
    }

    @Override
    public String toString() {
        return "LoadResult[requests=" + requests + ", answered=" + answered + ", checksum=" + checksum + "]";
    }
}
