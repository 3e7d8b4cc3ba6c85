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
                        "lesson02-retrieve-from",
                        "02-data-and-labels",
                        "which keyword match retrieval should draw from",
                        2,
                        Lesson02DataAndLabels::retrieveFrom,
                        """
                        In your pairs `mine`, count for each kw_match the pairs and those labeler A said "show" for;
                        retrieve from the match with the highest share of "show" (not the most pairs):
                            for each kw_match k: pairs[k] = rows with k; shows[k] = their label_a sum;
                            retrieveFrom = the k with the largest shows[k] / pairs[k];
                            showsThere = shows[retrieveFrom]; pairsThere = pairs[retrieveFrom];"""),
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

    /** Lesson 2, exercise 1: the learner's own half of the million random pairs. */
    static final int MY_PAIRS = 500_000;

    static Verdict retrieveFrom(Answers a) {
        String chosen = a.value("retrieveFrom", String.class, "a kw_match value such as \"phrase\"")
                .strip();
        long showsThere = a.whole("showsThere"), pairsThere = a.whole("pairsThere");
        Table million = a.value("million", Table.class, TABLE);
        Table mine = StudentVariants.sample(million, a.seed(), 12, MY_PAIRS);
        int k = StudentVariants.MATCHES.size();
        long[] pairs = new long[k], shows = new long[k], allPairs = new long[k];
        for (int i = 0; i < mine.rowCount(); i++) {
            int m = StudentVariants.MATCHES.indexOf(
                    mine.stringColumn("kw_match").get(i));
            pairs[m]++;
            shows[m] += mine.intColumn("label_a").getInt(i);
        }
        for (String match : million.stringColumn("kw_match")) {
            allPairs[StudentVariants.MATCHES.indexOf(match)]++;
        }
        double[] rate = new double[k];
        for (int m = 0; m < k; m++) {
            rate[m] = pairs[m] == 0 ? 0 : shows[m] / (double) pairs[m];
        }
        int best = argMax(rate);
        int m = StudentVariants.MATCHES.indexOf(chosen);
        if (m < 0) {
            return Verdict.hint(
                    "retrieveFrom is \"" + chosen + "\"; it must be one of " + StudentVariants.MATCHES + ".");
        }
        if (m != best) {
            if (m == argMax(java.util.Arrays.stream(pairs).asDoubleStream().toArray())) {
                return Verdict.hint(chosen + " holds the most pairs, but almost none of them are worth showing:"
                        + " compare the share of \"show\" in each match, not its size.");
            }
            return Verdict.hint(text(
                    "%s: %d \"show\" in %d of your pairs (%.2f%%); another match has a higher share.",
                    chosen, shows[m], pairs[m], 100 * rate[m]));
        }
        if (pairsThere == allPairs[best]) {
            return Verdict.hint("pairsThere counts the whole million; count in your own pairs, mine.");
        }
        if (showsThere == pairs[best] && pairsThere == shows[best]) {
            return Verdict.hint("showsThere and pairsThere are swapped.");
        }
        if (showsThere != shows[best] || pairsThere != pairs[best]) {
            return Verdict.hint(text(
                    "%s is the right match, but %d of %d are not its counts in mine: count its pairs and"
                            + " those with label_a == 1.",
                    chosen, showsThere, pairsThere));
        }
        int second = -1;
        for (int j = 0; j < k; j++) {
            if (j != best && (second < 0 || rate[j] > rate[second])) {
                second = j;
            }
        }
        return Verdict.pass(text(
                "retrieve from %s matches: %d of %d pairs (%.2f%%) are worth showing, against %.2f%% for %s"
                        + " and %.4f%% over all your pairs.",
                chosen,
                shows[best],
                pairs[best],
                100 * rate[best],
                100 * rate[second],
                StudentVariants.MATCHES.get(second),
                100.0 * java.util.Arrays.stream(shows).sum() / mine.rowCount()));
    }
}
