package dev.asyncbench.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Numbers and escaping, the same in every output. */
class TextTest {

    @Test
    void htmlEscapesEverythingThatCouldBeMarkup() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;", Text.html("<script>alert('x')</script> & \"q\""));
        assertEquals("", Text.html(null));
    }

    @Test
    void markdownEscapesMarkupAndTableSyntax() {
        String md = Text.md("a|b <b>x</b> *y* _z_ `c` [l](u) #h\nnext");
        assertFalse(md.contains("<b>"), md);
        assertTrue(md.contains("a\\|b"), md);
        assertTrue(md.contains("\\*y\\*") && md.contains("\\_z\\_") && md.contains("\\`c\\`") && md.contains("\\[l\\]"), md);
        assertFalse(md.contains("\n"), "a cell is one line: " + md);
    }

    @Test
    void numbersKeepThreeSignificantDigits() {
        assertEquals("0.0549", Text.num(0.0548684));
        assertEquals("1.15", Text.num(1.14873));
        assertEquals("31.8", Text.num(31.7668));
        assertEquals("830", Text.num(830.012));
        assertEquals("2,432", Text.num(2431.79));
        assertEquals("20", Text.num(20));
        assertEquals("", Text.num(Double.NaN), "not measured is empty, never zero");
    }

    @Test
    void unitsEfficienciesAndDifferences() {
        assertEquals("114 B", Text.bytes(113.869));
        assertEquals("2 kB", Text.bytes(1995.16));
        assertEquals("25.5 MB", Text.bytes(25_487_010));
        assertEquals("0.63", Text.eff(0.629587));
        assertEquals("0.024", Text.eff(0.024096));
        assertEquals("0.00025", Text.eff(0.000253));
        assertEquals("+25.0%", Text.pct(0.25));
        assertEquals("-5.0%", Text.pct(-0.0496));
        assertEquals("0.0%", Text.pct(-0.0001));
        assertEquals("1.04x", Text.times(1.04));
        assertEquals("1,000x", Text.times(1000));
        assertEquals("futures, rx and coroutines", Text.and(List.of("futures", "rx", "coroutines")));
    }

    @Test
    void durationsReadForPeople() {
        assertEquals("15 s", Text.seconds(15.0));
        assertEquals("51.5 s", Text.seconds(51.5));
        assertEquals("17 min", Text.seconds(1000));
        assertEquals("10 min", Text.seconds(600.09));
        assertEquals("2.8 h", Text.seconds(10000.03));
        assertEquals("12 days", Text.seconds(1_000_003));
        assertEquals("skipped: one operation is expected to take about 12 days here, over this run's budget of 15 s per operation (--budget)",
                Text.durations("skipped: one operation is expected to take about 1000003.00 s here, over this run's budget of 15.00 s per operation (--budget)"));
        assertEquals("N=10 L=20ms, 64 users, HTTP/1.1, 5 s", Text.durations("N=10 L=20ms, 64 users, HTTP/1.1, 5 s"));
        assertEquals("about 42 min", Text.durations("about 2,500.5 s"));
    }

    @Test
    void machinePathsLoseTheirFolders() {
        assertEquals("-Xms4g -XX:SharedArchiveFile=fork-classes-jfr.jsa", Text.withoutFolders("-Xms4g -XX:SharedArchiveFile=/tmp/v2/bench/target/fork-classes-jfr.jsa"));
        assertEquals("log to gc.log", Text.withoutFolders("log to /var/tmp/run/gc.log"));
        assertEquals("at http://127.0.0.1:25607/bytes, HTTP/1.1, read/write", Text.withoutFolders("at http://127.0.0.1:25607/bytes, HTTP/1.1, read/write"));
    }
}
