package dev.asyncbench.bench.report;

import dev.asyncbench.bench.report.CodeExcerpt.Kind;
import dev.asyncbench.bench.report.CodeExcerpt.Member;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python module cut down as {@link CodeExcerpt} cuts a Java file: its docstring is the header
 * (as a Java type's doc comment is), its top-level statements are the members (a function, a
 * class, a constant), each without its own docstring; no imports. There is no type around them,
 * so the declaration is empty.
 *
 * <p>Python has no braces: a statement starts at the first column, outside brackets and strings,
 * and runs to the next one; the comment lines and decorators just above a definition belong to
 * it. A scanner, not a parser: it knows comments, strings (triple-quoted too) and brackets.
 */
final class PythonExcerpt {
    private PythonExcerpt() {
    }

    private static final byte CODE = 0, COMMENT = 1, STRING = 2;
    private static final Pattern DEF = Pattern.compile("\\A(?:async\\s+)?def\\s+(\\w+)");
    private static final Pattern CLASS = Pattern.compile("\\Aclass\\s+(\\w+)");
    private static final Pattern ASSIGN = Pattern.compile("\\A(\\w+)\\s*(?::[^=\\n]*)?=(?!=)");
    private static final Pattern IMPORT = Pattern.compile("\\A(?:import|from)\\s");
    private static final String PREFIXES = "rRbBuUfF";

    /** Reads {@code source}, a Python module. */
    static CodeExcerpt parse(String source) {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        byte[] mask = mask(s);
        int[] depth = depths(s, mask);
        // where each top-level statement starts (its first line), and where its comments and decorators start
        List<int[]> heads = new ArrayList<>();
        int pendingFrom = -1;
        for (int i = 0; i < s.length(); i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i) + 1) {
            char c = s.charAt(i);
            boolean blank = s.substring(i, s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i)).isBlank();
            boolean comment = mask[i] == COMMENT;
            boolean statement = depth[i] == 0 && !Character.isWhitespace(c) && !comment && (mask[i] == CODE || startsString(s, mask, i));
            if (statement && c == '@') {                       // a decorator: the definition below it is the statement
                if (pendingFrom < 0) pendingFrom = i;
            } else if (statement) {
                heads.add(new int[] {pendingFrom < 0 ? i : pendingFrom, i});
                pendingFrom = -1;
            } else if (comment && pendingFrom < 0) {
                pendingFrom = i;                               // a comment line at the first column: the next statement's
            } else if (!blank && !comment && pendingFrom >= 0 && mask[i] == CODE && depth[i] == 0) {
                pendingFrom = -1;                              // an indented line: those comments were inside the last statement
            }
        }
        String header = "";
        List<Member> members = new ArrayList<>();
        for (int k = 0; k < heads.size(); k++) {
            int from = heads.get(k)[0], head = heads.get(k)[1];
            int end = k + 1 < heads.size() ? heads.get(k + 1)[0] : s.length();
            String first = s.substring(head, end);
            if (k == 0 && startsString(s, mask, head)) {
                header = first.strip();
                continue;
            }
            if (IMPORT.matcher(first).find()) continue;
            Matcher def = DEF.matcher(first), type = CLASS.matcher(first), assign = ASSIGN.matcher(first);
            String text = s.substring(from, end);
            if (def.find()) members.add(new Member(def.group(1), Kind.METHOD, withoutDocstring(s, mask, depth, from, head, end)));
            else if (type.find()) members.add(new Member(type.group(1), Kind.TYPE, withoutDocstring(s, mask, depth, from, head, end)));
            else members.add(new Member(assign.find() ? assign.group(1) : "", Kind.FIELD, text.strip()));
        }
        return new CodeExcerpt(header, "", members, "", "python");
    }

    /**
     * A definition's text from {@code from} to {@code end}, without the docstring that opens its
     * body (when more follows it).
     */
    private static String withoutDocstring(String s, byte[] mask, int[] depth, int from, int head, int end) {
        String whole = s.substring(from, end).strip();
        int colon = head;
        while (colon < end && !(mask[colon] == CODE && depth[colon] == 0 && s.charAt(colon) == ':')) colon++;
        int q = colon + 1;
        while (q < end && (Character.isWhitespace(s.charAt(q)) || mask[q] == COMMENT)) q++;
        if (q >= end || !startsString(s, mask, q) || s.lastIndexOf('\n', q) < colon) return whole;
        int close = q;
        while (close < end && mask[close] != STRING) close++;
        while (close < end && mask[close] == STRING) close++;
        int lineEnd = s.indexOf('\n', close);
        if (lineEnd < 0 || lineEnd >= end || !s.substring(close, lineEnd).isBlank() || s.substring(lineEnd, end).isBlank()) return whole;
        int lineStart = s.lastIndexOf('\n', q) + 1;
        return (s.substring(from, lineStart) + s.substring(lineEnd + 1, end)).strip();
    }

    /** Whether a string literal starts at {@code i}: a quote, or a prefix such as {@code r} or {@code f} and a quote. */
    private static boolean startsString(String s, byte[] mask, int i) {
        int j = i;
        while (j < s.length() && j - i < 2 && PREFIXES.indexOf(s.charAt(j)) >= 0 && mask[j] == CODE) j++;
        return j < s.length() && mask[j] == STRING && (j == 0 || mask[j - 1] != STRING || j > i);
    }

    /** The bracket depth before each character, counting brackets in code only. */
    private static int[] depths(String s, byte[] mask) {
        int[] depth = new int[s.length() + 1];
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            depth[i] = d;
            char c = s.charAt(i);
            if (mask[i] != CODE) continue;
            if ("([{".indexOf(c) >= 0) d++;
            else if (")]}".indexOf(c) >= 0) d = Math.max(0, d - 1);
        }
        depth[s.length()] = d;
        return depth;
    }

    /** For each character: code, a comment ({@code #} to the line's end), or a string (its quotes included). */
    static byte[] mask(String s) {
        byte[] mask = new byte[s.length()];
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end;
            byte kind;
            if (c == '#') {
                end = s.indexOf('\n', i);
                if (end < 0) end = n;
                kind = COMMENT;
            } else if (s.startsWith("\"\"\"", i) || s.startsWith("'''", i)) {
                String quotes = s.substring(i, i + 3);
                end = i + 3;
                while (end < n && !s.startsWith(quotes, end)) end += s.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + 3);
                kind = STRING;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && s.charAt(end) != c && s.charAt(end) != '\n') end += s.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + 1);
                kind = STRING;
            } else {
                mask[i++] = CODE;
                continue;
            }
            for (int k = i; k < end; k++) mask[k] = kind;
            i = end;
        }
        return mask;
    }
}
