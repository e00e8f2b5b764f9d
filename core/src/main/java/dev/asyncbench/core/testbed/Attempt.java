package dev.asyncbench.core.testbed;

import dev.asyncbench.core.spec.Fault;

import java.util.ArrayList;
import java.util.List;

/**
 * One attempt of scenario 10 as the testbed server saw it ({@code GET /attempts}): which request
 * and attempt, the fault the plan gave it, when it arrived and ended (server clock, microseconds;
 * compare them with each other only), and how it ended.
 *
 * @param planned what the plan made of it: {@code null} for a success
 * @param endMicros when it ended, or -1 while it is {@link End#OPEN}
 */
public record Attempt(long seed, int attempt, Fault planned, long startMicros, long endMicros, End end) {

    /** How an attempt ended. */
    public enum End {
        /** Still waiting for its answer. */
        OPEN,
        /** The server answered it: 200, or 503 as planned; a stall answered means the client waited it out. */
        ANSWERED,
        /** The server dropped its connection mid-answer, as planned. */
        DROPPED,
        /** The client closed the connection first. */
        ABANDONED
    }

    /** One line of {@code /attempts}: {@code seed attempt planned startMicros endMicros end}. */
    public String line() {
        return seed + " " + attempt + " " + (planned == null ? "OK" : planned.name()) + " " + startMicros + " " + endMicros + " " + end.name();
    }

    /** Reads {@code /attempts}' lines back. */
    public static List<Attempt> parse(String text) {
        List<Attempt> attempts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.trim().split(" ");
            if (f.length != 6) throw new IllegalArgumentException("malformed attempt line: " + line);
            attempts.add(new Attempt(Long.parseLong(f[0]), Integer.parseInt(f[1]), f[2].equals("OK") ? null : Fault.valueOf(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), End.valueOf(f[5])));
        }
        return attempts;
    }
}
