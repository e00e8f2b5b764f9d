package dev.asyncbench.core;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines a scenario "prints" (the post's {@code print} calls), recorded in the order they
 * happen with the time since the log was created. Thread-safe; optionally echoed to a stream,
 * as the demo does.
 */
public final class EventLog {

    /** One recorded line and when it happened, relative to the log's creation. */
    public record Event(Duration at, String line) {
        @Override
        public String toString() {
            return String.format("%6d ms  %s", at.toMillis(), line);
        }
    }

    private final long start = System.nanoTime();
    private final List<Event> events = new ArrayList<>();
    private final PrintStream echo;

    private EventLog(PrintStream echo) {
        this.echo = echo;
    }

    /** A log that only records. */
    public static EventLog recording() {
        return new EventLog(null);
    }

    /** A log that records and prints each line as it happens. */
    public static EventLog printingTo(PrintStream out) {
        return new EventLog(Objects.requireNonNull(out, "out"));
    }

    public void log(String line) {
        Objects.requireNonNull(line, "line");
        Event event = new Event(Duration.ofNanos(System.nanoTime() - start), line);
        synchronized (this) {
            events.add(event);
            if (echo != null) echo.println(line);
        }
    }

    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> lines() {
        return events.stream().map(Event::line).toList();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
