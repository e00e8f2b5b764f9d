package dev.asyncbench.bench.run;

import picocli.CommandLine;

import java.time.Duration;
import java.util.Locale;

/** Reads durations as people write them: {@code 200ms}, {@code 1s}, {@code 1.5s}, {@code 2m}. */
public final class Durations implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            if (v.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            if (v.endsWith("m")) return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; write it like 200ms, 1s, 1.5s or 2m");
    }

    /** {@code 1.00 s} or {@code 250 ms}; any duration, however long (no overflow to nanoseconds). */
    public static String format(Duration d) {
        return d.getSeconds() >= 1 ? String.format(Locale.ROOT, "%.2f s", d.getSeconds() + d.getNano() / 1e9) : d.toMillis() + " ms";
    }
}
