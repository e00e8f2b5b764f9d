package dev.asyncbench.core.testbed;

/**
 * The numbers behind {@link ServerStats}, shared by every connection of one server.
 *
 * <p>A delayed request ({@code /bytes}, {@code /profile}, {@code /replica}) is in flight from
 * the moment it is parsed until either its response is handed to the socket ({@link #completed})
 * or its connection closes first (counted abandoned by {@link #disconnected}); exactly one of
 * the two happens. A connection is open from {@link #connected} to {@link #disconnected}. Every
 * change takes this object's lock: a few uncontended nanoseconds per request, and a snapshot in
 * which in-flight, completed and abandoned always add up, as do open, opened and closed. It also
 * knows since when nothing has been in flight (the client's time to quiescence).
 */
final class Counters {
    private long inFlight;
    private long peakInFlight;
    private long completed;
    private long abandoned;
    private long stored;
    private long connections;
    private long connectionsOpened;
    private long connectionsClosed;
    /** When in flight last fell to zero (System.nanoTime), or creation; meaningless while something is in flight. */
    private long quietSince = System.nanoTime();
    /** Scenario 10's attempts, cleared with the totals. */
    final AttemptLog attempts = new AttemptLog();

    synchronized void accepted() {
        peakInFlight = Math.max(peakInFlight, ++inFlight);
    }

    synchronized void completed() {
        inFlight--;
        completed++;
        if (inFlight == 0) quietSince = System.nanoTime();
    }

    synchronized void stored() {
        stored++;
    }

    synchronized void connected() {
        connections++;
        connectionsOpened++;
    }

    /** A connection closed with {@code waiting} delayed requests still unanswered: they are abandoned. */
    synchronized void disconnected(int waiting) {
        inFlight -= waiting;
        abandoned += waiting;
        if (waiting > 0 && inFlight == 0) quietSince = System.nanoTime();
        connections--;
        connectionsClosed++;
    }

    /** Starts a measurement: the peak restarts from what is in flight now, the totals from zero. */
    synchronized void reset() {
        peakInFlight = inFlight;
        completed = 0;
        abandoned = 0;
        stored = 0;
        connectionsOpened = 0;
        connectionsClosed = 0;
        attempts.clear();
    }

    synchronized ServerStats snapshot() {
        long quietMicros = inFlight == 0 ? (System.nanoTime() - quietSince) / 1000 : -1;
        return new ServerStats(inFlight, peakInFlight, completed, abandoned, stored, connections, connectionsOpened, connectionsClosed, quietMicros);
    }
}
