package org.mlcycle.toolkit.quality;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tech.tablesaw.api.Row;

/**
 * One declarative constraint of a {@link Checks} list. Row-level kinds (complete, unique, in set,
 * between, pattern, predicate) measure the share of checked rows that pass and hold when it is at
 * least {@code mostly}; missing cells are not checked except by "complete" (Great Expectations'
 * convention). Table-level kinds (row count, mean, quantile) measure one number.
 *
 * @param kind what is checked
 * @param column the column ("" for row count and predicates)
 * @param low lower bound (inclusive) where one applies
 * @param high upper bound (inclusive) where one applies
 * @param p the quantile for {@link Kind#QUANTILE}
 * @param values the allowed values for {@link Kind#IN_SET}
 * @param pattern the regular expression for {@link Kind#PATTERN} (whole value must match)
 * @param predicate the row test for {@link Kind#PREDICATE}
 * @param description how the constraint is named in reports
 * @param mostly the share of checked rows that must pass (1 = all)
 */
@CheckReturnValue
public record Constraint(
        Kind kind,
        String column,
        double low,
        double high,
        double p,
        Set<String> values,
        Pattern pattern,
        Predicate<Row> predicate,
        String description,
        double mostly) {

    /** What a constraint checks. */
    public enum Kind {
        COMPLETE(true),
        UNIQUE(true),
        IN_SET(true),
        BETWEEN(true),
        PATTERN(true),
        PREDICATE(true),
        ROW_COUNT(false),
        MEAN(false),
        QUANTILE(false);

        private final boolean rowLevel;

        Kind(boolean rowLevel) {
            this.rowLevel = rowLevel;
        }

        /** Whether it is judged row by row (and so takes {@code mostly}). */
        public boolean rowLevel() {
            return rowLevel;
        }
    }

    public Constraint {
        values = values == null ? Set.of() : Set.copyOf(values);
        if (!(mostly > 0 && mostly <= 1)) {
            throw new IllegalArgumentException(
                    "checks: mostly must be in (0, 1], got " + mostly + " for " + description);
        }
    }

    static Constraint of(Kind kind, String column, double low, double high, String description) {
        return new Constraint(kind, column, low, high, Double.NaN, Set.of(), null, null, description, 1.0);
    }

    /** The same constraint with another {@code mostly}. */
    public Constraint withMostly(double share) {
        return new Constraint(kind, column, low, high, p, values, pattern, predicate, description, share);
    }

    /** The description with the {@code mostly} share when it is below 1. */
    public String label() {
        return mostly < 1 ? description + " mostly " + Checks.num(mostly) : description;
    }
}
