package dev.asyncbench.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Java, Kotlin and Python source to HTML: every character escaped, comments (Python's
 * docstrings too), strings, keywords, annotations (Python's decorators), numbers and type names wrapped in spans ({@code c},
 * {@code s}, {@code k}, {@code a}, {@code n}, {@code t}) that the page's CSS colours. A lexer,
 * not a parser: good enough to make code readable, and it never drops a character.
 */
final class CodeHighlighter {
    private CodeHighlighter() {
    }

    private static final Set<String> KEYWORDS = Set.of(
            // Java
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "var", "record", "sealed", "permits",
            "yield", "true", "false", "null",
            // Kotlin
            "fun", "val", "object", "when", "is", "in", "as", "typealias", "suspend", "internal", "override",
            "companion", "data", "inline", "reified", "lateinit", "open", "out", "by", "init");

    private static final Set<String> PYTHON = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
            "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
            "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private record Token(String kind, String text) {
    }

    /** The highlighted HTML of Java or Kotlin {@code source}, its lines as they are, to go inside a {@code <pre><code>}. */
    static String html(String source) {
        return html(source, "java");
    }

    /** As {@link #html(String)}, for source in {@code language} ({@link SourceFiles.Source#language()}: java, kotlin or python). */
    static String html(String source, String language) {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        List<Token> tokens = language.equals("python") ? python(s) : lex(s);
        StringBuilder out = new StringBuilder(source.length() * 3 / 2);
        for (Token t : tokens) {
            if (t.kind().isEmpty()) out.append(Text.html(t.text()));
            else out.append("<span class=\"").append(t.kind()).append("\">").append(Text.html(t.text())).append("</span>");
        }
        return out.toString();
    }

    private static List<Token> lex(String s) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end;
            String kind;
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                end = s.indexOf('\n', i);
                if (end < 0) end = n;
                kind = "c";
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                kind = "c";
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                kind = "s";
            } else if (c == '"' || (c == '\'' && charLiteral(s, i))) {
                end = i + 1;
                while (end < n && s.charAt(end) != c && s.charAt(end) != '\n') end += s.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + 1);
                kind = "s";
            } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(s.charAt(i + 1))) {
                end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(s.charAt(end)) || s.charAt(end) == '.')) end++;
                kind = "a";
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(s.charAt(end))) end++;
                String word = s.substring(i, end);
                kind = KEYWORDS.contains(word) ? "k" : Character.isUpperCase(c) ? "t" : "";
            } else if (Character.isDigit(c) && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '.'
                        && end + 1 < n && Character.isDigit(s.charAt(end + 1)))) end++;
                kind = "n";
            } else {
                plain.append(c);
                i++;
                continue;
            }
            if (!plain.isEmpty()) { tokens.add(new Token("", plain.toString())); plain.setLength(0); }
            tokens.add(new Token(kind, s.substring(i, end)));
            i = end;
        }
        if (!plain.isEmpty()) tokens.add(new Token("", plain.toString()));
        return tokens;
    }

    /** Python: {@code #} comments, strings in either quote (triple too, with a prefix such as {@code f} or {@code r}), decorators. */
    private static List<Token> python(String s) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int end, quote = stringAt(s, i);
            String kind;
            if (c == '#') {
                end = s.indexOf('\n', i);
                if (end < 0) end = n;
                kind = "c";
            } else if (quote >= 0) {
                String q = s.startsWith("\"\"\"", quote) || s.startsWith("'''", quote) ? s.substring(quote, quote + 3) : s.substring(quote, quote + 1);
                end = quote + q.length();
                while (end < n && !s.startsWith(q, end) && (q.length() == 3 || s.charAt(end) != '\n')) end += s.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + (end < n && s.startsWith(q, end) ? q.length() : 0));
                kind = q.length() == 3 && statement(s, i, end) ? "c" : "s";    // a docstring reads as Java's doc comment does
            } else if (c == '@' && i + 1 < n && Character.isJavaIdentifierStart(s.charAt(i + 1)) && s.substring(s.lastIndexOf('\n', i) + 1, i).isBlank()) {
                end = i + 1;
                while (end < n && (Character.isJavaIdentifierPart(s.charAt(end)) || s.charAt(end) == '.')) end++;
                kind = "a";
            } else if (Character.isJavaIdentifierStart(c) && c != '$') {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(s.charAt(end)) && s.charAt(end) != '$') end++;
                String word = s.substring(i, end);
                kind = PYTHON.contains(word) ? "k" : Character.isUpperCase(c) ? "t" : "";
            } else if (Character.isDigit(c) && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)))) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '.'
                        && end + 1 < n && Character.isDigit(s.charAt(end + 1)))) end++;
                kind = "n";
            } else {
                plain.append(c);
                i++;
                continue;
            }
            if (!plain.isEmpty()) { tokens.add(new Token("", plain.toString())); plain.setLength(0); }
            tokens.add(new Token(kind, s.substring(i, end)));
            i = end;
        }
        if (!plain.isEmpty()) tokens.add(new Token("", plain.toString()));
        return tokens;
    }

    /** Whether {@code [from, end)} is alone on its lines: a statement of its own, such as a docstring. */
    private static boolean statement(String s, int from, int end) {
        int lineEnd = s.indexOf('\n', end);
        return s.substring(s.lastIndexOf('\n', from) + 1, from).isBlank() && s.substring(end, lineEnd < 0 ? s.length() : lineEnd).isBlank();
    }

    /** Where the quote of a Python string starting at {@code i} is ({@code i} itself, or past a prefix such as {@code f}, {@code rb}), or -1. */
    private static int stringAt(String s, int i) {
        if (i > 0 && Character.isJavaIdentifierPart(s.charAt(i - 1))) return -1;
        int j = i;
        while (j < s.length() && j - i < 2 && "rRbBuUfF".indexOf(s.charAt(j)) >= 0) j++;
        return j < s.length() && (s.charAt(j) == '"' || s.charAt(j) == '\'') ? j : -1;
    }

    /** 'x', '\n', '\'' , '\u0041': a character literal, not an apostrophe in running text. */
    private static boolean charLiteral(String s, int i) {
        int close = s.indexOf('\'', i + 1 + (i + 1 < s.length() && s.charAt(i + 1) == '\\' ? 2 : 1));
        return close > i && close - i <= 8 && s.indexOf('\n', i) > close || (close > i && close - i <= 8 && s.indexOf('\n', i) < 0);
    }
}
