package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import tech.tablesaw.api.Table;

/** The exercises of lessons/02-data-and-labels.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson02DataAndLabels {
    private static final String TABLE = "a Tablesaw Table";
    /** The double-labeled rows in a learner's audit. */
    static final int AUDIT_ROWS = 6_000;

    private Lesson02DataAndLabels() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson02-exact-show-rate",
                        "02-data-and-labels",
                        "A's show rate on exact matches",
                        1,
                        Lesson02DataAndLabels::exactShowRate,
                        """
                        Keep the rows whose kw_match is "exact", then take the mean of label_a:
                            Table exact = million.where(million.stringColumn("kw_match").isEqualTo("exact"));
                            double exactShowRate = exact.intColumn("label_a").sum() / exact.rowCount();"""),
                Exercise.of(
                        "lesson02-label-budget",
                        "02-data-and-labels",
                        "where a second label finds the most",
                        2,
                        Lesson02DataAndLabels::labelBudget,
                        """
                        In your audit, a slice's disagreement rate is its rows where label_a != label_b over its
                        rows. The budget buys budget / price second labels in a slice, each finding a disagreement
                        with that rate; spend it where that product is largest:
                            for each kw_match k: found[k] = (LABEL_BUDGET / price[k]) * disagreements[k] / rows[k];
                            spendOn = the k with the largest found[k]; expectedFound = found[spendOn];"""));
    }

    /** Per keyword match of the learner's audit: rows, disagreements, price; and the disagreements the budget buys. */
    record Slices(long[] rows, long[] disagreements, double[] price, double[] found) {
        int best() {
            return argMax(found);
        }
    }

    static Slices slices(Table targeted, long seed) {
        Table doubled = targeted.where(targeted.intColumn("label_b").isNotMissing());
        Table audit = StudentVariants.sample(doubled, seed, 2, AUDIT_ROWS);
        Table prices = StudentVariants.secondLabelPrices(seed);
        int k = StudentVariants.MATCHES.size();
        long[] rows = new long[k];
        long[] disagreements = new long[k];
        for (int i = 0; i < audit.rowCount(); i++) {
            int m = StudentVariants.MATCHES.indexOf(
                    audit.stringColumn("kw_match").get(i));
            rows[m]++;
            disagreements[m] += audit.intColumn("label_a").getInt(i)
                            != audit.intColumn("label_b").getInt(i)
                    ? 1
                    : 0;
        }
        double[] price = prices.doubleColumn("price").asDoubleArray();
        double[] found = new double[k];
        for (int m = 0; m < k; m++) {
            found[m] = StudentVariants.LABEL_BUDGET / price[m] * disagreements[m] / (double) rows[m];
        }
        return new Slices(rows, disagreements, price, found);
    }

    static Verdict labelBudget(Answers a) {
        String spendOn = a.value("spendOn", String.class, "a kw_match value such as \"broad\"");
        double found = a.number("expectedFound");
        Slices s = slices(a.value("targeted", Table.class, TABLE), a.seed());
        int chosen = StudentVariants.MATCHES.indexOf(spendOn.strip());
        if (chosen < 0) {
            return Verdict.hint("spendOn is \"" + spendOn + "\"; it must be one of " + StudentVariants.MATCHES + ".");
        }
        int best = s.best();
        if (chosen != best) {
            double[] rate = new double[s.rows().length];
            for (int m = 0; m < rate.length; m++) {
                rate[m] = s.disagreements()[m] / (double) s.rows()[m];
            }
            if (chosen == argMax(rate)) {
                return Verdict.hint(spendOn + " has the highest disagreement rate, but its labels are not the"
                        + " cheapest: count what the budget buys there.");
            }
            if (chosen
                    == argMax(java.util.Arrays.stream(s.disagreements())
                            .asDoubleStream()
                            .toArray())) {
                return Verdict.hint(spendOn + " has the most disagreements in your audit, because it has many rows;"
                        + " a new label finds one with the slice's rate, not its count.");
            }
            return Verdict.hint(text(
                    "in %s the budget finds about %.1f disagreements; another slice finds more.",
                    spendOn, s.found()[chosen]));
        }
        return NumberAnswer.of(found, 1e-6)
                .right(
                        s.found()[best],
                        text(
                                "%.0f second labels in %s find about %.1f disagreements, more than any"
                                        + " other slice.",
                                StudentVariants.LABEL_BUDGET / s.price()[best], spendOn, found))
                .mistake(
                        StudentVariants.LABEL_BUDGET * s.disagreements()[best] / (double) s.rows()[best],
                        "you multiplied the budget by the rate; the budget buys budget / price labels.")
                .mistake(
                        StudentVariants.LABEL_BUDGET / s.price()[best],
                        "that is how many labels the budget buys;" + " only a share of them find a disagreement.")
                .otherwise(text(
                        "expectedFound is %.4f: labels bought in the slice times the slice's disagreement"
                                + " rate in your audit.",
                        found));
    }

    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static Verdict exactShowRate(Answers a) {
        double rate = a.number("exactShowRate");
        Table million = a.value("million", Table.class, TABLE);
        long rows = 0;
        long shows = 0;
        for (int i = 0; i < million.rowCount(); i++) {
            if (million.stringColumn("kw_match").get(i).equals("exact")) {
                rows++;
                shows += million.intColumn("label_a").getInt(i);
            }
        }
        return NumberAnswer.of(rate, 1e-9)
                .right(
                        shows / (double) rows,
                        text(
                                "A says 'show' for %.1f%% of exact matches, against %.0f per"
                                        + " million pairs overall.",
                                100 * rate, 1e6 * million.intColumn("label_a").sum() / million.rowCount()))
                .mistake(
                        shows / (double) million.rowCount(),
                        "you divided by all million pairs; the share is among" + " the exact matches only.")
                .mistakeIf(
                        rate == 0 && shows > 0,
                        "exactShowRate is 0 although some exact matches are labelled" + " 'show': an integer division?")
                .otherwise(text(
                        "exactShowRate is %.6f: count label_a == 1 among rows whose kw_match is \"exact\","
                                + " divided by those rows.",
                        rate));
    }
}
