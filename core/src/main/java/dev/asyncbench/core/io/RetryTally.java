package dev.asyncbench.core.io;

import dev.asyncbench.core.spec.Check;
import dev.asyncbench.core.spec.Fault;
import dev.asyncbench.core.spec.RetryResult;

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
