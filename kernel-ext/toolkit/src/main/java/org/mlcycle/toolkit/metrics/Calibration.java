package org.mlcycle.toolkit.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.mlcycle.toolkit.charts.Charts;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Numbers;
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

    /**
     * Equal-mass bins: the rows sorted by prediction and cut into {@code binCount} bins of (nearly)
     * the same number of rows, each bin's range running from its lowest to its highest prediction.
     * Under heavy imbalance equal-width bins put almost every row in the first bin, and their ECE
     * reduces to |mean prediction - base rate|; equal-mass bins compare prediction and outcome where
     * the rows are, so they show whether the model ranks *and* scales well.
     */
    public static Calibration equalMass(boolean[] actual, double[] probability, int binCount) {
        Checks.sameLength("calibration", "actual", actual.length, "probability", probability.length);
        Checks.probabilities("calibration", probability);
        if (binCount < 1) {
            throw new IllegalArgumentException("calibration: bins must be at least 1, got " + binCount);
        }
        Integer[] order = new Integer[actual.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(probability[a], probability[b]));
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        int n = actual.length;
        for (int b = 0; b < binCount; b++) {
            int from = (int) ((long) n * b / binCount), to = (int) ((long) n * (b + 1) / binCount);
            if (to <= from) continue;
            double sumP = 0;
            long pos = 0;
            for (int k = from; k < to; k++) {
                sumP += probability[order[k]];
                pos += actual[order[k]] ? 1 : 0;
            }
            long count = to - from;
            double mean = sumP / count, obs = pos / (double) count;
            bins.add(new Bin(probability[order[from]], probability[order[to - 1]], count, mean, obs));
            ece += (double) count / n * Math.abs(mean - obs);
        }
        return new Calibration(bins, n == 0 ? Double.NaN : ece, n);
    }

    /** "0.10 - 0.20" for equal-width bins; three significant digits when a range is narrower. */
    static String range(Bin b) {
        boolean grid = Math.abs(b.low * 100 - Math.rint(b.low * 100)) < 1e-9
                && Math.abs(b.high * 100 - Math.rint(b.high * 100)) < 1e-9;
        return grid
                ? String.format(Locale.ROOT, "%.2f - %.2f", b.low, b.high)
                : String.format(Locale.ROOT, "%.3g - %.3g", b.low, b.high);
    }

    /** The number of inner edges strictly below p: edges belong to the lower bin. */
    static int bin(double p, int binCount) {
        int b = (int) Math.ceil(p * binCount) - 1;
        // guard the float rounding of p * binCount near an edge
        while (b > 0 && p <= (double) b / binCount) b--;
        while (b < binCount - 1 && p > (double) (b + 1) / binCount) b++;
        return Math.max(0, Math.min(binCount - 1, b));
    }

    /** Rates near 1e-4 would all read 0.0000 at four decimals: format each column as pandas does. */
    private List<String> predictedColumn() {
        return Numbers.column(bins.stream().mapToDouble(b -> b.meanPredicted).toArray(), Numbers.PRECISION);
    }

    private List<String> observedColumn() {
        return Numbers.column(bins.stream().mapToDouble(b -> b.observed).toArray(), Numbers.PRECISION);
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "calibration: expected calibration error %s over %d rows, %d bins%n",
                Numbers.brief(expectedCalibrationError),
                n,
                bins.size()));
        s.append(String.format(Locale.ROOT, "  %-13s %9s %10s %9s%n", "bin", "rows", "predicted", "observed"));
        List<String> predicted = predictedColumn(), observed = observedColumn();
        for (int i = 0; i < bins.size(); i++) {
            Bin b = bins.get(i);
            s.append(String.format(
                    Locale.ROOT, "  %-13s %9d %10s %9s%n", range(b), b.count, predicted.get(i), observed.get(i)));
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
        List<String> predicted = predictedColumn(), observed = observedColumn();
        for (int i = 0; i < bins.size(); i++) {
            rows.add(List.of(range(bins.get(i)), bins.get(i).count, predicted.get(i), observed.get(i)));
        }
        return Html.translatedReport(
                Messages.get("report.calibration.headline", Numbers.brief(expectedCalibrationError), n),
                Charts.img(chart()),
                Html.table(Html.headers("report.calibration.", "bin", "rows", "predicted", "observed"), rows));
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
