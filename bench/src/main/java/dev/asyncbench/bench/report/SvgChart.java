package dev.asyncbench.bench.report;

import java.util.ArrayList;
import java.util.List;

import static dev.asyncbench.bench.report.Svg.AXIS;
import static dev.asyncbench.bench.report.Svg.GRID;
import static dev.asyncbench.bench.report.Svg.INK;
import static dev.asyncbench.bench.report.Svg.MINOR;
import static dev.asyncbench.bench.report.Svg.MUTED;
import static dev.asyncbench.bench.report.Svg.n;

/**
 * A value against size, one series per model and the ideal dashed: standalone SVG drawn as
 * text, the same markup inlined in index.html and written as a file next to report.md
 * ({@link Svg}). The x axis is logarithmic, the y axis logarithmic or linear. A series is a
 * line through its points only when the points differ in nothing but x; otherwise they stand
 * alone. Every point carries a {@code <title>} with its exact figures, shown on hover. A
 * single size is drawn by {@link SvgBars}.
 */
final class SvgChart {
    private SvgChart() {
    }

    /** One measured value: y at x, with the half-width of its interval (NaN: none); y NaN: not measured. */
    record Point(double x, double y, double err, String tip) {
        boolean shown() {
            return !Double.isNaN(y) && Double.isFinite(y) && y > 0;
        }
    }

    /** A model's values in the order of the chart's x values; its legend says why when it has none. */
    record Series(String name, ModelStyle style, List<Point> points, String absent) {
        boolean empty() {
            return points.stream().noneMatch(Point::shown);
        }
    }

    /**
     * How a chart reads.
     *
     * @param key     identifies the chart (data-chart attribute)
     * @param compact the narrower size, for charts beside the main one
     * @param joined  whether a series' points are joined by a line: only when they share every input but x
     * @param linear  a linear y axis from zero (efficiency) instead of a logarithmic one
     */
    record Plot(String key, String title, String xTitle, String yTitle, Axis.Labels yLabels, boolean compact, boolean joined, boolean linear) {
    }

    /**
     * The chart of {@code series} over {@code xs} (ascending; one point per x in each series),
     * with the ideal under them (may be null or empty: no ideal for this value).
     */
    static String lines(Plot plot, List<Double> xs, List<Series> series, Series ideal) {
        boolean hasIdeal = ideal != null && !ideal.empty();
        int legendRows = series.size() + (hasIdeal ? 1 : 0);
        long absent = series.stream().filter(Series::empty).count();
        double width = plot.compact() ? 500 : 780, left = plot.compact() ? 70 : 80, right = plot.compact() ? 168 : 190, top = 44, bottom = 58;
        double height = Math.max(plot.compact() ? 290 : 360, top + bottom + legendRows * 22 + absent * 12 + 20);
        Frame fr = new Frame(left, top, width - left - right, height - top - bottom, 12);

        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<Series> all = new ArrayList<>(series);
        if (ideal != null) all.add(ideal);
        for (Series s : all) for (Point p : s.points()) if (p.shown()) { lo = Math.min(lo, p.y()); hi = Math.max(hi, p.y()); }
        boolean noData = lo == Double.POSITIVE_INFINITY;
        if (noData) { lo = 1; hi = 10; }
        Axis x = Axis.log(xs.getFirst(), xs.getLast());
        Axis y = plot.linear() ? Axis.linear(hi) : Axis.log(lo, hi);

        StringBuilder svg = Svg.open(plot.key(), "lines", width, height, plot.title());
        Svg.Lines minor = new Svg.Lines(), grid = new Svg.Lines();
        for (double v : y.minor()) minor.h(fr.left, fr.left + fr.w, fr.y(y, v));
        for (double v : y.ticks()) grid.h(fr.left, fr.left + fr.w, fr.y(y, v));
        for (double v : x.ticks()) grid.v(fr.x(x, v), fr.top, fr.top + fr.h);
        svg.append(minor.draw("minor", MINOR)).append(grid.draw("grid", GRID));
        svg.append(Svg.group("muted", 11.5, "400", MUTED, "end"));
        for (double v : y.ticks()) Svg.text(svg, fr.left - 8, fr.y(y, v) + 4, plot.yLabels().format(v));
        svg.append("</g>").append(Svg.group("muted", 11.5, "400", MUTED, "middle"));
        for (double v : x.ticks()) Svg.text(svg, fr.x(x, v), fr.top + fr.h + 18, Axis.Labels.SHORT.format(v));
        svg.append("</g>");
        svg.append("<rect class=\"frame\" x=\"").append(n(fr.left)).append("\" y=\"").append(n(fr.top)).append("\" width=\"").append(n(fr.w))
                .append("\" height=\"").append(n(fr.h)).append("\" fill=\"none\" stroke=\"").append(AXIS).append("\" stroke-width=\"1\"/>");
        svg.append(Svg.group("ink", 12.5, "600", INK, "middle"));
        Svg.text(svg, fr.left + fr.w / 2, height - 14, plot.xTitle());
        if (noData) Svg.text(svg, fr.left + fr.w / 2, fr.top + fr.h / 2, "nothing measured");
        svg.append("</g>").append(Svg.verticalTitle(22, fr.top + fr.h / 2, plot.yTitle()));

        // the ideal under the models
        if (hasIdeal) {
            svg.append("<g class=\"series ideal\" data-series=\"ideal\">");
            if (plot.joined()) svg.append(path(ideal, x, y, fr, 0, 1.6));
            else for (Point p : ideal.points()) if (p.shown()) svg.append(tick(fr.x(x, p.x()), fr.y(y, p.y()), ideal.style(), p.tip()));
            svg.append("</g>");
        }
        int n = series.size();
        for (int i = 0; i < n; i++) {
            Series s = series.get(i);
            double dodge = (i - (n - 1) / 2.0) * 2.2;
            long count = s.points().stream().filter(Point::shown).count();
            // error bars take their width and fill from here; markers set their own
            svg.append("<g class=\"series\" data-series=\"").append(Text.html(s.name())).append("\" data-points=\"").append(count)
                    .append("\" fill=\"none\" stroke-width=\"1.2\">");
            if (plot.joined()) svg.append(path(s, x, y, fr, dodge, 2.2));
            for (Point p : s.points()) {
                if (!p.shown()) continue;
                double px = fr.x(x, p.x()) + dodge, py = fr.y(y, p.y());
                svg.append("<g><title>").append(Text.html(p.tip())).append("</title>");
                if (p.err() > 0 && Double.isFinite(p.err())) {
                    double low = p.y() - p.err();
                    double y1 = low > 0 || plot.linear() ? Math.min(fr.y(y, Math.max(low, y.min())), fr.top + fr.h) : fr.top + fr.h;
                    double y2 = Math.max(fr.y(y, p.y() + p.err()), fr.top);
                    svg.append("<path d=\"M").append(n(px)).append(' ').append(n(y1)).append('V').append(n(y2))
                            .append('M').append(n(px - 3)).append(' ').append(n(y1)).append("h6M").append(n(px - 3)).append(' ').append(n(y2))
                            .append("h6\" stroke=\"").append(s.style().colour()).append("\" stroke-opacity=\"0.55\"/>");
                }
                svg.append(Svg.marker(s.style(), px, py)).append("</g>");
            }
            svg.append("</g>");
        }

        double lx = fr.left + fr.w + 18, ly = fr.top + 8;
        svg.append(Svg.LEGENDS);
        if (hasIdeal) {
            svg.append(Svg.legend(lx, ly, ideal.name(), ideal.style(), true, false, ""));
            ly += 22;
        }
        for (Series s : series) {
            svg.append(Svg.legend(lx, ly, s.name(), s.style(), plot.joined(), true, s.empty() ? s.absent() : ""));
            ly += s.empty() ? 34 : 22;
        }
        return svg.append("</g></svg>").toString();
    }

    /** The plotting area: where a value falls on it, {@code pad} inside its edges. */
    private record Frame(double left, double top, double w, double h, double pad) {
        double x(Axis a, double v) {
            return left + pad + a.fraction(v) * (w - 2 * pad);
        }

        double y(Axis a, double v) {
            return top + h - pad - a.fraction(v) * (h - 2 * pad);
        }
    }

    private static String path(Series s, Axis x, Axis y, Frame fr, double dodge, double strokeWidth) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (Point p : s.points()) {
            if (!p.shown()) { pen = false; continue; }
            d.append(pen ? 'L' : 'M').append(n(fr.x(x, p.x()) + dodge)).append(' ').append(n(fr.y(y, p.y())));
            pen = true;
        }
        if (d.isEmpty()) return "";
        return "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + s.style().colour() + "\" stroke-width=\"" + strokeWidth
                + "\" stroke-linejoin=\"round\" stroke-linecap=\"round\"" + (s.style().dash().isEmpty() ? "" : " stroke-dasharray=\"" + s.style().dash() + "\"") + "/>";
    }

    /** The ideal at one point that stands alone: a short dashed level with its figure on hover. */
    private static String tick(double px, double py, ModelStyle style, String tip) {
        return "<g><title>" + Text.html(tip) + "</title><path d=\"M" + n(px - 10) + " " + n(py) + "h20\" stroke=\"" + style.colour()
                + "\" stroke-width=\"1.6\" stroke-dasharray=\"4 2\"/></g>";
    }
}
