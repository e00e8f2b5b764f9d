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

    @Test
    void everyCharacterSurvivesAndIsEscaped() {
        for (String source : new String[] {JAVA, KOTLIN}) {
            String html = CodeHighlighter.html(source);
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
}
