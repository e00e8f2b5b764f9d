package dev.asyncbench.bench.report;

import java.util.regex.Pattern;


/**
 * The markup both kinds of chart are drawn with. Styles are presentation attributes (no CSS,
 * no ids, no fonts to fetch), so a chart renders the same inline, as an image or on its own;
 * the font is set once on the root and text shares its size and colour through groups. The
 * parts a page may restyle (for a dark scheme) carry a class: {@code bg}, {@code grid},
 * {@code minor}, {@code frame}, {@code ink}, {@code muted}.
 */
final class Svg {
    private Svg() {
    }

    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    static final String GRID = "#e6e8eb";
    static final String MINOR = "#f1f2f4";
    static final String AXIS = "#8a9099";
    static final String INK = "#1f2328";
    static final String MUTED = "#59636e";
    static final String ABSENT = "#a0452e";

    /** A coordinate or size: one decimal, which is finer than a pixel, and none when it is whole. */
    static String n(double v) {
        long tenths = Math.round(v * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths < 0 && tenths > -10 ? "-0." : tenths / 10 + ".") + Math.abs(tenths % 10);
    }

    /** The root element with its title (the chart's tooltip) and background. */
    static StringBuilder open(String key, String kind, double width, double height, String title) {
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"").append(Text.html(key))
                .append("\" data-kind=\"").append(kind).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height)).append("\" role=\"img\" font-family=\"")
                .append(FONT).append("\"><title>").append(Text.html(title)).append("</title>")
                .append("<rect class=\"bg\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        text(svg.append(group("ink", 15, "700", INK, "start")), 14, 24, title);
        return svg.append("</g>");
    }

    /** Opens a group of text sharing size, weight, colour and anchor; close it with {@code </g>}. */
    static String group(String cls, double size, String weight, String colour, String anchor) {
        return "<g class=\"" + cls + "\" font-size=\"" + n(size) + "\" font-weight=\"" + weight + "\" fill=\"" + colour
                + "\" text-anchor=\"" + anchor + "\">";
    }

    /** A text element inside a {@link #group}. */
    static void text(StringBuilder svg, double x, double y, String s) {
        svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\">").append(Text.html(s)).append("</text>");
    }

    /** Lines drawn as one path: add segments, then {@link #draw} them. */
    static final class Lines {
        private final StringBuilder d = new StringBuilder();

        Lines h(double x1, double x2, double y) {
            d.append('M').append(n(x1)).append(' ').append(n(y)).append('H').append(n(x2));
            return this;
        }

        Lines v(double x, double y1, double y2) {
            d.append('M').append(n(x)).append(' ').append(n(y1)).append('V').append(n(y2));
            return this;
        }

        String draw(String cls, String colour) {
            return d.isEmpty() ? "" : "<path class=\"" + cls + "\" d=\"" + d + "\" stroke=\"" + colour + "\" stroke-width=\"1\" fill=\"none\"/>";
        }
    }

    private static final Pattern WHOLE = Pattern.compile("(\\d)\\.0(?![\\d])");

    /** A model's marker at {@code (x, y)}, as {@link ModelStyle#markerSvg} draws it, its whole numbers without ".0". */
    static String marker(ModelStyle style, double x, double y) {
        return WHOLE.matcher(style.markerSvg(x, y)).replaceAll("$1");
    }

    /** Opens the group of legend entries; close it with {@code </g>}. */
    static final String LEGENDS = "<g class=\"ink\" font-size=\"12.5\" font-weight=\"500\" fill=\"" + INK + "\">";

    /** An axis title turned to read upwards, centred on {@code (x, y)}. */
    static String verticalTitle(double x, double y, String title) {
        return "<text class=\"ink\" x=\"0\" y=\"0\" transform=\"translate(" + n(x) + ' ' + n(y) + ") rotate(-90)\" font-size=\"12.5\" font-weight=\"600\" fill=\""
                + INK + "\" text-anchor=\"middle\">" + Text.html(title) + "</text>";
    }

    /**
     * A legend entry that a page can click to hide its series ({@code data-series}): the line
     * (when the series is drawn as one) and the marker, the name, and why it has no points.
     * Entries go inside {@link #LEGENDS}, which sets their text.
     */
    static String legend(double x, double y, String name, ModelStyle style, boolean line, boolean marker, String absent) {
        StringBuilder g = new StringBuilder("<g class=\"legend\" data-series=\"").append(Text.html(name)).append("\">");
        if (line) {
            g.append("<path d=\"M").append(n(x)).append(' ').append(n(y)).append("h30\" stroke=\"").append(style.colour())
                    .append("\" stroke-width=\"2.2\"").append(style.dash().isEmpty() ? "" : " stroke-dasharray=\"" + style.dash() + "\"").append("/>");
        }
        if (marker && style.marker() != null) g.append(marker(style, x + 15, y));
        else if (!line) g.append("<path d=\"M").append(n(x + 7)).append(' ').append(n(y)).append("h16\" stroke=\"").append(style.colour())
                .append("\" stroke-width=\"2\"").append(style.dash().isEmpty() ? "" : " stroke-dasharray=\"3 2\"").append("/>");
        g.append("<text").append(absent.isEmpty() ? "" : " class=\"muted\" fill=\"" + AXIS + "\"").append(" x=\"").append(n(x + 38)).append("\" y=\"")
                .append(n(y + 4)).append("\">").append(Text.html(name)).append("</text>");
        if (!absent.isEmpty()) {
            g.append("<text x=\"").append(n(x + 38)).append("\" y=\"").append(n(y + 16)).append("\" font-size=\"10\" font-weight=\"400\" fill=\"")
                    .append(ABSENT).append("\">")
                    .append(Text.html(absent)).append("</text>");
        }
        return g.append("</g>").toString();
    }
}
