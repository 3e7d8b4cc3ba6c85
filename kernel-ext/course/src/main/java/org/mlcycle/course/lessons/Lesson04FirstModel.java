package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import tech.tablesaw.api.Table;

/** The exercises of lessons/04-first-model.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson04FirstModel {
    private static final String TABLE = "a Tablesaw Table";

    private Lesson04FirstModel() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson04-precision-at-100",
                        "04-first-model",
                        "precision at 100",
                        1,
                        Lesson04FirstModel::precisionAt100,
                        """
                        Sort by p_1, highest first, keep 100 rows, and take the share of label_a == 1:
                            Table top100 = scored.sortDescendingOn("p_1").first(100);
                            double precisionAt100 = top100.intColumn("label_a").sum() / 100.0;"""),
                Exercise.of(
                        "lesson04-operating-point",
                        "04-first-model",
                        "an operating point for your bar",
                        2,
                        Lesson04FirstModel::operatingPoint,
                        """
                        On the validation rows only, try every score as a threshold (show when p_1 >= t) and keep
                        the lowest t whose precision still reaches myBar: the lowest threshold shows the most ads.
                        Then measure recall at that t on the held-out rows, which took no part in the choice:
                            Table val = scored.rows(valRows), held = scored.dropRows(valRows);
                            for each t in val's p_1, highest first: precision(val, t) >= myBar -> threshold = t;
                            heldOutRecall = recall(held, threshold);"""));
    }

    /** Precision and recall of "show when p_1 >= t" on the rows {@code rows} of (y, p). */
    static double[] at(boolean[] y, double[] p, int[] rows, double t) {
        long tp = 0, fp = 0, positives = 0;
        for (int r : rows) {
            positives += y[r] ? 1 : 0;
            if (p[r] >= t) {
                if (y[r]) tp++;
                else fp++;
            }
        }
        return new double[] {tp + fp == 0 ? 0 : tp / (double) (tp + fp), positives == 0 ? 0 : tp / (double) positives};
    }

    /** The largest recall on {@code rows} among thresholds whose precision reaches {@code bar}. */
    static double bestRecall(boolean[] y, double[] p, int[] rows, double bar) {
        int[] order = java.util.Arrays.stream(rows)
                .boxed()
                .sorted((i, j) -> Double.compare(p[j], p[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        long positives = java.util.Arrays.stream(rows).filter(r -> y[r]).count();
        long tp = 0;
        double best = 0;
        for (int k = 0; k < order.length; k++) {
            tp += y[order[k]] ? 1 : 0;
            boolean lastOfTie = k == order.length - 1 || p[order[k + 1]] < p[order[k]];
            if (lastOfTie && tp / (double) (k + 1) >= bar) {
                best = Math.max(best, tp / (double) positives);
            }
        }
        return best;
    }

    static Verdict operatingPoint(Answers a) {
        double threshold = a.number("threshold");
        double recall = a.number("heldOutRecall");
        Table scored = a.value("scored", Table.class, TABLE);
        int n = scored.rowCount();
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = scored.intColumn("label_a").getInt(i) == 1;
        }
        double[] p = scored.doubleColumn("p_1").asDoubleArray();
        int[] val = StudentVariants.sample(a.seed(), 4, n, n / 2);
        java.util.Set<Integer> inVal = new java.util.HashSet<>();
        for (int r : val) inVal.add(r);
        int[] held = java.util.stream.IntStream.range(0, n)
                .filter(i -> !inVal.contains(i))
                .toArray();
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        double bar = StudentVariants.precisionBar(a.seed());
        double[] onVal = at(y, p, val, threshold);
        if (onVal[0] < bar) {
            if (at(y, p, all, threshold)[0] >= bar || at(y, p, held, threshold)[0] >= bar) {
                return Verdict.hint(text(
                        "at %.4f precision reaches %.2f on some rows, but not on the validation"
                                + " rows (valRows), where the threshold must be chosen.",
                        threshold, bar));
            }
            return Verdict.hint(text(
                    "at threshold %.4f the validation precision is %.3f, below your bar of %.2f.",
                    threshold, onVal[0], bar));
        }
        double best = bestRecall(y, p, val, bar);
        if (onVal[1] < best - 0.005) {
            return Verdict.hint(text(
                    "precision clears %.2f at %.4f, but a lower threshold clears it too and finds"
                            + " more of the ads worth showing: take the lowest one that still meets the bar.",
                    bar, threshold));
        }
        double[] onHeld = at(y, p, held, threshold);
        return NumberAnswer.of(recall, 1e-9)
                .right(
                        onHeld[1],
                        text(
                                "at threshold %.4f the held-out rows give recall %.3f and precision %.3f (%s"
                                        + " your bar of %.2f): a threshold chosen on one half is an estimate for the other.",
                                threshold, onHeld[1], onHeld[0], onHeld[0] >= bar ? "meeting" : "below", bar))
                .mistake(
                        onVal[1],
                        "that is the recall on the validation rows, which chose the threshold; report it on"
                                + " the held-out rows.")
                .mistake(onHeld[0], "that is the held-out precision; the question asks for recall.")
                .mistake(
                        at(y, p, all, threshold)[1],
                        "that is the recall on all test rows; report it on the" + " held-out rows only.")
                .otherwise(text(
                        "heldOutRecall is %.4f: among the held-out rows with label_a == 1, the share with"
                                + " p_1 >= threshold.",
                        recall));
    }

    static Verdict precisionAt100(Answers a) {
        double precision = a.number("precisionAt100");
        Table scored = a.value("scored", Table.class, TABLE);
        Table top = scored.sortDescendingOn("p_1").first(100);
        Table bottom = scored.sortAscendingOn("p_1").first(100);
        return NumberAnswer.of(precision, 1e-9)
                .right(top.intColumn("label_a").sum() / 100.0, "precision at 100 is " + precision + ".")
                .mistake(
                        bottom.intColumn("label_a").sum() / 100.0,
                        "you took the 100 lowest scores; sort by p_1" + " highest first.")
                .otherwise("precisionAt100 is " + precision + ": sort the test rows by p_1 (highest first), take 100,"
                        + " count label_a == 1, divide by 100.");
    }
}
