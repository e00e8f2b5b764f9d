package dev.asyncbench.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the report writes numbers and text: the same formats in the HTML, the Markdown and the
 * charts, so a figure reads the same everywhere. Every value comes from the results files;
 * {@link Double#NaN} ("not measured") is the empty string, never zero.
 */
final class Text {
    private Text() {
    }

    /** A measured quantity with three significant digits: 0.0549, 1.15, 12.3, 512, 5,120. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "";
        double a = Math.abs(v);
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a == 0) return "0";
        BigDecimal d = new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        if (d.scale() < 0) d = d.setScale(0, RoundingMode.UNNECESSARY);
        return d.toPlainString();
    }

    /** A time in ms with its unit: "31.8 ms", "1,234 ms". */
    static String ms(double v) {
        return Double.isNaN(v) ? "" : num(v) + " ms";
    }

    /** Efficiency, ideal / measured: two decimals; below 0.1 two significant digits ("0.024", "0.00025"). */
    static String eff(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "";
        if (v >= 0.1 || v == 0) return String.format(Locale.ROOT, "%.2f", v);
        return twoDigits(v);
    }

    /** Bytes in decimal units (kB = 1000 B): "114 B", "1.99 kB", "25.5 MB". */
    static String bytes(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "";
        double a = Math.abs(v);
        if (a < 1000) return num(v) + " B";
        if (a < 1e6) return num(v / 1e3) + " kB";
        if (a < 1e9) return num(v / 1e6) + " MB";
        return num(v / 1e9) + " GB";
    }

    /** Mebibytes as the results give them (rss_peak_mb): "102 MiB". */
    static String mib(double v) {
        return Double.isNaN(v) ? "" : num(v) + " MiB";
    }

    /** A signed relative difference: "+12.3%", "-4.0%". */
    static String pct(double fraction) {
        if (Double.isNaN(fraction) || Double.isInfinite(fraction)) return "";
        if (Math.abs(fraction) < 0.0005) return "0.0%";
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** How many times: "10x", "2.6x". */
    static String times(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "";
        return (v < 10 ? String.format(Locale.ROOT, "%.2f", v) : num(v)) + "x";
    }

    /** A count: "10,000". */
    static String count(double v) {
        if (Double.isNaN(v)) return "";
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /**
     * A duration for people: seconds under a minute ("15 s", "51.5 s"), then minutes ("17 min"),
     * hours ("2.8 h") and days ("12 days"), two significant digits from minutes on.
     */
    static String seconds(double s) {
        if (Double.isNaN(s) || Double.isInfinite(s)) return "";
        if (Math.abs(s) < 59.5) return num(s) + " s";
        if (Math.abs(s) < 3570) return twoDigits(s / 60) + " min";
        if (Math.abs(s) < 2 * 86_400) return twoDigits(s / 3600) + " h";
        return twoDigits(s / 86_400) + " days";
    }

    private static String twoDigits(double v) {
        return new BigDecimal(v).round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    private static final Pattern SECONDS = Pattern.compile("(?<![\\w.,])(\\d[\\d,]*(?:\\.\\d+)?) s\\b");

    /**
     * Text from the results with every "&lt;number&gt; s" written as {@link #seconds} writes it:
     * "about 1000003.00 s" reads "about 12 days", "15.00 s" reads "15 s". Everything else is
     * left as it is.
     */
    static String durations(String s) {
        if (s == null) return "";
        Matcher m = SECONDS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(seconds(Double.parseDouble(m.group(1).replace(",", "")))));
        return m.appendTail(out).toString();
    }

    private static final Pattern FOLDERS = Pattern.compile("(?<![\\w.~:/-])(?:/[\\w.+@-]+)+/(?=[\\w.+@-])");

    /**
     * Text without the folders of absolute paths, which belong to the machine that ran, not to
     * the result: "-XX:SharedArchiveFile=/tmp/v2/bench/target/x.jsa" reads
     * "-XX:SharedArchiveFile=x.jsa". URLs are left alone.
     */
    static String withoutFolders(String s) {
        return s == null ? "" : FOLDERS.matcher(s).replaceAll("");
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.getFirst();
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String html(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Escapes text for Markdown (CommonMark, GitHub): HTML and the characters that start
     * emphasis, code, links or table cells; newlines become spaces (a cell is one line).
     */
    static String md(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '#' -> out.append('\\').append(c);
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** An id for HTML anchors and file names: lower case letters, digits and dashes. */
    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
