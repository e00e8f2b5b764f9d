package dev.asyncbench.core.testbed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The testbed's response bodies: pure functions of the request, so any client (or any language)
 * can check what it received, and two runs of a scenario see the same bytes.
 *
 * <p><b>{@code /bytes?seed=S&size=B}</b> is the first B bytes of the SplitMix64 stream started at
 * S: for i = 1, 2, 3, ... the word {@code mix(S + i * 0x9E3779B97F4A7C15)} in little-endian order,
 * where {@code mix} is SplitMix64's finalizer (xor-shift 30, multiply, xor-shift 27, multiply,
 * xor-shift 31; constants below). The last word is cut to fit B. Fast (about a nanosecond a
 * byte), well mixed, and fixed here rather than borrowed from a JDK class whose algorithm may
 * change.
 *
 * <p><b>{@code /profile?id=I}</b> is a small JSON object (about 300 bytes) whose fields are
 * picked from fixed tables by mixing I, so neighbouring customers differ.
 */
public final class Bodies {

    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private static final String[] CITIES = {"Lisbon", "Oslo", "Kyoto", "Quito", "Accra", "Tallinn", "Hobart", "Recife"};
    private static final String[] TIERS = {"bronze", "silver", "gold", "platinum"};
    private static final String[] INTERESTS = {"cycling", "chess", "jazz", "hiking", "pottery", "sailing", "baking", "astronomy"};

    private Bodies() {
    }

    /** SplitMix64's finalizer: a bijection on 64-bit words that spreads every input bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The {@code size} bytes of {@code seed} (see the class comment). */
    public static byte[] bytes(long seed, int size) {
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        long state = seed;
        while (out.remaining() >= Long.BYTES) out.putLong(mix(state += GOLDEN_GAMMA));
        for (long last = mix(state + GOLDEN_GAMMA); out.hasRemaining(); last >>>= 8) out.put((byte) last);
        return out.array();
    }

    /** The profile of customer {@code id}: deterministic JSON, 250 to 350 bytes. */
    static byte[] profile(long id) {
        long h = mix(id * GOLDEN_GAMMA + 1);
        String json = "{\"id\":" + id
                + ",\"name\":\"Customer " + id + "\""
                + ",\"email\":\"customer" + id + "@example.test\""
                + ",\"city\":\"" + CITIES[(int) (h & 7)] + "\""
                + ",\"tier\":\"" + TIERS[(int) ((h >>> 3) & 3)] + "\""
                + ",\"since\":\"" + (2005 + ((h >>> 5) & 15)) + "-" + two(1 + (h >>> 9) % 12) + "-" + two(1 + (h >>> 13) % 28) + "\""
                + ",\"interests\":[\"" + INTERESTS[(int) ((h >>> 20) & 7)] + "\",\"" + INTERESTS[(int) ((h >>> 23) & 7)] + "\"]"
                + ",\"newsletter\":" + (((h >>> 26) & 1) == 1)
                + ",\"creditLimitCents\":" + 1000 * ((h >>> 27) & 0xFFF)
                + ",\"note\":\"deterministic test profile: the same id always yields these bytes\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
