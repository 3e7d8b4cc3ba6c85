package org.mlcycle.toolkit.metrics;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Numbers;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A statistic with its confidence interval, from {@link Bootstrap}: the estimate on the rows as
 * they are, and the {@code level} percentile interval of the same statistic over {@code resamples}
 * resamples of the rows (seeded, so a rerun gives the same interval). {@code positives} is how
 * many positive rows the estimate rests on (-1 when the statistic has no positive class); below
 * {@link #MIN_POSITIVES} the report says the evidence is too thin to conclude from.
 */
@CheckReturnValue
public record Interval(
        String name,
        double estimate,
        double low,
        double high,
        double level,
        int resamples,
        long seed,
        long rows,
        long positives)
        implements Rendered {
    /** Fewer positives than this make any conclusion about a rare class a guess. */
    public static final int MIN_POSITIVES = 30;

    /** True when the interval lies wholly above or below {@code value} (for a difference: 0). */
    public boolean excludes(double value) {
        return low > value || high < value;
    }

    /** True when the estimate rests on at least {@link #MIN_POSITIVES} positives (or has no positive class). */
    public boolean enoughPositives() {
        return positives < 0 || positives >= MIN_POSITIVES;
    }

    /** Half the interval's width: how far the truth may plausibly be from the estimate. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** "0.7290 [0.7012, 0.7561]". */
    public String brief() {
        return String.format(Locale.ROOT, "%s [%s, %s]", num(estimate), num(low), num(high));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : Numbers.brief(Math.abs(v) >= 1 || v == 0 ? round(v, 4) : sig(v));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.rint(v * f) / f;
    }

    private static double sig(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", v));
    }

    private String method() {
        String rowsText = String.format(Locale.ROOT, "%,d rows", rows)
                + (positives >= 0 ? String.format(Locale.ROOT, ", %,d positive", positives) : "");
        return String.format(
                Locale.ROOT,
                "%.0f%% bootstrap interval, %,d resamples of %s, seed %d",
                100 * level,
                resamples,
                rowsText,
                seed);
    }

    @Override
    public String toText() {
        String warn = enoughPositives()
                ? ""
                : String.format(Locale.ROOT, " (only %d positives: too few to conclude from)", positives);
        return name + ": " + brief() + " (" + method() + ")" + warn;
    }

    @Override
    public String toHtml() {
        String rowsText = Messages.get("report.interval.rows", rows)
                + (positives >= 0 ? Messages.get("report.interval.positives", positives) : "");
        String method = Messages.get("report.interval.method", 100 * level, resamples, rowsText, seed);
        String warn = enoughPositives() ? "" : Messages.get("report.interval.tooFew", positives);
        return Html.translatedReport(name + ": " + brief() + " (" + method + ")" + warn);
    }

    @Override
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("estimate", estimate);
        r.put("low", low);
        r.put("high", high);
        r.put("level", level);
        r.put("resamples", resamples);
        r.put("seed", seed);
        r.put("rows", rows);
        r.put("positives", positives);
        return r;
    }

    @Override
    public String toString() {
        return toText();
    }

    /** The same interval, resting on {@code positives} positive rows. */
    public Interval withPositives(long positives) {
        return new Interval(name, estimate, low, high, level, resamples, seed, rows, positives);
    }

    /** Several intervals as one report: a row per interval, with a chart of them as error bars. */
    public static Intervals of(String title, List<Interval> intervals) {
        return new Intervals(title, intervals);
    }
}
