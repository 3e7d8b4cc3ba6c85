package org.mlcycle.toolkit.drift;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link Drift} decides. Defaults follow Evidently: with at most 1,000 reference rows a column
 * drifts when its test's p-value is below 0.05 (KS for numbers, chi-square for categories); with
 * more rows, when an effect size reaches its threshold (Wasserstein / reference std >= 0.1 for
 * numbers, Jensen-Shannon distance, base 2, >= 0.1 for categories), because tests flag negligible
 * shifts on big samples. The dataset drifts when at least half of the compared columns drift.
 *
 * @param bins PSI bins, cut at reference quantiles
 * @param pValueRows reference row count up to which p-value tests decide
 * @param pValue drift when a test's p-value is below this
 * @param wasserstein drift when Wasserstein / max(reference std, 0.001) reaches this
 * @param js drift when the Jensen-Shannon distance (base 2) reaches this
 * @param driftShare the dataset drifts when this share of compared columns drift
 * @param missingRateChange a change of the missing share by more than this is its own signal
 * @param categoricalUpTo number columns with at most this many distinct values over both tables are
 *     compared as categories (Evidently's rule; 0 turns it off)
 * @param categorical number columns to compare as categories (e.g. a 0/1 label)
 * @param ignore columns left out
 */
@CheckReturnValue
public record DriftOptions(
        int bins,
        int pValueRows,
        double pValue,
        double wasserstein,
        double js,
        double driftShare,
        double missingRateChange,
        int categoricalUpTo,
        Set<String> categorical,
        Set<String> ignore) {

    public DriftOptions {
        categorical = Set.copyOf(Objects.requireNonNull(categorical, "categorical"));
        ignore = Set.copyOf(Objects.requireNonNull(ignore, "ignore"));
        if (bins < 2) {
            throw new IllegalArgumentException("drift: bins must be at least 2, got " + bins);
        }
    }

    /**
     * 10 PSI bins; p-values up to 1,000 reference rows, effect sizes above; number columns with at most
     * 5 distinct values compared as categories; drift share 0.5.
     */
    public static DriftOptions defaults() {
        return new DriftOptions(10, 1000, 0.05, 0.1, 0.1, 0.5, 0.05, 5, Set.of(), Set.of());
    }

    /** The same options with another limit for number columns compared as categories (0: never). */
    public DriftOptions withCategoricalUpTo(int distinctValues) {
        return new DriftOptions(
                bins,
                pValueRows,
                pValue,
                wasserstein,
                js,
                driftShare,
                missingRateChange,
                distinctValues,
                categorical,
                ignore);
    }

    /** The same options with other PSI bins. */
    public DriftOptions withBins(int bins) {
        return new DriftOptions(
                bins,
                pValueRows,
                pValue,
                wasserstein,
                js,
                driftShare,
                missingRateChange,
                categoricalUpTo,
                categorical,
                ignore);
    }

    /** The same options comparing these number columns as categories. */
    public DriftOptions withCategorical(String... columns) {
        return new DriftOptions(
                bins,
                pValueRows,
                pValue,
                wasserstein,
                js,
                driftShare,
                missingRateChange,
                categoricalUpTo,
                Set.of(columns),
                ignore);
    }

    /** The same options leaving these columns out. */
    public DriftOptions withIgnored(String... columns) {
        return new DriftOptions(
                bins,
                pValueRows,
                pValue,
                wasserstein,
                js,
                driftShare,
                missingRateChange,
                categoricalUpTo,
                categorical,
                Set.of(columns));
    }

    /** The same options with p-value tests deciding up to {@code rows} reference rows. */
    public DriftOptions withPValueRows(int rows) {
        return new DriftOptions(
                bins,
                rows,
                pValue,
                wasserstein,
                js,
                driftShare,
                missingRateChange,
                categoricalUpTo,
                categorical,
                ignore);
    }
}
