package dev.asyncbench.asyncio;

import java.util.Collection;
import java.util.Map;

/** Just enough JSON for the oracle's answers: maps, lists, strings, numbers, booleans and null. */
final class Json {
    private Json() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Number n -> out.append(n);
            case Boolean b -> out.append(b);
            case Map<?, ?> map -> {
                out.append('{');
                String sep = "";
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(sep).append('\n');
                    string(String.valueOf(e.getKey()), out);
                    out.append(": ");
                    write(e.getValue(), out);
                    sep = ",";
                }
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                String sep = "";
                for (Object item : list) {
                    out.append(sep);
                    write(item, out);
                    sep = ", ";
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("no JSON for " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        out.append('"');
    }
}
