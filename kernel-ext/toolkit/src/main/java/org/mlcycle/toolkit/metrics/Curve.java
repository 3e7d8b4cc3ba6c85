package org.mlcycle.toolkit.metrics;

import java.util.List;

/**
 * One model's curve: a point per distinct score used as the threshold, highest first, and the area
 * the curve stands for (ROC-AUC, or average precision for a precision-recall curve). No points and a
 * NaN area when the curve is undefined (one class only).
 *
 * @param model the name the model is shown under
 * @param points the curve from its high-threshold end; the first point has threshold +infinity
 * @param area ROC-AUC or average precision
 */
public record Curve(String model, List<Point> points, double area) {

    /** At {@code threshold} (predict positive when the score is at least this), the curve is at (x, y). */
    public record Point(double threshold, double x, double y) {}

    public Curve {
        points = List.copyOf(points);
    }

    /** Whether the curve exists (both classes were present where it needs them). */
    public boolean defined() {
        return !points.isEmpty();
    }
}
