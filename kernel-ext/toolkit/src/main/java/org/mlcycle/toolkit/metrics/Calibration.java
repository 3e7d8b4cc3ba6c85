package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A reliability table: predicted probabilities cut into equal-width bins on [0, 1], and in each bin
 * the mean prediction next to the observed share of positives. A probability on a bin edge belongs
 * to the lower bin, and 0 to the first (scikit-learn's {@code calibration_curve}, uniform strategy).
 * Expected calibration error is the row-weighted mean of |mean predicted - observed| over non-empty
 * bins. Under heavy imbalance most rows fall into the first bin; read its count before the curve.
 */
public record Calibration(List<Bin> bins, double expectedCalibrationError, int n) implements Rendered {

    /** One bin: its range, how many rows, their mean prediction and their observed positive share. */
    public record Bin(double low, double high, long count, double meanPredicted, double observed) {}

    public Calibration {
        bins = List.copyOf(bins);
    }

    /** Cuts {@code probability} into {@code binCount} equal-width bins and compares each with {@code actual}. */
    public static Calibration of(boolean[] actual, double[] probability, int binCount) {
        Checks.sameLength("calibration", "actual", actual.length, "probability", probability.length);
        Checks.probabilities("calibration", probability);
        if (binCount < 1) {
            throw new IllegalArgumentException("calibration: bins must be at least 1, got " + binCount);
        }
        long[] count = new long[binCount];
        double[] sumP = new double[binCount];
        long[] pos = new long[binCount];
        for (int i = 0; i < actual.length; i++) {
            int b = bin(probability[i], binCount);
            count[b]++;
            sumP[b] += probability[i];
            if (actual[i]) pos[b]++;
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double mean = Confusion.ratio(sumP[b], count[b]);
            double obs = Confusion.ratio(pos[b], count[b]);
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, count[b], mean, obs));
            if (count[b] > 0) ece += (double) count[b] / actual.length * Math.abs(mean - obs);
        }
        return new Calibration(bins, actual.length == 0 ? Double.NaN : ece, actual.length);
    }

    /** The number of inner edges strictly below p: edges belong to the lower bin. */
    static int bin(double p, int binCount) {
        int b = (int) Math.ceil(p * binCount) - 1;
        // guard the float rounding of p * binCount near an edge
        while (b > 0 && p <= (double) b / binCount) b--;
        while (b < binCount - 1 && p > (double) (b + 1) / binCount) b++;
        return Math.max(0, Math.min(binCount - 1, b));
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "calibration: expected calibration error %s over %d rows, %d bins%n",
                Checks.fmt(expectedCalibrationError),
                n,
                bins.size()));
        s.append(String.format(Locale.ROOT, "  %-13s %9s %10s %9s%n", "bin", "rows", "predicted", "observed"));
        for (Bin b : bins) {
            s.append(String.format(
                    Locale.ROOT,
                    "  %.2f - %.2f   %9d %10s %9s%n",
                    b.low,
                    b.high,
                    b.count,
                    Checks.fmt(b.meanPredicted),
                    Checks.fmt(b.observed)));
        }
        return s.toString().stripTrailing();
    }

    /** The reliability diagram: observed share against mean prediction per non-empty bin, with the diagonal. */
    public XYChart chart() {
        return ModelCharts.reliability(Map.of(Curves.MODEL, this));
    }

    @Override
    public String toHtml() {
        List<List<?>> rows = new ArrayList<>();
        for (Bin b : bins) {
            rows.add(List.of(
                    String.format(Locale.ROOT, "%.2f - %.2f", b.low, b.high),
                    b.count,
                    Checks.fmt(b.meanPredicted),
                    Checks.fmt(b.observed)));
        }
        return Html.report(
                String.format(Locale.ROOT, "calibration: ECE %s over %d rows", Checks.fmt(expectedCalibrationError), n),
                Charts.img(chart()),
                Html.table(List.of("bin", "rows", "mean predicted", "observed"), rows));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("n", n);
        r.put("ece", expectedCalibrationError);
        List<Map<String, Object>> bs = new ArrayList<>();
        for (Bin b : bins) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("low", b.low);
            m.put("high", b.high);
            m.put("count", b.count);
            m.put("mean_predicted", b.meanPredicted);
            m.put("observed", b.observed);
            bs.add(m);
        }
        r.put("bins", bs);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }
}
