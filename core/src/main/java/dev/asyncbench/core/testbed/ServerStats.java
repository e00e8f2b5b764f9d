package dev.asyncbench.core.testbed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP testbed's counters: requests in flight now, the peak since the last reset (proof of
 * the concurrency a model really reached), completed responses, requests the client abandoned
 * before their response (proof of cancellation), and summaries stored (scenario 6).
 */
public record ServerStats(long inFlight, long peakInFlight, long completed, long abandoned, long stored) {

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(-?\\d+)");

    public String toJson() {
        return "{\"inFlight\":" + inFlight + ",\"peakInFlight\":" + peakInFlight + ",\"completed\":" + completed
                + ",\"abandoned\":" + abandoned + ",\"stored\":" + stored + "}";
    }

    public static ServerStats parse(String json) {
        Map<String, Long> f = new LinkedHashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) f.put(m.group(1), Long.parseLong(m.group(2)));
        for (String k : new String[] {"inFlight", "peakInFlight", "completed", "abandoned", "stored"}) {
            if (!f.containsKey(k)) throw new IllegalArgumentException("server stats lack '" + k + "': " + json);
        }
        return new ServerStats(f.get("inFlight"), f.get("peakInFlight"), f.get("completed"), f.get("abandoned"), f.get("stored"));
    }
}
