package dev.asyncbench.core.testbed;

import dev.asyncbench.core.spec.Dist;
import dev.asyncbench.core.spec.Faults;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST;
import static io.netty.handler.codec.http.HttpResponseStatus.METHOD_NOT_ALLOWED;

/**
 * The query parameters of one request, read strictly: a missing, malformed, repeated or
 * unknown parameter is a 400 that names it, so a typo such as {@code delay=1000} cannot
 * silently become a request without delay.
 */
final class QueryParams {
    private final String path;
    private final Map<String, List<String>> values;
    private final Set<String> known = new LinkedHashSet<>();

    QueryParams(String path, Map<String, List<String>> values) {
        this.path = path;
        this.values = values;
    }

    void method(FullHttpRequest request, HttpMethod expected) {
        if (!request.method().equals(expected)) {
            FullHttpResponse response = Responses.text(METHOD_NOT_ALLOWED, path + " takes " + expected + ", not " + request.method());
            response.headers().set(HttpHeaderNames.ALLOW, expected.name());
            throw new Responses.BadRequest(response);
        }
    }

    /** The value of {@code name}, or {@code null} when absent. */
    private String raw(String name) {
        known.add(name);
        List<String> given = values.get(name);
        if (given == null) return null;
        if (given.size() > 1) throw bad("parameter '" + name + "' is given " + given.size() + " times");
        return given.get(0);
    }

    String text(String name) {
        String value = raw(name);
        if (value == null || value.isBlank()) throw bad("parameter '" + name + "' is required");
        return value;
    }

    long number(String name, long min, long max, Long fallback) {
        String value = raw(name);
        if (value == null) {
            if (fallback == null) throw bad("parameter '" + name + "' is required (an integer from " + min + " to " + max + ")");
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad("parameter '" + name + "' must be an integer, was '" + value + "'");
        }
        if (n < min || n > max) throw bad("parameter '" + name + "' must be from " + min + " to " + max + ", was " + n);
        return n;
    }

    /** The optional {@code delayMs} of a delayed path: 0 when absent, at most {@link TestbedHandler#MAX_DELAY_MS}. */
    long delayMs() {
        return number("delayMs", 0, TestbedHandler.MAX_DELAY_MS, 0L);
    }

    /** {@link #delayMs()} drawn for request {@code id} from the optional {@code dist} ({@link Dist}; fixed when absent). */
    long delayMs(long id) {
        long nominal = delayMs();
        String dist = raw("dist");
        if (dist == null) return nominal;
        try {
            return Math.min(TestbedHandler.MAX_DELAY_MS, Dist.parse(dist).latencyMs(id, nominal));
        } catch (IllegalArgumentException e) {
            throw bad("parameter 'dist': " + e.getMessage());
        }
    }

    /** The required fault plan {@code name} ({@link Faults}). */
    Faults faults(String name) {
        try {
            return Faults.parse(text(name));
        } catch (IllegalArgumentException e) {
            throw bad("parameter '" + name + "': " + e.getMessage());
        }
    }

    boolean bool(String name) {
        String value = raw(name);
        if (value == null || value.equals("false")) return false;
        if (value.equals("true")) return true;
        throw bad("parameter '" + name + "' must be true or false, was '" + value + "'");
    }

    void hex(String name) {
        String value = text(name);
        if (value.length() > 128 || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw bad("parameter '" + name + "' must be 1 to 128 hexadecimal digits, was '" + value + "'");
        }
    }

    /** Rejects any parameter this path does not read. */
    void noOthers() {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw bad("unknown parameter '" + name + "'; " + path + " takes " + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }

    private Responses.BadRequest bad(String message) {
        return new Responses.BadRequest(Responses.text(BAD_REQUEST, path + ": " + message));
    }
}
