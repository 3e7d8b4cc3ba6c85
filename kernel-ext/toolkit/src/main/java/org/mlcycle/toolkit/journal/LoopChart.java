package org.mlcycle.toolkit.journal;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mlcycle.toolkit.i18n.Fonts;

/**
 * Draws a {@link StagePath} as the cycle it is: the six stages on a circle, clockwise from
 * scoping at the top, and each move as a numbered arrow between them. Moves forward round the
 * cycle are blue, moves back to an earlier stage red; a pair of stages crossed again gets its
 * arrow shifted further inside, so repeated loops stay visible. Pivots are listed underneath.
 */
final class LoopChart {
    private static final Color FORWARD = new Color(0x3A, 0x6E, 0xA5);
    private static final Color BACK = new Color(0xC0, 0x39, 0x2B);
    private static final double RADIUS = 1.0;

    private LoopChart() {}

    static XYChart draw(StagePath path, int size) {
        XYChart chart = new XYChartBuilder()
                .width(size)
                .height(size)
                .title(path.title())
                .build();
        var styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setAxisTicksVisible(false);
        styler.setAxisTitlesVisible(false);
        styler.setPlotGridLinesVisible(false);
        styler.setPlotBorderVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setXAxisMin(-1.6).setXAxisMax(1.6).setYAxisMin(-1.6).setYAxisMax(1.6);
        styler.setAnnotationTextFontColor(Color.DARK_GRAY);

        double[] xs = new double[Stage.values().length];
        double[] ys = new double[Stage.values().length];
        for (Stage stage : Stage.values()) {
            xs[stage.ordinal()] = x(stage, RADIUS);
            ys[stage.ordinal()] = y(stage, RADIUS);
        }
        XYSeries nodes = chart.addSeries("stages", xs, ys);
        nodes.setMarker(SeriesMarkers.CIRCLE);
        nodes.setMarkerColor(new Color(0x55, 0x55, 0x55));
        nodes.setLineStyle(SeriesLines.NONE);

        Map<Stage, Integer> visits = path.visits();
        Map<Stage, java.time.Duration> time = path.timePerStage();
        for (Stage stage : Stage.values()) {
            String label = stage.number() + " " + stage.title() + " (" + visits.getOrDefault(stage, 0) + "×, "
                    + StagePath.human(time.getOrDefault(stage, java.time.Duration.ZERO)) + ")";
            chart.addAnnotation(new AnnotationText(label, x(stage, 1.3), y(stage, 1.3), false));
        }

        List<StageMove> moves = path.moves();
        Map<String, Integer> crossings = new HashMap<>();
        for (int i = 1; i < moves.size(); i++) {
            Stage from = moves.get(i - 1).stage();
            Stage to = moves.get(i).stage();
            String pair = Math.min(from.ordinal(), to.ordinal()) + "-" + Math.max(from.ordinal(), to.ordinal());
            int seen = crossings.merge(pair, 1, Integer::sum) - 1;
            arrow(chart, i, from, to, seen);
        }

        if (!path.pivots().isEmpty()) {
            StringBuilder pivots = new StringBuilder();
            for (int p = 0; p < path.pivots().size(); p++) {
                Objective o = path.pivots().get(p);
                int after = path.pivotAfter().get(p);
                String where = after == 0
                        ? "before the first stage"
                        : "in " + moves.get(after - 1).stage().label()
                                + (after < moves.size() ? ", before arrow " + after : ", after the last arrow");
                pivots.append(p == 0 ? "" : "; ")
                        .append("pivot ")
                        .append(where)
                        .append(": ")
                        .append(o.previousMetric())
                        .append(" → ")
                        .append(o.metric());
            }
            chart.addAnnotation(new AnnotationText(pivots.toString(), 0, -1.5, false));
        }
        // the stage names are in the learner's language: fonts that can draw them
        Fonts.fit(chart, Arrays.stream(Stage.values()).map(Stage::title).collect(Collectors.joining()));
        return chart;
    }

    /**
     * Move number {@code n} from one stage to the next: a shaft and a head. The k-th crossing of
     * the same pair of stages is shifted k steps towards the centre, so repeats lie side by side.
     */
    private static void arrow(XYChart chart, int n, Stage from, Stage to, int repeat) {
        boolean back = to.ordinal() < from.ordinal();
        double x1 = x(from, RADIUS);
        double y1 = y(from, RADIUS);
        double x2 = x(to, RADIUS);
        double y2 = y(to, RADIUS);
        if (from == to) {
            // a move into the stage the work is already in: a short stroke pointing at it
            x1 = x(from, RADIUS - 0.35);
            y1 = y(from, RADIUS - 0.35);
        }
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        // the normal of the chord that points towards the centre of the circle
        double nx = -uy;
        double ny = ux;
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        if (nx * -mx + ny * -my < 0) {
            nx = -nx;
            ny = -ny;
        }
        double shift = 0.08 * repeat;
        double trim = Math.min(0.12, len / 4);
        double sx = x1 + ux * trim + nx * shift;
        double sy = y1 + uy * trim + ny * shift;
        double tx = x2 - ux * trim + nx * shift;
        double ty = y2 - uy * trim + ny * shift;
        double head = 0.06;
        double lx = tx - head * (ux * 0.87 - uy * 0.5);
        double ly = ty - head * (uy * 0.87 + ux * 0.5);
        double rx = tx - head * (ux * 0.87 + uy * 0.5);
        double ry = ty - head * (uy * 0.87 - ux * 0.5);
        XYSeries s = chart.addSeries("move " + n, new double[] {sx, tx, lx, tx, rx}, new double[] {sy, ty, ly, ty, ry});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.SOLID);
        s.setLineColor(back ? BACK : FORWARD);
        double label = 0.045;
        chart.addAnnotation(new AnnotationText(
                Integer.toString(n),
                (sx + tx) / 2 + nx * label + ux * 0.05 * (repeat % 3),
                (sy + ty) / 2 + ny * label + uy * 0.05 * (repeat % 3),
                false));
    }

    private static double angle(Stage stage) {
        return Math.toRadians(90 - 60 * stage.ordinal());
    }

    private static double x(Stage stage, double radius) {
        return radius * Math.cos(angle(stage));
    }

    private static double y(Stage stage, double radius) {
        return radius * Math.sin(angle(stage));
    }
}
