package org.mlcycle.toolkit.quality;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.mlcycle.toolkit.stats.NumericValues;
import org.mlcycle.toolkit.support.Require;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A named list of constraints on a table, in the spirit of Deequ's {@code Check} and Great
 * Expectations' expectations. Immutable: every call returns a new list, so a base list can be shared
 * and extended. {@link #mostly(double)} relaxes the constraint just added.
 *
 * <pre>{@code
 * CheckReport r = Checks.named("ad batch")
 *         .isComplete("user_id").isUnique("impression_id")
 *         .isBetween("bid_cents", 0, 5000).mostly(0.99)
 *         .isContainedIn("device", Set.of("mobile", "desktop", "tablet"))
 *         .hasRowCountBetween(1, 10_000_000)
 *         .run(ads);
 * }</pre>
 *
 * The same list as text, one constraint per line, is read by {@link #parse} and written by
 * {@link #toString}: {@code user_id not null}, {@code bid_cents between 0 and 5000 mostly 0.99},
 * {@code device in (desktop, mobile, tablet)}, {@code rows between 1 and 10000000}.
 *
 * <p>Because every call returns a new list, a call whose result is dropped adds nothing: {@code
 * checks.isBetween(c, 0, 16);} in a loop leaves {@code checks} as it was. The methods are marked
 * {@link CheckReturnValue} for the IDEs and checkers that read it, and {@link #run} reports an empty
 * list as a failure ("no constraints"), never as a pass.
 *
 * @param name how the report names the list
 * @param constraints the constraints, in the order they run
 */
@CheckReturnValue
public record Checks(String name, List<Constraint> constraints) {
    /** Failing rows listed per constraint. */
    public static final int FAILING_ROWS_KEPT = 20;

    static final String WHO = "checks";

    public Checks {
        Objects.requireNonNull(name, "name");
        constraints = List.copyOf(constraints);
    }

    /** An empty list of constraints called {@code name}. */
    public static Checks named(String name) {
        return new Checks(name, List.of());
    }

    private Checks with(Constraint c) {
        List<Constraint> all = new ArrayList<>(constraints);
        all.add(c);
        return new Checks(name, all);
    }

    /**
     * Parses a check spec, one constraint per line (see the class comment of the parser: {@code
     * ctr between 0 and 1}, {@code country in (US, DE)}, {@code rows > 1000}, ...); the list is
     * called "checks". A bad line fails with its number and what was expected there.
     */
    public static Checks parse(String spec) {
        return parse("checks", spec, null);
    }

    /**
     * Parses a check spec into a list called {@code name}; when {@code table} is not null, a column
     * it does not have fails the line that names it.
     */
    public static Checks parse(String name, String spec, Table table) {
        Objects.requireNonNull(spec, "spec");
        return CheckSpec.parse(name, spec, table);
    }

    /** The spec text, one constraint per line, that {@link #parse} reads back into these constraints. */
    @Override
    public String toString() {
        return String.join("\n", constraints.stream().map(CheckSpec::format).toList());
    }

    /** Relaxes the constraint added last: it holds when at least {@code share} of the checked rows pass. */
    public Checks mostly(double share) {
        Require.that(!constraints.isEmpty(), WHO, "mostly(%s) needs a constraint before it", share);
        Constraint last = constraints.get(constraints.size() - 1);
        Require.that(last.kind().rowLevel(), WHO, "mostly applies to row checks, not to %s", last.description());
        List<Constraint> all = new ArrayList<>(constraints.subList(0, constraints.size() - 1));
        all.add(last.withMostly(share));
        return new Checks(name, all);
    }

    /** No missing cell in {@code column}. */
    public Checks isComplete(String column) {
        return with(Constraint.of(Constraint.Kind.COMPLETE, column, 0, 0, "isComplete(" + column + ")"));
    }

    /** No non-missing value of {@code column} occurs twice; every row holding a repeated value fails. */
    public Checks isUnique(String column) {
        return with(Constraint.of(Constraint.Kind.UNIQUE, column, 0, 0, "isUnique(" + column + ")"));
    }

    /** Every non-missing value of {@code column} (as text; numbers as "1", "0.5") is one of {@code values}. */
    public Checks isContainedIn(String column, Collection<String> values) {
        Set<String> allowed = Set.copyOf(values);
        return with(new Constraint(
                Constraint.Kind.IN_SET,
                column,
                0,
                0,
                Double.NaN,
                allowed,
                null,
                null,
                "isContainedIn(" + column + ", " + allowed.stream().sorted().toList() + ")",
                1.0));
    }

    /** Every non-missing value of numeric {@code column} is in [low, high]. */
    public Checks isBetween(String column, double low, double high) {
        Require.that(low <= high, WHO, "isBetween(%s): low %s is above high %s", column, low, high);
        return with(Constraint.of(
                Constraint.Kind.BETWEEN,
                column,
                low,
                high,
                "isBetween(" + column + ", " + num(low) + ", " + num(high) + ")"));
    }

    /** Every non-missing value of {@code column}, as text, matches {@code regex} as a whole. */
    public Checks matches(String column, String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    WHO + ": matches(" + column + "): bad pattern '" + regex + "': " + e.getDescription());
        }
        return with(new Constraint(
                Constraint.Kind.PATTERN,
                column,
                0,
                0,
                Double.NaN,
                Set.of(),
                pattern,
                null,
                "matches(" + column + ", /" + regex + "/)",
                1.0));
    }

    /** Every row passes {@code predicate}; {@code description} names it in the report. */
    public Checks satisfies(String description, Predicate<Row> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return with(new Constraint(
                Constraint.Kind.PREDICATE,
                "",
                0,
                0,
                Double.NaN,
                Set.of(),
                null,
                predicate,
                "satisfies(" + description + ")",
                1.0));
    }

    /** The table has between {@code min} and {@code max} rows. */
    public Checks hasRowCountBetween(long min, long max) {
        return with(
                Constraint.of(Constraint.Kind.ROW_COUNT, "", min, max, "hasRowCountBetween(" + min + ", " + max + ")"));
    }

    /** The mean of the non-missing values of numeric {@code column} is in [low, high]. */
    public Checks hasMeanBetween(String column, double low, double high) {
        return with(Constraint.of(
                Constraint.Kind.MEAN,
                column,
                low,
                high,
                "hasMeanBetween(" + column + ", " + num(low) + ", " + num(high) + ")"));
    }

    /** The type-7 quantile {@code p} of numeric {@code column} is in [low, high]. */
    public Checks hasQuantileBetween(String column, double p, double low, double high) {
        Require.that(p >= 0 && p <= 1, WHO, "hasQuantileBetween(%s): p must be in [0, 1], got %s", column, p);
        return with(new Constraint(
                Constraint.Kind.QUANTILE,
                column,
                low,
                high,
                p,
                Set.of(),
                null,
                null,
                "hasQuantileBetween(" + column + ", " + num(p) + ", " + num(low) + ", " + num(high) + ")",
                1.0));
    }

    /** Runs every constraint on {@code table}; column names and types are checked first. */
    public CheckReport run(Table table) {
        Require.table(table, WHO, "checked");
        for (Constraint c : constraints) {
            if (!c.column().isEmpty()) {
                Require.column(table, c.column(), WHO);
                boolean numeric = NumericValues.isNumeric(table.column(c.column()));
                boolean needsNumber = c.kind() == Constraint.Kind.BETWEEN
                        || c.kind() == Constraint.Kind.MEAN
                        || c.kind() == Constraint.Kind.QUANTILE;
                Require.that(
                        !needsNumber || numeric,
                        WHO,
                        "%s: column '%s' in table '%s' is %s, not a number",
                        c.description(),
                        c.column(),
                        table.name(),
                        table.column(c.column()).type().name());
            }
        }
        List<ConstraintResult> results = new ArrayList<>();
        for (Constraint c : constraints) {
            results.add(ConstraintRunner.run(c, table));
        }
        return new CheckReport(name, table.name(), table.rowCount(), results);
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
