package dev.asyncbench.core.io;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Scenario 6's "little CPU work": a summary digest of one customer's profile and orders,
 * hashed {@link #ROUNDS} times (tens of microseconds), so the handler is not pure waiting.
 */
public final class Summaries {
    public static final int ROUNDS = 64;

    private Summaries() {
    }

    public static long combine(int id, byte[] profile, List<Order> orders) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer rows = ByteBuffer.allocate(4 + orders.size() * 16);
            rows.putInt(id);
            for (Order o : orders) rows.putLong(o.id()).putLong(o.amountCents());
            byte[] digest = sha.digest(profile);
            for (int round = 0; round < ROUNDS; round++) {
                sha.update(digest);
                sha.update(rows.array());
                digest = sha.digest();
            }
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
