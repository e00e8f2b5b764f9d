package dev.asyncbench.bench.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Source to HTML: nothing lost, nothing unescaped. */
class CodeHighlighterTest {

    static final String JAVA = """
            /** Doc with <b>html</b> & {@code List<String>}. */
            @Override
            static List<Future<String>> run(int n) { // a comment with </pre>
                String s = "a \\"quoted\\" <tag>" + 'x' + '\\'';
                return n > 0x1F ? List.of() : null;
            }
            """;

    static final String KOTLIN = """
            internal object Hello {
                suspend fun hello(pause: Duration, log: EventLog) {
                    val text = \"\"\"raw "$pause" <b>\"\"\"
                    delay(pause.toKotlinDuration())
                }
            }
            """;

    static final String PYTHON = """
            \"""Scenario 1: <b>hello</b> & ``asyncio.sleep``.\"""

            @functools.cache
            async def hello(pause: timedelta, log) -> None:  # a comment with </pre>
                half = pause // 2                            # floor division, not a comment
                log.log(f"it's {pause!r}" + 'x' + r'\\d' + '\\'' + '''it's
            three''')
                return None if half is not None else 1_000_000
            """;

    @Test
    void everyCharacterSurvivesAndIsEscaped() {
        for (String source : new String[] {JAVA, KOTLIN, PYTHON}) {
            String html = CodeHighlighter.html(source, source.equals(PYTHON) ? "python" : "java");
            assertFalse(html.contains("<b>") || html.contains("</pre>") || html.contains("<tag>") || html.contains("<String>"), html);
            String text = html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                    .replace("&#39;", "'").replace("&amp;", "&");
            assertEquals(source.stripTrailing(), text.stripTrailing());
        }
    }

    @Test
    void linesStayAsTheyAreWithNothingAroundThem() {
        String html = CodeHighlighter.html("/* one\ntwo */\nint x;\n");
        assertEquals("<span class=\"c\">/* one\ntwo */</span>\n<span class=\"k\">int</span> x;\n", html);
    }

    @Test
    void tokensGetTheirKinds() {
        String html = CodeHighlighter.html(JAVA);
        assertTrue(html.contains("<span class=\"k\">static</span>"), html);
        assertTrue(html.contains("<span class=\"a\">@Override</span>"), html);
        assertTrue(html.contains("<span class=\"t\">Future</span>"), html);
        assertTrue(html.contains("<span class=\"n\">0x1F</span>"), html);
        assertTrue(html.contains("<span class=\"s\">&#39;x&#39;</span>"), html);
        assertTrue(html.contains("<span class=\"c\">// a comment with &lt;/pre&gt;</span>"), html);
        String kt = CodeHighlighter.html(KOTLIN);
        assertTrue(kt.contains("<span class=\"k\">suspend</span> <span class=\"k\">fun</span>"), kt);
    }

    @Test
    void pythonTokensGetTheirKinds() {
        String py = CodeHighlighter.html(PYTHON, "python");
        assertTrue(py.startsWith("<span class=\"c\">&quot;&quot;&quot;Scenario 1: &lt;b&gt;hello&lt;/b&gt; &amp; ``asyncio.sleep``.&quot;&quot;&quot;</span>"), py);
        assertTrue(py.contains("<span class=\"a\">@functools.cache</span>"), py);
        assertTrue(py.contains("<span class=\"k\">async</span> <span class=\"k\">def</span> hello"), py);
        assertTrue(py.contains("<span class=\"c\"># a comment with &lt;/pre&gt;</span>"), py);
        assertTrue(py.contains("pause // <span class=\"n\">2</span>"), "// divides in Python: " + py);
        assertTrue(py.contains("<span class=\"s\">f&quot;it&#39;s {pause!r}&quot;</span>"), "a prefix belongs to its string: " + py);
        assertTrue(py.contains("<span class=\"s\">&#39;&#39;&#39;it&#39;s\nthree&#39;&#39;&#39;</span>"), "triple quotes span lines; "
                + "a string alone on its lines is a docstring, shown as a comment, this one is not: " + py);
        assertTrue(py.contains("<span class=\"k\">None</span> <span class=\"k\">if</span>"), py);
        assertTrue(py.contains("<span class=\"n\">1_000_000</span>"), py);
        assertTrue(CodeHighlighter.html("x = a // b\n").contains("<span class=\"c\">// b</span>"), "Java and Kotlin keep their // comments");
    }
}
