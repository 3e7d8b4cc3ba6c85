package org.mlcycle.toolkit.bridge;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.List;

/**
 * Which columns become features and how: {@code numeric} columns are imputed with the training
 * median and standardised with the training mean and population standard deviation;
 * {@code categorical} columns are one-hot encoded, with a level seen fewer than
 * {@code minCategoryCount} times in training folded into "(other)". {@code label} is the column the
 * model learns.
 */
@CheckReturnValue
public record FeatureOptions(String label, List<String> numeric, List<String> categorical, int minCategoryCount) {

    public FeatureOptions {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("features: the label column must be named");
        }
        if (minCategoryCount < 1) {
            throw new IllegalArgumentException(
                    "features: minimum category count must be at least 1, got " + minCategoryCount);
        }
        if (numeric.isEmpty() && categorical.isEmpty()) {
            throw new IllegalArgumentException("features: name at least one numeric or categorical column");
        }
        for (String c : numeric) {
            if (categorical.contains(c) || c.equals(label)) {
                throw new IllegalArgumentException("features: column '" + c + "' is listed twice (numeric and "
                        + (c.equals(label) ? "label" : "categorical") + ")");
            }
        }
        if (categorical.contains(label)) {
            throw new IllegalArgumentException("features: column '" + label + "' is both label and categorical");
        }
    }

    /** Every level seen at least once in training gets its own column. */
    public static FeatureOptions of(String label, List<String> numeric, List<String> categorical) {
        return new FeatureOptions(label, numeric, categorical, 1);
    }

    public FeatureOptions withMinCategoryCount(int count) {
        return new FeatureOptions(label, numeric, categorical, count);
    }
}
