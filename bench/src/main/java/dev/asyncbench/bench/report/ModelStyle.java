package dev.asyncbench.bench.report;

import dev.asyncbench.core.Models;

import java.util.List;
import java.util.Locale;

/**
 * How a model looks in every chart: a colour (Okabe-Ito's palette, distinguishable with the
 * common colour-vision deficiencies), a marker and a dash pattern, so series stay apart in
 * grey print too. Each model gets the style of its place in the models' order, so a new model
 * needs nothing here.
 *
 * @param colour CSS colour
 * @param marker the marker's shape
 * @param dash   SVG stroke-dasharray, empty for a solid line
 */
record ModelStyle(String colour, Marker marker, String dash) {

    enum Marker { CIRCLE, SQUARE, TRIANGLE, TRIANGLE_DOWN, DIAMOND, CROSS, PLUS }

    /** The ideal line: black, dashed, no marker. */
    static final ModelStyle IDEAL = new ModelStyle("#222222", null, "5 4");

    /** In the models' own order: today sequential, threads, threads-per-task, futures, rx, reactor, virtual-threads, coroutines, then spares. */
    private static final List<ModelStyle> STYLES = List.of(
            new ModelStyle("#7a7a7a", Marker.SQUARE, "2 3"),
            new ModelStyle("#E69F00", Marker.TRIANGLE, ""),
            new ModelStyle("#D55E00", Marker.TRIANGLE_DOWN, "7 3"),
            new ModelStyle("#0072B2", Marker.CIRCLE, ""),
            new ModelStyle("#CC79A7", Marker.DIAMOND, "9 3 2 3"),
            new ModelStyle("#009E73", Marker.CROSS, ""),
            new ModelStyle("#6A3D9A", Marker.PLUS, "4 2"),
            new ModelStyle("#56B4E9", Marker.CIRCLE, "1 3"),
            new ModelStyle("#8C564B", Marker.SQUARE, "6 2 1 2"),
            new ModelStyle("#B8A000", Marker.DIAMOND, "3 3"));

    /** The style of the model at its place in the models' own order ({@link Models#position}; asyncio after them); one no model has, by its name. */
    static ModelStyle of(String model) {
        int i = Models.position(model);
        if (i < 0 && model.equals(dev.asyncbench.bench.run.AsyncioRow.NAME)) i = Models.names().size();   // after every JVM model
        return STYLES.get(i >= 0 ? i % STYLES.size() : Math.floorMod(model.hashCode(), STYLES.size()));
    }

    /** SVG for this marker centred at (x, y), filled with the colour, with a white rim. */
    String markerSvg(double x, double y) {
        String c = colour;
        return switch (marker) {
            case CIRCLE -> "<circle cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"4.2\" fill=\"" + c + "\" stroke=\"#fff\" stroke-width=\"1\"/>";
            case SQUARE -> "<rect x=\"" + f(x - 3.8) + "\" y=\"" + f(y - 3.8) + "\" width=\"7.6\" height=\"7.6\" fill=\"" + c + "\" stroke=\"#fff\" stroke-width=\"1\"/>";
            case TRIANGLE -> polygon(c, x, y - 5, x + 5, y + 4, x - 5, y + 4);
            case TRIANGLE_DOWN -> polygon(c, x, y + 5, x + 5, y - 4, x - 5, y - 4);
            case DIAMOND -> polygon(c, x, y - 5.5, x + 4.5, y, x, y + 5.5, x - 4.5, y);
            case CROSS -> "<path d=\"M" + f(x - 4) + " " + f(y - 4) + "L" + f(x + 4) + " " + f(y + 4) + "M" + f(x - 4) + " " + f(y + 4)
                    + "L" + f(x + 4) + " " + f(y - 4) + "\" stroke=\"" + c + "\" stroke-width=\"2.6\" stroke-linecap=\"round\" fill=\"none\"/>";
            case PLUS -> "<path d=\"M" + f(x - 5) + " " + f(y) + "L" + f(x + 5) + " " + f(y) + "M" + f(x) + " " + f(y - 5)
                    + "L" + f(x) + " " + f(y + 5) + "\" stroke=\"" + c + "\" stroke-width=\"2.6\" stroke-linecap=\"round\" fill=\"none\"/>";
        };
    }

    private static String polygon(String colour, double... xy) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) p.append(i == 0 ? "" : " ").append(f(xy[i])).append(',').append(f(xy[i + 1]));
        return "<polygon points=\"" + p + "\" fill=\"" + colour + "\" stroke=\"#fff\" stroke-width=\"1\"/>";
    }

    /** An SVG coordinate: one decimal is finer than a pixel. */
    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
