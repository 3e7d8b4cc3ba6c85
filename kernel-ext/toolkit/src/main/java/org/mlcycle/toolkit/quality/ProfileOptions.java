package org.mlcycle.toolkit.quality;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Profile#of} computes and when it raises an alert. Defaults follow ydata-profiling: a
 * 20-bin histogram, the top 10 values, alerts for more than 1% missing or zeros, more than 50
 * categories, |skew| above 20 and imbalance above 0.5.
 *
 * @param bins equal-width histogram bins over [min, max] of each numeric column
 * @param topK most frequent values listed per categorical column
 * @param categoricalLimit numeric columns with at most this many distinct values also get value counts
 * @param missingShare alert when the share of missing cells is above this
 * @param zerosShare alert when the share of zeros among all cells is above this
 * @param maxCategories alert when a categorical column has more distinct values than this
 * @param skew alert when |sample skewness| is above this
 * @param imbalance alert when 1 - (entropy of the value shares, base = number of values) is above this
 * @param ignore columns left out of the profile and of the duplicate-row count
 */
@CheckReturnValue
public record ProfileOptions(
        int bins,
        int topK,
        int categoricalLimit,
        double missingShare,
        double zerosShare,
        int maxCategories,
        double skew,
        double imbalance,
        Set<String> ignore) {

    public ProfileOptions {
        ignore = Set.copyOf(Objects.requireNonNull(ignore, "ignore"));
        if (bins < 1 || topK < 0 || categoricalLimit < 0) {
            throw new IllegalArgumentException("profile: bins must be >= 1 and topK, categoricalLimit >= 0, got " + bins
                    + ", " + topK + ", " + categoricalLimit);
        }
    }

    /** 20 bins, top 10, ydata-profiling's alert thresholds, nothing ignored. */
    public static ProfileOptions defaults() {
        return new ProfileOptions(20, 10, 10, 0.01, 0.01, 50, 20, 0.5, Set.of());
    }

    /** The same options with other histogram bins. */
    public ProfileOptions withBins(int bins) {
        return new ProfileOptions(
                bins, topK, categoricalLimit, missingShare, zerosShare, maxCategories, skew, imbalance, ignore);
    }

    /** The same options leaving these columns out. */
    public ProfileOptions withIgnored(String... columns) {
        return new ProfileOptions(
                bins,
                topK,
                categoricalLimit,
                missingShare,
                zerosShare,
                maxCategories,
                skew,
                imbalance,
                Set.of(columns));
    }
}
