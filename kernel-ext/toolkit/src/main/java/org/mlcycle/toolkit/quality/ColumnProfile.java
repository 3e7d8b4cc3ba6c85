package org.mlcycle.toolkit.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.stats.ValueCount;

/**
 * The profile of one column. Numbers are NaN where they do not apply (a text column has no mean; a
 * column with one value has no sample std). Missing cells are left out of every statistic but the
 * counts, so one missing value never blanks the mean (Tablesaw's {@code summary()} does).
 *
 * @param name the column
 * @param type Tablesaw's type name, e.g. DOUBLE or STRING
 * @param numeric whether the numeric statistics apply
 * @param count rows
 * @param missing missing cells
 * @param distinct distinct non-missing values
 * @param zeros cells equal to 0 (numeric only)
 * @param mean arithmetic mean
 * @param std sample standard deviation (n - 1)
 * @param min smallest value
 * @param max largest value
 * @param skewness adjusted Fisher-Pearson sample skewness (pandas' {@code skew})
 * @param quantiles type-7 quantiles at {@link Profile#QUANTILES}
 * @param edges histogram bin edges (bins + 1 values)
 * @param histogram counts per bin
 * @param top most frequent values with their counts, ties by value
 * @param imbalance 1 - entropy of the value shares in base k (k = distinct values); NaN when unknown
 */
public record ColumnProfile(
        String name,
        String type,
        boolean numeric,
        long count,
        long missing,
        long distinct,
        long zeros,
        double mean,
        double std,
        double min,
        double max,
        double skewness,
        List<Double> quantiles,
        List<Double> edges,
        List<Long> histogram,
        List<ValueCount> top,
        double imbalance) {

    public ColumnProfile {
        quantiles = List.copyOf(quantiles);
        edges = List.copyOf(edges);
        histogram = List.copyOf(histogram);
        top = List.copyOf(top);
    }

    /** Share of missing cells (0 in an empty column). */
    public double missingShare() {
        return count == 0 ? 0 : (double) missing / count;
    }

    /** The quantile at {@code p}, one of {@link Profile#QUANTILES}. */
    public double quantile(double p) {
        int i = Profile.QUANTILES.indexOf(p);
        if (i < 0) {
            throw new IllegalArgumentException(
                    "profile: quantile " + p + " is not kept (kept: " + Profile.QUANTILES + ")");
        }
        return quantiles.isEmpty() ? Double.NaN : quantiles.get(i);
    }

    /** Plain values: numbers, strings and lists of them. */
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("type", type);
        r.put("count", count);
        r.put("missing", missing);
        r.put("distinct", distinct);
        if (numeric) {
            r.put("mean", mean);
            r.put("std", std);
            r.put("min", min);
            r.put("max", max);
            r.put("zeros", zeros);
            r.put("skewness", skewness);
            for (int i = 0; i < quantiles.size(); i++) {
                r.put(String.format("p%02d", Math.round(Profile.QUANTILES.get(i) * 100)), quantiles.get(i));
            }
            r.put("edges", edges);
            r.put("histogram", histogram);
        }
        if (!top.isEmpty()) {
            r.put("top", top.stream().map(v -> List.of(v.value(), v.count())).toList());
            r.put("imbalance", imbalance);
        }
        return r;
    }
}
