package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import tech.tablesaw.api.Table;

/** The exercises of lessons/02-data-and-labels.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson02DataAndLabels {
    /** The double-labeled rows in a learner's audit. */
    static final int AUDIT_ROWS = 6_000;

    private Lesson02DataAndLabels() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson02-retrieve-from",
                        "02-data-and-labels",
                        tr("lesson02-retrieve-from.title"),
                        2,
                        Lesson02DataAndLabels::retrieveFrom,
                        lines(tr("lesson02-retrieve-from.answer"), code("""
                                for each kw_match k: pairs[k] = rows with k; shows[k] = their label_a sum;
                                retrieveFrom = the k with the largest shows[k] / pairs[k];
                                showsThere = shows[retrieveFrom]; pairsThere = pairs[retrieveFrom];"""))),
                Exercise.of(
                        "lesson02-label-budget",
                        "02-data-and-labels",
                        tr("lesson02-label-budget.title"),
                        2,
                        Lesson02DataAndLabels::labelBudget,
                        lines(tr("lesson02-label-budget.answer"), code("""
                                for each kw_match k: found[k] = (LABEL_BUDGET / price[k]) * disagreements[k] / rows[k];
                                spendOn = the k with the largest found[k]; expectedFound = found[spendOn];"""))));
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
        String spendOn = a.value("spendOn", String.class, tr("lesson02-label-budget.asks.kw-match-value"));
        double found = a.number("expectedFound");
        Slices s = slices(a.value("targeted", Table.class, tr("lessons.asks.table")), a.seed());
        int chosen = StudentVariants.MATCHES.indexOf(spendOn.strip());
        if (chosen < 0) {
            return Verdict.hint(tr("lesson02-label-budget.hint.spendon-must", spendOn, StudentVariants.MATCHES));
        }
        int best = s.best();
        if (chosen != best) {
            double[] rate = new double[s.rows().length];
            for (int m = 0; m < rate.length; m++) {
                rate[m] = s.disagreements()[m] / (double) s.rows()[m];
            }
            if (chosen == argMax(rate)) {
                return Verdict.hint(tr("lesson02-label-budget.hint.has-highest-disagreement", spendOn));
            }
            if (chosen
                    == argMax(java.util.Arrays.stream(s.disagreements())
                            .asDoubleStream()
                            .toArray())) {
                return Verdict.hint(tr("lesson02-label-budget.hint.has-most-disagreements", spendOn));
            }
            return Verdict.hint(tr("lesson02-label-budget.hint.budget-finds-about", spendOn, s.found()[chosen]));
        }
        return NumberAnswer.of(found, 1e-6)
                .right(
                        s.found()[best],
                        tr(
                                "lesson02-label-budget.pass.second-labels-find",
                                StudentVariants.LABEL_BUDGET / s.price()[best],
                                spendOn,
                                found))
                .mistake(
                        StudentVariants.LABEL_BUDGET * s.disagreements()[best] / (double) s.rows()[best],
                        tr("lesson02-label-budget.mistake.multiplied-budget-rate"))
                .mistake(
                        StudentVariants.LABEL_BUDGET / s.price()[best],
                        tr("lesson02-label-budget.mistake.many-labels-budget"))
                .otherwise(tr("lesson02-label-budget.otherwise.expectedfound-labels-bought", found));
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
        String chosen = a.value("retrieveFrom", String.class, tr("lesson02-retrieve-from.asks.kw-match-value"))
                .strip();
        long showsThere = a.whole("showsThere"), pairsThere = a.whole("pairsThere");
        Table million = a.value("million", Table.class, tr("lessons.asks.table"));
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
            return Verdict.hint(tr("lesson02-retrieve-from.hint.retrievefrom-must", chosen, StudentVariants.MATCHES));
        }
        if (m != best) {
            if (m == argMax(java.util.Arrays.stream(pairs).asDoubleStream().toArray())) {
                return Verdict.hint(tr("lesson02-retrieve-from.hint.holds-most-pairs", chosen));
            }
            return Verdict.hint(
                    tr("lesson02-retrieve-from.hint.show-pairs-another", chosen, shows[m], pairs[m], 100 * rate[m]));
        }
        if (pairsThere == allPairs[best]) {
            return Verdict.hint(tr("lesson02-retrieve-from.hint.pairsthere-counts-whole"));
        }
        if (showsThere == pairs[best] && pairsThere == shows[best]) {
            return Verdict.hint(tr("lesson02-retrieve-from.hint.showsthere-pairsthere-swapped"));
        }
        if (showsThere != shows[best] || pairsThere != pairs[best]) {
            return Verdict.hint(tr("lesson02-retrieve-from.hint.right-match-counts", chosen, showsThere, pairsThere));
        }
        int second = -1;
        for (int j = 0; j < k; j++) {
            if (j != best && (second < 0 || rate[j] > rate[second])) {
                second = j;
            }
        }
        return Verdict.pass(tr(
                "lesson02-retrieve-from.pass.retrieve-matches-pairs",
                chosen,
                shows[best],
                pairs[best],
                100 * rate[best],
                100 * rate[second],
                StudentVariants.MATCHES.get(second),
                100.0 * java.util.Arrays.stream(shows).sum() / mine.rowCount()));
    }
}
