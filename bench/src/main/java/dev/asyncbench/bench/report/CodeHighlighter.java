package dev.asyncbench.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Java and Kotlin source to HTML: every character escaped, comments, strings, keywords,
 * annotations, numbers and type names wrapped in spans ({@code c}, {@code s}, {@code k},
 * {@code a}, {@code n}, {@code t}) that the page's CSS colours. A lexer, not a parser: good
 * enough to make code readable, and it never drops a character.
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

    private record Token(String kind, String text) {
    }

    /** The highlighted HTML of {@code source}, its lines as they are, to go inside a {@code <pre><code>}. */
    static String html(String source) {
        List<Token> tokens = lex(source.replace("\r\n", "\n").replace('\r', '\n'));
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

    /** 'x', '\n', '\'' , '\u0041': a character literal, not an apostrophe in running text. */
    private static boolean charLiteral(String s, int i) {
        int close = s.indexOf('\'', i + 1 + (i + 1 < s.length() && s.charAt(i + 1) == '\\' ? 2 : 1));
        return close > i && close - i <= 8 && s.indexOf('\n', i) > close || (close > i && close - i <= 8 && s.indexOf('\n', i) < 0);
    }
}
