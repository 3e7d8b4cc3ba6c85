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
import org.mlcycle.toolkit.report.Rendered;
import org.mlcycle.toolkit.support.Require;

/**
 * A lift table: rows ranked by score, highest first, cut into equal buckets (deciles by default);
 * per bucket the positive rate and its lift over the base rate, and cumulatively the share of all
 * positives captured so far (the gains curve). Bucket sizes differ by at most one row.
 *
 * <p>Rows with tied scores have no order among them, so a tie group that straddles a bucket edge
 * gives each bucket its positives in proportion to the rows it places there (the expected count
 * under a random order of the ties). Positive counts can therefore be fractional, and a model that
 * gives every row the same score has lift 1 in every bucket, whatever the row order.
 *
 * @param model the name the model is shown under
 * @param buckets the buckets, top scores first
 * @param n rows ranked
 * @param positives rows whose actual class is positive
 */
public record LiftTable(String model, List<Bucket> buckets, long n, long positives) implements Rendered {

    /**
     * One bucket (1 = the top scores).
     *
     * @param rowShare share of all rows in this bucket and those above it
     * @param gain share of all positives in this bucket and those above it
     * @param cumulativeLift gain / rowShare
     */
    public record Bucket(
            int bucket,
            long rows,
            double positives,
            double rate,
            double lift,
            double rowShare,
            double gain,
            double cumulativeLift) {}

    public LiftTable {
        buckets = List.copyOf(buckets);
    }

    /** Ranks the rows by {@code score} and cuts them into {@code buckets} equal buckets. */
    public static LiftTable of(String model, boolean[] actual, double[] score, int buckets) {
        String who = "lift";
        Checks.sameLength(who, "actual", actual.length, "score", score.length);
        Checks.finite(who, score);
        Require.that(buckets >= 1, who, "buckets must be at least 1, got %d", buckets);
        int n = actual.length;
        Require.that(n >= buckets, who, "%d buckets need at least %d rows, got %d", buckets, buckets, n);
        double[] pos = new double[buckets];
        long[] done = new long[3]; // rows ranked so far, positives among them, current bucket
        long positives = Ranking.sweep(actual, score, (threshold, tp, fp) -> {
            long start = done[0], end = tp + fp;
            double groupPositives = tp - done[1];
            int b = (int) done[2];
            while (edge(b + 1, n, buckets) <= start) b++;
            for (int k = b; k < buckets && edge(k, n, buckets) < end; k++) {
                long overlap = Math.min(end, edge(k + 1, n, buckets)) - Math.max(start, edge(k, n, buckets));
                pos[k] += groupPositives * overlap / (end - start);
            }
            done[0] = end;
            done[1] = tp;
            done[2] = b;
        });
        double baseRate = (double) positives / n;
        List<Bucket> out = new ArrayList<>();
        double captured = 0;
        for (int k = 0; k < buckets; k++) {
            long rows = edge(k + 1, n, buckets) - edge(k, n, buckets);
            captured += pos[k];
            double rate = pos[k] / rows;
            double rowShare = (double) edge(k + 1, n, buckets) / n;
            double gain = Confusion.ratio(captured, positives);
            out.add(new Bucket(
                    k + 1, rows, pos[k], rate, Confusion.ratio(rate, baseRate), rowShare, gain, gain / rowShare));
        }
        return new LiftTable(model, out, n, positives);
    }

    /** The first rank of bucket {@code k} (0-based); bucket k holds ranks [edge(k), edge(k + 1)). */
    private static long edge(int k, int n, int buckets) {
        return (long) k * n / buckets;
    }

    /** Share of rows that are positive: every bucket's rate when scores carry no information. */
    public double baseRate() {
        return Confusion.ratio(positives, n);
    }

    /** The cumulative gains curve of this model with the random-order diagonal. */
    public XYChart chart() {
        return ModelCharts.gains(List.of(this));
    }

    public String verdict() {
        return verdict("en");
    }

    /** The verdict in {@code language}: English for the text, the learner's for HTML. */
    String verdict(String language) {
        return Messages.in(language, "report.lift.headline", model, finding(language));
    }

    /** What the top bucket shows, without the model's name. */
    String finding() {
        return finding("en");
    }

    /** What the top bucket shows, in {@code language}. */
    String finding(String language) {
        if (positives == 0) {
            return Messages.in(language, "report.lift.noPositives", n);
        }
        Bucket top = buckets.get(0);
        return Messages.in(
                language,
                "report.lift.finding",
                percent(top.rowShare()),
                percent(top.gain()),
                top.lift(),
                Checks.fmt(baseRate()));
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static final List<String> HEAD = List.of(
            "bucket", "rows", "positives", "rate", "lift", "rows so far", "positives so far", "cumulative lift");

    /** {@link #HEAD} in the learner's language. */
    static List<String> headers() {
        return Html.headers(
                "report.lift.",
                "bucket",
                "rows",
                "positives",
                "rate",
                "lift",
                "rowsSoFar",
                "positivesSoFar",
                "cumulativeLift");
    }

    List<List<?>> rows() {
        List<List<?>> rows = new ArrayList<>();
        for (Bucket b : buckets) {
            rows.add(List.of(
                    b.bucket(),
                    b.rows(),
                    String.format(Locale.ROOT, "%.1f", b.positives()),
                    Checks.fmt(b.rate()),
                    fmt2(b.lift()),
                    percent(b.rowShare()),
                    percent(b.gain()),
                    fmt2(b.cumulativeLift())));
        }
        return rows;
    }

    private static String fmt2(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public String toText() {
        StringBuilder s = new StringBuilder(verdict());
        String line = "%n  %6s %8s %9s %7s %6s %11s %16s %15s";
        s.append(String.format(Locale.ROOT, line, HEAD.toArray()));
        for (List<?> r : rows()) s.append(String.format(Locale.ROOT, line, r.toArray()));
        return s.toString();
    }

    @Override
    public String toHtml() {
        return Html.translatedReport(verdict(Messages.language()), Charts.img(chart()), Html.table(headers(), rows()));
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", model);
        r.put("n", n);
        r.put("positives", positives);
        r.put("base_rate", baseRate());
        List<Map<String, Object>> bs = new ArrayList<>();
        for (Bucket b : buckets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("bucket", b.bucket());
            m.put("rows", b.rows());
            m.put("positives", b.positives());
            m.put("rate", b.rate());
            m.put("lift", b.lift());
            m.put("row_share", b.rowShare());
            m.put("gain", b.gain());
            m.put("cumulative_lift", b.cumulativeLift());
            bs.add(m);
        }
        r.put("buckets", bs);
        return r;
    }

    @Override
    public String toString() {
        return verdict();
    }
}
