package dev.asyncbench.bench.report;

import java.util.List;

import static dev.asyncbench.bench.report.Svg.ABSENT;
import static dev.asyncbench.bench.report.Svg.AXIS;
import static dev.asyncbench.bench.report.Svg.GRID;
import static dev.asyncbench.bench.report.Svg.INK;
import static dev.asyncbench.bench.report.Svg.MUTED;
import static dev.asyncbench.bench.report.Svg.n;

/**
 * A value at a single size: a horizontal bar per model (in the given order) on a linear axis
 * from zero, the ideal as a dashed vertical line; a model without a value shows why instead.
 * Each bar carries a {@code <title>} with its exact figures, shown on hover.
 */
final class SvgBars {
    private SvgBars() {
    }

    /** One bar; {@code missing} (e.g. "failed") replaces it when there is no value. */
    record Bar(String name, ModelStyle style, double value, double err, String missing, String tip) {
    }

    static String bars(String key, String title, String valueTitle, Axis.Labels labels, List<Bar> bars, double ideal, String idealLabel,
                       boolean compact) {
        double width = compact ? 500 : 780, left = compact ? 130 : 150, right = 90, top = 64, row = 28, bottom = 52;
        double height = top + bars.size() * row + bottom;
        double pw = width - left - right, ph = bars.size() * row;
        double hi = Double.isNaN(ideal) ? 0 : ideal;
        for (Bar b : bars) if (Double.isFinite(b.value())) hi = Math.max(hi, b.value());
        Axis a = Axis.linear(hi > 0 ? hi : 1);

        StringBuilder svg = Svg.open(key, "bars", width, height, title);
        Svg.Lines grid = new Svg.Lines();
        for (double v : a.ticks()) grid.v(left + a.fraction(v) * pw, top - 6, top + ph);
        svg.append(grid.draw("grid", GRID)).append(Svg.group("muted", 11.5, "400", MUTED, "middle"));
        for (double v : a.ticks()) Svg.text(svg, left + a.fraction(v) * pw, top + ph + 18, labels.format(v));
        svg.append("</g>").append(Svg.group("ink", 12.5, "600", INK, "middle"));
        Svg.text(svg, left + pw / 2, height - 12, valueTitle);
        svg.append("</g>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cy = top + i * row + row / 2;
            svg.append("<g class=\"series\" data-series=\"").append(Text.html(b.name())).append("\" data-points=\"")
                    .append(Double.isFinite(b.value()) ? 1 : 0).append("\"><title>").append(Text.html(b.tip())).append("</title>");
            svg.append(Svg.group("ink", 12.5, "500", INK, "end"));
            Svg.text(svg, left - 10, cy + 4, b.name());
            svg.append("</g>");
            if (Double.isFinite(b.value())) {
                double w = Math.max(1, a.fraction(b.value()) * pw);
                svg.append("<rect x=\"").append(n(left)).append("\" y=\"").append(n(cy - 8)).append("\" width=\"").append(n(w))
                        .append("\" height=\"16\" rx=\"2\" fill=\"").append(b.style().colour()).append("\" fill-opacity=\"0.85\"/>");
                double end = left + w;
                if (b.err() > 0 && Double.isFinite(b.err())) {
                    double e1 = left + Math.max(0, a.fraction(b.value() - b.err())) * pw;
                    double e2 = left + Math.min(1.08, a.fraction(b.value() + b.err())) * pw;
                    svg.append("<path class=\"err\" d=\"M").append(n(e1)).append(' ').append(n(cy)).append('H').append(n(e2))
                            .append('M').append(n(e1)).append(' ').append(n(cy - 4)).append("v8M").append(n(e2)).append(' ').append(n(cy - 4))
                            .append("v8\" stroke=\"").append(INK).append("\" stroke-opacity=\"0.6\" stroke-width=\"1.2\" fill=\"none\"/>");
                    end = Math.max(end, e2);
                }
                svg.append(Svg.group("muted", 11.5, "400", MUTED, "start"));
                Svg.text(svg, end + 6, cy + 4, labels.format(b.value()));
                svg.append("</g>");
            } else {
                svg.append("<text x=\"").append(n(left + 6)).append("\" y=\"").append(n(cy + 4))
                        .append("\" font-size=\"12\" font-style=\"italic\" fill=\"").append(ABSENT).append("\">").append(Text.html(b.missing())).append("</text>");
            }
            svg.append("</g>");
        }
        svg.append(new Svg.Lines().h(left, left + pw, top + ph).v(left, top - 6, top + ph).draw("frame", AXIS));
        if (!Double.isNaN(ideal) && ideal > 0) {
            double px = left + a.fraction(ideal) * pw;
            svg.append("<g class=\"series ideal\" data-series=\"ideal\"><path d=\"M").append(n(px)).append(' ').append(n(top - 10)).append('V')
                    .append(n(top + ph)).append("\" stroke=\"").append(ModelStyle.IDEAL.colour()).append("\" stroke-width=\"1.6\" stroke-dasharray=\"")
                    .append(ModelStyle.IDEAL.dash()).append("\"/>").append(Svg.group("ink", 11.5, "600", INK, "middle"));
            Svg.text(svg, px, top - 16, idealLabel);
            svg.append("</g></g>");
        }
        return svg.append("</svg>").toString();
    }
}
