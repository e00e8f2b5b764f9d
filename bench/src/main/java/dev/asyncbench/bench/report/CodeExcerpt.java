package dev.asyncbench.bench.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's scenario file cut down to what a reader compares: the type's header comment, its
 * declaration, the scenario's methods and the members of the file they use (helpers, nested
 * records, constants), each without its own doc comment; no package line, no imports. A
 * scanner, not a parser: it knows comments, strings, character literals and brackets in Java
 * and Kotlin, which is enough to find where each member of a type starts and ends. A Python
 * module is read by {@link PythonExcerpt}: its docstring is the header, its top-level
 * definitions the members, with no type around them.
 *
 * @param header      the type's doc comment as written, or empty
 * @param declaration the type's declaration up to and including its opening brace
 * @param members     the type's members in file order
 * @param indent      the indentation of the type's members
 * @param language    java, kotlin or python ({@link SourceFiles.Source#language()})
 */
record CodeExcerpt(String header, String declaration, List<Member> members, String indent, String language) {

    /** What a member is, for telling whether another member uses it. */
    enum Kind { METHOD, CONSTRUCTOR, TYPE, FIELD }

    /**
     * One member of the type.
     *
     * @param name what other members call it by: a method's, field's or nested type's name; empty if none
     * @param kind what it is
     * @param text its source without its doc comment, from its first line's start
     */
    record Member(String name, Kind kind, String text) {
    }

    /** Reads {@code source}, a file in {@code language} (as {@link SourceFiles.Source#language()} names it) whose main type, if any, is {@code type}. */
    static CodeExcerpt parse(String source, String type, String language) {
        return language.equals("python") ? PythonExcerpt.parse(source) : parse(source, type, language.equals("kotlin"));
    }

    /** Reads {@code source}, a Java or Kotlin file whose main type is named {@code type}. */
    static CodeExcerpt parse(String source, String type, boolean kotlin) {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        boolean[] code = codeMask(s);
        List<int[]> top = split(s, code, 0, s.length(), kotlin);
        int[] main = null;
        for (int[] m : top) {
            if (typeName(declarationCode(s, code, m)).equals(type)) main = m;
        }
        if (main == null) return new CodeExcerpt("", "", List.of(), "", kotlin ? "kotlin" : "java");
        int start = skipDoc(s, main[0]);
        String header = s.substring(main[0], start).strip();
        int open = start;
        while (open < main[1] && !(code[open] && s.charAt(open) == '{')) open++;
        if (open >= main[1]) return new CodeExcerpt(header, s.substring(start, main[1]).strip(), List.of(), "", kotlin ? "kotlin" : "java");
        int close = main[1] - 1;
        while (close > open && !(code[close] && s.charAt(close) == '}')) close--;
        List<Member> members = new ArrayList<>();
        String indent = "    ";
        boolean first = true;
        for (int[] m : split(s, code, open + 1, close, kotlin)) {
            int from = skipDoc(s, m[0]);
            while (from < m[1] && Character.isWhitespace(s.charAt(from))) from++;
            int lineStart = s.lastIndexOf('\n', from - 1) + 1;
            String lead = s.substring(lineStart, from).isBlank() ? s.substring(lineStart, from) : "";
            if (first) indent = lead;
            first = false;
            String decl = declarationCode(s, code, m);
            String name = memberName(decl);
            Kind kind = !typeName(decl).isEmpty() ? Kind.TYPE
                    : PROPERTY.matcher(decl).find() || firstOf(decl, "(=;") >= decl.length() || decl.charAt(firstOf(decl, "(=;")) != '(' ? Kind.FIELD
                    : name.equals(type) ? Kind.CONSTRUCTOR : Kind.METHOD;
            members.add(new Member(name, kind, lead + s.substring(from, m[1]).strip()));
        }
        return new CodeExcerpt(header, s.substring(start, open + 1).strip(), members, indent, kotlin ? "kotlin" : "java");
    }

    /**
     * The members that carry {@code methods}, and those they use, in file order: a member is
     * used when another chosen member names it (a call {@code name(} or {@code ::name} for a
     * method, the bare name for anything else; in Python the bare name, not after a dot, for
     * all: a function is passed as often as it is called).
     */
    List<Member> chosen(List<String> methods) {
        Set<Member> chosen = new LinkedHashSet<>();
        List<Member> work = new ArrayList<>();
        for (Member m : members) if (methods.contains(m.name())) work.add(m);
        Map<Member, Pattern> uses = new HashMap<>();
        while (!work.isEmpty()) {
            Member m = work.removeLast();
            if (!chosen.add(m)) continue;
            for (Member other : members) {
                if (other.name().isEmpty() || other.kind() == Kind.CONSTRUCTOR || chosen.contains(other) || other == m) continue;
                if (uses.computeIfAbsent(other, this::use).matcher(m.text()).find()) work.add(other);
            }
        }
        return members.stream().filter(chosen::contains).toList();
    }

    /**
     * The excerpt as source: the declaration, the members a blank line apart, a {@code // ...}
     * ({@code # ...} in Python) where members are left out (a constructor goes without saying),
     * and the closing brace; a Python module's members alone. A non-empty {@code top} or
     * {@code bottom} becomes a comment at the top or the bottom of the body (what is not shown
     * here, and where it is).
     */
    String render(List<Member> show, String top, String bottom) {
        if (declaration.isEmpty()) return body(show, top, bottom, true);       // Python: no type around the members
        return declaration + "\n" + body(show, top, bottom, true) + "}\n";
    }

    /** The members alone, as {@link #render} shows them but without the type around them, one indentation less, and no {@code // ...}. */
    String renderMembers(List<Member> show, String top, String bottom) {
        StringBuilder out = new StringBuilder();
        for (String line : body(show, top, bottom, false).split("\n", -1)) {
            out.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
        }
        return out.toString().strip() + "\n";
    }

    private String body(List<Member> show, String top, String bottom, boolean gaps) {
        StringBuilder out = new StringBuilder();
        String comment = language.equals("python") ? "# " : "// ";
        if (!top.isEmpty()) out.append(indent).append(comment).append(top).append('\n');
        boolean gap = false, any = false;
        for (Member m : members) {
            if (!show.contains(m)) {
                gap |= gaps && m.kind() != Kind.CONSTRUCTOR;
                continue;
            }
            if (any || !top.isEmpty()) out.append('\n');
            if (gap) out.append(indent).append(comment).append("...\n\n");
            out.append(m.text()).append('\n');
            gap = false;
            any = true;
        }
        if (gap && bottom.isEmpty()) out.append('\n').append(indent).append(comment).append("...\n");
        if (!bottom.isEmpty()) out.append('\n').append(indent).append(comment).append(bottom).append('\n');
        return out.toString();
    }

    /** What a use of {@code other} looks like in a member's text. */
    private Pattern use(Member other) {
        String n = Pattern.quote(other.name());
        if (language.equals("python")) return Pattern.compile("(?<![.\\w])" + n + "\\b");
        return other.kind() == Kind.METHOD ? Pattern.compile("(\\b" + n + "\\s*\\(|::" + n + "\\b)") : Pattern.compile("\\b" + n + "\\b");
    }

    private static final Pattern TYPE = Pattern.compile("\\b(?:class|interface|enum|record|object)\\s+(\\w+)");
    private static final Pattern PROPERTY = Pattern.compile("\\b(?:val|var)\\s+(\\w+)");
    private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\([^)]*\\))?");

    private static String typeName(String decl) {
        Matcher m = TYPE.matcher(decl);
        if (!m.find()) return "";
        int stop = firstOf(decl, "(=");
        return stop < m.start() ? "" : m.group(1);
    }

    /** A member's name from its declaration without comments and annotations. */
    static String memberName(String decl) {
        String type = typeName(decl);
        if (!type.isEmpty()) return type;
        Matcher prop = PROPERTY.matcher(decl);
        if (prop.find() && prop.start() < firstOf(decl, "(")) return prop.group(1);
        int stop = firstOf(decl, "(=;{");
        int end = stop;
        while (end > 0 && Character.isWhitespace(decl.charAt(end - 1))) end--;
        int begin = end;
        while (begin > 0 && Character.isJavaIdentifierPart(decl.charAt(begin - 1))) begin--;
        return decl.substring(begin, end);
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return s.length();
    }

    /** A member's code up to its body: comments and annotations removed. */
    private static String declarationCode(String s, boolean[] code, int[] m) {
        StringBuilder out = new StringBuilder();
        for (int i = m[0]; i < m[1]; i++) {
            if (code[i] && s.charAt(i) == '{') break;
            out.append(code[i] ? s.charAt(i) : ' ');
        }
        return ANNOTATION.matcher(out).replaceAll(" ").strip();
    }

    /** Past the doc comment ({@code /** ... *}{@code /}) that starts at or after {@code i}, if one does. */
    private static int skipDoc(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) j++;
        if (!s.startsWith("/**", j)) return i;
        int end = s.indexOf("*/", j + 3);
        return end < 0 ? i : end + 2;
    }

    /**
     * Splits {@code [from, to)}, a run of declarations, into one range per declaration: it ends
     * at a {@code ;} or at the brace that closes its body; in Kotlin also at the end of a line
     * that completes it. Comments before a declaration belong to it.
     */
    private static List<int[]> split(String s, boolean[] code, int from, int to, boolean kotlin) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= to) break;
            int start = i, depth = 0, paren = 0, end = to;
            for (int j = start; j < to; j++) {
                char c = s.charAt(j);
                if (!code[j]) continue;
                if (c == '(' || c == '[') paren++;
                else if (c == ')' || c == ']') paren--;
                else if (c == '{') depth++;
                else if (c == '}' && --depth == 0 && paren == 0) {
                    int k = j + 1;
                    while (k < to && Character.isWhitespace(s.charAt(k))) k++;
                    if (k < to && ",.)?".indexOf(s.charAt(k)) >= 0) continue;      // a call chain or an argument list goes on
                    end = k < to && s.charAt(k) == ';' ? k + 1 : j + 1;
                    break;
                } else if (c == ';' && depth == 0 && paren == 0) {
                    end = j + 1;
                    break;
                } else if (kotlin && c == '\n' && depth == 0 && paren == 0 && complete(s, code, start, j, to)) {
                    end = j;
                    break;
                }
            }
            out.add(new int[] {start, end});
            i = end;
        }
        return out;
    }

    /** Whether a Kotlin declaration ends at the newline {@code nl}: its last code does not continue, nor does the next line's first. */
    private static boolean complete(String s, boolean[] code, int start, int nl, int to) {
        StringBuilder sofar = new StringBuilder();
        for (int i = start; i < nl; i++) if (code[i]) sofar.append(s.charAt(i));
        if (ANNOTATION.matcher(sofar).replaceAll("").isBlank()) return false;     // annotations alone do not make a declaration
        int p = nl - 1;
        while (p >= start && (!code[p] || Character.isWhitespace(s.charAt(p)))) p--;
        if (p < start || "=,(.:+-*/&|?>{".indexOf(s.charAt(p)) >= 0) return false;
        int q = nl + 1;
        while (q < to && Character.isWhitespace(s.charAt(q))) q++;
        return q >= to || ".?:=)".indexOf(s.charAt(q)) < 0;
    }

    /** For each character, whether it is code: not inside a comment, a string or a character literal. */
    static boolean[] codeMask(String s) {
        boolean[] code = new boolean[s.length()];
        int i = 0, n = s.length();
        while (i < n) {
            int end;
            if (s.startsWith("//", i)) {
                end = s.indexOf('\n', i);
                if (end < 0) end = n;
            } else if (s.startsWith("/*", i)) {
                end = s.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
                char q = s.charAt(i);
                end = i + 1;
                while (end < n && s.charAt(end) != q && s.charAt(end) != '\n') end += s.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + 1);
            } else {
                code[i++] = true;
                continue;
            }
            i = end;
        }
        return code;
    }
}
