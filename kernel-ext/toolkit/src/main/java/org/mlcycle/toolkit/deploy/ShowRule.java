package org.mlcycle.toolkit.deploy;

import com.google.errorprone.annotations.CheckReturnValue;
import org.mlcycle.toolkit.bridge.Features;
import org.mlcycle.toolkit.metrics.AdMetrics;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How a model's scores become decisions and business numbers: show the ad when the probability of
 * the {@code positive} class is at least {@code threshold}; when the traffic logs what users did
 * ({@code clickedColumn}, the positive class or true meaning a click), count clicks on shown ads and
 * revenue at {@code costColumn}'s price per click (or a flat {@code costPerClick}).
 *
 * @param threshold show when the probability reaches this
 * @param positive the class whose probability is used
 * @param clickedColumn the traffic column that says whether the user clicked, or null when none
 * @param costColumn the traffic column with each ad's price per click, or null for the flat price
 * @param costPerClick the flat price per click
 */
@CheckReturnValue
public record ShowRule(
        double threshold, String positive, String clickedColumn, String costColumn, double costPerClick) {

    public ShowRule {
        Require.that(
                threshold >= 0 && threshold <= 1, "show rule", "the threshold must be in [0, 1], got %s", threshold);
        Require.that(positive != null && !positive.isBlank(), "show rule", "the positive class is empty");
        Require.that(
                costPerClick >= 0 && Double.isFinite(costPerClick),
                "show rule",
                "the cost per click must be a number >= 0, got %s",
                costPerClick);
    }

    /** Threshold 0.5 on class "1"; no click log; 1.0 per click. */
    public static ShowRule defaults() {
        return new ShowRule(0.5, "1", null, null, 1.0);
    }

    public ShowRule withThreshold(double threshold) {
        return new ShowRule(threshold, positive, clickedColumn, costColumn, costPerClick);
    }

    public ShowRule withPositive(String positive) {
        return new ShowRule(threshold, positive, clickedColumn, costColumn, costPerClick);
    }

    /** Counts clicks from {@code column}, priced by {@code costColumn} (null: the flat price). */
    public ShowRule withClicks(String column, String costColumn) {
        return new ShowRule(threshold, positive, column, costColumn, costPerClick);
    }

    public ShowRule withCostPerClick(double costPerClick) {
        return new ShowRule(threshold, positive, clickedColumn, costColumn, costPerClick);
    }

    /** The name of the probability column scoring adds: {@code p_<positive>}. */
    public String probabilityColumn() {
        return Features.PROBABILITY_PREFIX + positive;
    }

    /** The positive class's probability from a scored table. */
    public double[] probabilities(Table scored, String who) {
        Require.that(
                scored.containsColumn(probabilityColumn()),
                who,
                "the model gives no probability for class '%s' (columns: %s)",
                positive,
                scored.columnNames());
        return scored.doubleColumn(probabilityColumn()).asDoubleArray();
    }

    public boolean[] shows(double[] probability) {
        boolean[] out = new boolean[probability.length];
        for (int i = 0; i < out.length; i++) out[i] = probability[i] >= threshold;
        return out;
    }

    /** Impressions, clicks, CTR and revenue of showing {@code shown} on {@code rows} of {@code traffic}; null without a click log. */
    public AdMetrics business(Table traffic, int[] rows, boolean[] shown, String who) {
        if (clickedColumn == null) {
            return null;
        }
        Column<?> clicked = Require.column(traffic, clickedColumn, who);
        NumericColumn<?> cost = null;
        if (costColumn != null) {
            Column<?> c = Require.column(traffic, costColumn, who);
            Require.that(
                    c instanceof NumericColumn<?>,
                    who,
                    "cost column '%s' is %s, not numeric",
                    costColumn,
                    c.type().name());
            cost = (NumericColumn<?>) c;
        }
        long impressions = 0, clicks = 0;
        double revenue = 0;
        for (int k = 0; k < rows.length; k++) {
            if (!shown[k]) continue;
            impressions++;
            int r = rows[k];
            if (clicked(clicked, r)) {
                clicks++;
                revenue += cost == null ? costPerClick : cost.getDouble(r);
            }
        }
        // AdMetrics prices every click alike: the mean price of the clicks keeps the revenue exact
        return new AdMetrics(rows.length, impressions, clicks, clicks == 0 ? costPerClick : revenue / clicks);
    }

    private boolean clicked(Column<?> c, int row) {
        if (c.isMissing(row)) return false;
        String v = c.getString(row);
        return v.equals(positive) || v.equalsIgnoreCase("true") || v.equals("1");
    }
}
