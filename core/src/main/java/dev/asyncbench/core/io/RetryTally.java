package dev.asyncbench.core.io;

import dev.asyncbench.core.spec.Check;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.RetryPlan;
import dev.asyncbench.core.spec.RetryResult;
import dev.asyncbench.core.testbed.Bodies;

import java.util.TreeMap;

/**
 * Scenario 10's outcomes as they come, one slot per request, read once every request has
 * ended: the same bookkeeping in every model, so the models differ only in how they retry.
 * Each slot is written by one task; read {@link #result()} after waiting for all of them (the
 * wait orders the writes before the read).
 */
public final class RetryTally {
    private final long[] crcs;
    private final long[] sizes;
    private final Fault[] failures;

    public RetryTally(int requests) {
        Check.range(requests, "requests", 1, Integer.MAX_VALUE);
        crcs = new long[requests];
        sizes = new long[requests];
        failures = new Fault[requests];
    }

    /** Request {@code i} succeeded with {@code body}. */
    public void succeeded(int i, byte[] body) {
        crcs[i] = Checksums.crc(body);
        sizes[i] = body.length;
    }

    /** Request {@code i} ran out of attempts; {@code lastFault} is its last attempt's ({@link Fault#of} its error). */
    public void failed(int i, Fault lastFault) {
        failures[i] = Check.notNull(lastFault, "lastFault");
    }

    /**
     * The answer scenario 10 must give, from its plan alone, with no request: a request whose last
     * attempt succeeds has {@code /bytes}'s body for its seed ({@code Bodies}), one out of attempts
     * its last attempt's fault. The kit checks the sequential model against it (rule RT1), and
     * the bench every model, so that no check depends on an attempt's timing (a slow success read
     * as a stall).
     */
    public static RetryResult expected(RetryPlan plan, int requests, int bodyBytes) {
        RetryTally tally = new RetryTally(requests);
        for (int i = 0; i < requests; i++) {
            Fault last = plan.faults().outcome(i, plan.maxAttempts());
            if (last == null) tally.succeeded(i, Bodies.bytes(i, bodyBytes));
            else tally.failed(i, last);
        }
        return tally.result();
    }

    public RetryResult result() {
        long checksum = Checksums.START;
        long bytes = 0;
        int succeeded = 0;
        TreeMap<Integer, Fault> failed = new TreeMap<>();
        for (int i = 0; i < crcs.length; i++) {
            if (failures[i] != null) {
                failed.put(i, failures[i]);
                checksum = Checksums.fold(checksum, -1 - failures[i].ordinal());
            } else {
                succeeded++;
                bytes += sizes[i];
                checksum = Checksums.fold(checksum, crcs[i]);
            }
        }
        return new RetryResult(crcs.length, succeeded, bytes, checksum, failed);
    }
}
