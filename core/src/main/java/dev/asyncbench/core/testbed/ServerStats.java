package dev.asyncbench.core.testbed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP testbed's counters: requests in flight now, the peak since the last reset (proof of
 * the concurrency a model really reached), completed responses, requests the client abandoned
 * before their response (proof of cancellation), summaries stored (scenario 6), and the
 * server's connections: open now, opened and closed since the last reset (proof that a
 * model's clients hand their connections back: the soak's count).
 *
 * <p>{@code inFlight} and {@code connections} say what is there now and survive a reset; the
 * others restart from zero (the peak from what is in flight). {@code quietMicros} is how long
 * nothing has been in flight when the snapshot was taken, in microseconds, or -1 while something
 * is: a client subtracts it from the time the answer arrived to learn when the server fell
 * quiet, to within the answer's one-way trip, on any machine's clock.
 */
public record ServerStats(long inFlight, long peakInFlight, long completed, long abandoned, long stored,
                          long connections, long connectionsOpened, long connectionsClosed, long quietMicros) {

    /** The counters alone: {@code quietMicros} set to 0 (what tests compare). */
    public ServerStats counts() {
        return new ServerStats(inFlight, peakInFlight, completed, abandoned, stored, connections, connectionsOpened, connectionsClosed, 0);
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?\\d+)");
    private static final String[] KEYS = {
            "inFlight", "peakInFlight", "completed", "abandoned", "stored", "connections", "connectionsOpened", "connectionsClosed", "quietMicros"};

    public String toJson() {
        return "{\"inFlight\":" + inFlight + ",\"peakInFlight\":" + peakInFlight + ",\"completed\":" + completed
                + ",\"abandoned\":" + abandoned + ",\"stored\":" + stored + ",\"connections\":" + connections
                + ",\"connectionsOpened\":" + connectionsOpened + ",\"connectionsClosed\":" + connectionsClosed
                + ",\"quietMicros\":" + quietMicros + "}";
    }

    public static ServerStats parse(String json) {
        Map<String, Long> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) f.put(m.group(1), Long.parseLong(m.group(2)));
        for (String k : KEYS) {
            if (!f.containsKey(k)) throw new IllegalArgumentException("server stats lack '" + k + "': " + json);
        }
        return new ServerStats(f.get("inFlight"), f.get("peakInFlight"), f.get("completed"), f.get("abandoned"), f.get("stored"),
                f.get("connections"), f.get("connectionsOpened"), f.get("connectionsClosed"), f.get("quietMicros"));
    }
}
