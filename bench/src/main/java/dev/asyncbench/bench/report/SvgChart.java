package dev.asyncbench.bench.report;

import java.util.ArrayList;
import java.util.List;

import static dev.asyncbench.bench.report.ModelStyle.f;

/**
 * Standalone SVG charts, drawn as text: the same markup is inlined in index.html and written as
 * a file next to report.md. Styles are presentation attributes (no CSS, no ids, no fonts to
 * fetch), so the file renders the same as an image, inline, or opened on its own.
 *
 * <p>Two kinds: {@link #lines} (a value against size on log axes, one series per model, the
 * ideal dashed) and {@link #bars} (one size: a bar per model, the ideal as a line). Every
 * point carries a {@code <title>} with its exact figures, shown on hover.
 */
final class SvgChart {
    private SvgChart() {
    }

    static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    private static final String GRID = "#e6e8eb";
    private static final String MINOR = "#f1f2f4";
    private static final String AXIS = "#8a9099";
    private static final String INK = "#1f2328";
    private static final String MUTED = "#59636e";

    /** One measured value: y at x, with the half-width of its interval (NaN: none); y NaN: not measured. */
    record Point(double x, double y, double err, String tip) {
    }

    /** A model's values in the order of the chart's x values; its legend says when it has none. */
    record Series(String name, ModelStyle style, List<Point> points, String absent) {
        boolean empty() {
            return points.stream().allMatch(p -> Double.isNaN(p.y()));
        }
    }

    /** One bar; {@code missing} (e.g. "failed") replaces it when there is no value. */
    record Bar(String name, ModelStyle style, double value, double err, String missing, String tip) {
    }

    /**
     * A log-log line chart.
     *
     * @param key    identifies the chart (data-chart attribute)
     * @param xs     the x values of the sweep, ascending; each series has one point per x
     * @param ideal  the ideal line (may be null or empty: no ideal for this metric)
     */
    static String lines(String key, String title, String xTitle, Axis.Labels xLabels, String yTitle, Axis.Labels yLabels,
                        List<Double> xs, List<Series> series, Series ideal, boolean compact) {
        int legendRows = series.size() + (ideal != null && !ideal.empty() ? 1 : 0);
        long absent = series.stream().filter(Series::empty).count();
        double width = compact ? 500 : 780, left = compact ? 70 : 80, right = compact ? 168 : 190, top = 44, bottom = 58;
        double height = Math.max(compact ? 290 : 360, top + bottom + legendRows * 22 + absent * 12 + 20);
        double pw = width - left - right, ph = height - top - bottom, pad = 12;

        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<Series> all = new ArrayList<>(series);
        if (ideal != null) all.add(ideal);
        for (Series s : all) for (Point p : s.points()) if (p.y() > 0 && Double.isFinite(p.y())) { lo = Math.min(lo, p.y()); hi = Math.max(hi, p.y()); }
        boolean noData = lo == Double.POSITIVE_INFINITY;
        if (noData) { lo = 1; hi = 10; }
        Axis x = Axis.log(xs.getFirst(), xs.getLast());
        Axis y = Axis.log(lo, hi);

        StringBuilder svg = open(key, "lines", width, height, title);
        svg.append(text(14, 24, title, 15, "700", INK, "start"));
        // grid and ticks
        for (double v : y.minor()) svg.append(hline(left, left + pw, ypos(y, v, top, ph, pad), MINOR));
        for (double v : x.minor()) svg.append(vline(xpos(x, v, left, pw, pad), top, top + ph, MINOR));
        for (double v : y.ticks()) {
            double py = ypos(y, v, top, ph, pad);
            svg.append(hline(left, left + pw, py, GRID));
            svg.append(text(left - 8, py + 4, yLabels.format(v), 11.5, "400", MUTED, "end"));
        }
        for (double v : x.ticks()) {
            double px = xpos(x, v, left, pw, pad);
            svg.append(vline(px, top, top + ph, GRID));
            svg.append(text(px, top + ph + 18, xLabels.format(v), 11.5, "400", MUTED, "middle"));
        }
        svg.append("<rect x=\"").append(f(left)).append("\" y=\"").append(f(top)).append("\" width=\"").append(f(pw))
                .append("\" height=\"").append(f(ph)).append("\" fill=\"none\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>");
        svg.append(text(left + pw / 2, height - 14, xTitle, 12.5, "600", INK, "middle"));
        svg.append("<text x=\"0\" y=\"0\" transform=\"translate(").append(f(22)).append(' ').append(f(top + ph / 2))
                .append(") rotate(-90)\" font-family=\"").append(FONT).append("\" font-size=\"12.5\" font-weight=\"600\" fill=\"")
                .append(INK).append("\" text-anchor=\"middle\">").append(Text.html(yTitle)).append("</text>");
        if (noData) svg.append(text(left + pw / 2, top + ph / 2, "nothing measured", 13, "400", MUTED, "middle"));

        // the ideal under the models
        if (ideal != null && !ideal.empty()) {
            svg.append("<g class=\"series ideal\" data-series=\"ideal\">");
            svg.append(path(ideal, x, y, left, top, pw, ph, pad, 0, 1.6));
            svg.append("</g>");
        }
        int n = series.size();
        for (int i = 0; i < n; i++) {
            Series s = series.get(i);
            double dodge = (i - (n - 1) / 2.0) * 2.2;
            long count = s.points().stream().filter(p -> !Double.isNaN(p.y())).count();
            svg.append("<g class=\"series\" data-series=\"").append(Text.html(s.name())).append("\" data-points=\"").append(count).append("\">");
            svg.append(path(s, x, y, left, top, pw, ph, pad, dodge, 2.2));
            for (Point p : s.points()) {
                if (Double.isNaN(p.y()) || p.y() <= 0) continue;
                double px = xpos(x, p.x(), left, pw, pad) + dodge;
                double py = ypos(y, p.y(), top, ph, pad);
                svg.append("<g class=\"point\"><title>").append(Text.html(p.tip())).append("</title>");
                if (p.err() > 0 && Double.isFinite(p.err())) {
                    double y1 = p.y() - p.err() > 0 ? Math.min(ypos(y, p.y() - p.err(), top, ph, pad), top + ph) : top + ph;
                    double y2 = Math.max(ypos(y, p.y() + p.err(), top, ph, pad), top);
                    String c = s.style().colour();
                    svg.append("<path d=\"M").append(f(px)).append(' ').append(f(y1)).append('V').append(f(y2))
                            .append("M").append(f(px - 3)).append(' ').append(f(y1)).append('h').append("6")
                            .append("M").append(f(px - 3)).append(' ').append(f(y2)).append('h').append("6")
                            .append("\" stroke=\"").append(c).append("\" stroke-width=\"1.2\" stroke-opacity=\"0.55\" fill=\"none\"/>");
                }
                svg.append(s.style().markerSvg(px, py)).append("</g>");
            }
            svg.append("</g>");
        }

        // legend
        double lx = left + pw + 18, ly = top + 8;
        if (ideal != null && !ideal.empty()) {
            svg.append(legendEntry(lx, ly, ideal.name(), ideal.style(), false, ""));
            ly += 22;
        }
        for (Series s : series) {
            svg.append(legendEntry(lx, ly, s.name(), s.style(), true, s.empty() ? s.absent() : ""));
            ly += s.empty() ? 34 : 22;
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A horizontal bar chart for a single size: one bar per model (in the given order), the
     * ideal as a dashed vertical line; a model without a value shows its status instead.
     */
    static String bars(String key, String title, String valueTitle, Axis.Labels labels, List<Bar> bars, double ideal, String idealLabel,
                       boolean compact) {
        double width = compact ? 500 : 780, left = compact ? 130 : 150, right = 90, top = 64, row = 28, bottom = 52;
        double height = top + bars.size() * row + bottom;
        double pw = width - left - right, ph = bars.size() * row;
        double hi = Double.isNaN(ideal) ? 0 : ideal;
        for (Bar b : bars) if (Double.isFinite(b.value())) hi = Math.max(hi, b.value());
        Axis a = Axis.linear(hi > 0 ? hi : 1);

        StringBuilder svg = open(key, "bars", width, height, title);
        svg.append(text(14, 24, title, 15, "700", INK, "start"));
        for (double v : a.ticks()) {
            double px = left + a.fraction(v) * pw;
            svg.append(vline(px, top - 6, top + ph, GRID));
            svg.append(text(px, top + ph + 18, labels.format(v), 11.5, "400", MUTED, "middle"));
        }
        svg.append(text(left + pw / 2, height - 12, valueTitle, 12.5, "600", INK, "middle"));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cy = top + i * row + row / 2;
            svg.append("<g class=\"series\" data-series=\"").append(Text.html(b.name())).append("\" data-points=\"")
                    .append(Double.isFinite(b.value()) ? 1 : 0).append("\"><title>").append(Text.html(b.tip())).append("</title>");
            svg.append(text(left - 10, cy + 4, b.name(), 12.5, "500", INK, "end"));
            if (Double.isFinite(b.value())) {
                double w = Math.max(1, a.fraction(b.value()) * pw);
                svg.append("<rect x=\"").append(f(left)).append("\" y=\"").append(f(cy - 8)).append("\" width=\"").append(f(w))
                        .append("\" height=\"16\" rx=\"2\" fill=\"").append(b.style().colour()).append("\" fill-opacity=\"0.85\"/>");
                double end = left + w;
                if (b.err() > 0 && Double.isFinite(b.err())) {
                    double e1 = left + Math.max(0, a.fraction(b.value() - b.err())) * pw;
                    double e2 = left + Math.min(1.08, a.fraction(b.value() + b.err())) * pw;
                    svg.append("<path d=\"M").append(f(e1)).append(' ').append(f(cy)).append('H').append(f(e2))
                            .append("M").append(f(e1)).append(' ').append(f(cy - 4)).append("v8M").append(f(e2)).append(' ').append(f(cy - 4))
                            .append("v8\" stroke=\"").append(INK).append("\" stroke-opacity=\"0.6\" stroke-width=\"1.2\" fill=\"none\"/>");
                    end = Math.max(end, e2);
                }
                svg.append(text(end + 6, cy + 4, labels.format(b.value()), 11.5, "400", MUTED, "start"));
            } else {
                svg.append("<text x=\"").append(f(left + 6)).append("\" y=\"").append(f(cy + 4)).append("\" font-family=\"").append(FONT)
                        .append("\" font-size=\"12\" font-style=\"italic\" fill=\"#a0452e\">").append(Text.html(b.missing())).append("</text>");
            }
            svg.append("</g>");
        }
        svg.append(hline(left, left + pw, top + ph, AXIS)).append(vline(left, top - 6, top + ph, AXIS));
        if (!Double.isNaN(ideal) && ideal > 0) {
            double px = left + a.fraction(ideal) * pw;
            svg.append("<g class=\"series ideal\" data-series=\"ideal\"><path d=\"M").append(f(px)).append(' ').append(f(top - 10)).append('V')
                    .append(f(top + ph)).append("\" stroke=\"").append(ModelStyle.IDEAL.colour()).append("\" stroke-width=\"1.6\" stroke-dasharray=\"")
                    .append(ModelStyle.IDEAL.dash()).append("\"/>");
            svg.append(text(px, top - 16, idealLabel, 11.5, "600", INK, "middle")).append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String key, String kind, double width, double height, String title) {
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"").append(Text.html(key))
                .append("\" data-kind=\"").append(kind).append("\" viewBox=\"0 0 ").append(f(width)).append(' ').append(f(height))
                .append("\" width=\"").append(f(width)).append("\" height=\"").append(f(height)).append("\" role=\"img\">")
                .append("<title>").append(Text.html(title)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        return svg;
    }

    private static String path(Series s, Axis x, Axis y, double left, double top, double pw, double ph, double pad, double dodge, double strokeWidth) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (Point p : s.points()) {
            if (Double.isNaN(p.y()) || p.y() <= 0) { pen = false; continue; }
            d.append(pen ? 'L' : 'M').append(f(xpos(x, p.x(), left, pw, pad) + dodge)).append(' ').append(f(ypos(y, p.y(), top, ph, pad)));
            pen = true;
        }
        if (d.isEmpty()) return "";
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + s.style().colour() + "\" stroke-width=\"" + strokeWidth
                + "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"" + (s.style().dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.style().dash() + "\"") + "/>";
    }

    private static String legendEntry(double x, double y, String name, ModelStyle style, boolean marker, String absent) {
        StringBuilder g = new StringBuilder("<g class=\"legend\">");
        g.append("<path d=\"M").append(f(x)).append(' ').append(f(y)).append("h30\" stroke=\"").append(style.colour())
                .append("\" stroke-width=\"2.2\"").append(style.dash().isEmpty() ? "" : " stroke-dasharray=\"" + style.dash() + "\"").append("/>");
        if (marker && style.marker() != null) g.append(style.markerSvg(x + 15, y));
        g.append(text(x + 38, y + 4, name, 12.5, "500", absent.isEmpty() ? INK : "#8a9099", "start"));
        if (!absent.isEmpty()) g.append(text(x + 38, y + 16, absent, 10, "400", "#a0452e", "start"));
        return g.append("</g>").toString();
    }

    private static double xpos(Axis x, double v, double left, double pw, double pad) {
        return left + pad + x.fraction(v) * (pw - 2 * pad);
    }

    private static double ypos(Axis y, double v, double top, double ph, double pad) {
        return top + ph - pad - y.fraction(v) * (ph - 2 * pad);
    }

    private static String hline(double x1, double x2, double y, String colour) {
        return "<path d=\"M" + f(x1) + " " + f(y) + "H" + f(x2) + "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>";
    }

    private static String vline(double x, double y1, double y2, String colour) {
        return "<path d=\"M" + f(x) + " " + f(y1) + "V" + f(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>";
    }

    private static String text(double x, double y, String s, double size, String weight, String colour, String anchor) {
        return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" font-family=\"" + FONT + "\" font-size=\"" + f(size) + "\" font-weight=\""
                + weight + "\" fill=\"" + colour + "\" text-anchor=\"" + anchor + "\">" + Text.html(s) + "</text>";
    }
}
