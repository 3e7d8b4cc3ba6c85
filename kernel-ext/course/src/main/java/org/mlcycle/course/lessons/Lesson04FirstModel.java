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
                        "lesson04-where-to-look",
                        "04-first-model",
                        "which slice to inspect first",
                        2,
                        Lesson04FirstModel::whereToLook,
                        """
                        On your rows, take the 100 with the highest loss. Per slice: rows, how many of the 100 worst
                        it holds, and lift = (worst / 100) / (rows / your rows). Among the slices with lift >= 2,
                        inspect first the one holding the most of the worst rows:
                            lookFirst = that slice; lookCount = its worst rows; lookLift = its lift;"""),
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

    /** Lesson 4, exercise 1: the learner's own test rows, and how many of their worst to look at. */
    static final int MY_ROWS = 5_000, WORST = 100;
    /** Lesson 4, exercise 1: the least lift that makes a slice over-represented among the worst rows. */
    static final double MIN_LIFT = 2.0;

    /** Per slice of the learner's rows: {rows, in the worst 100}, in slice-name order. */
    static java.util.Map<String, long[]> worstBySlice(Table scored, long seed) {
        int[] mine = StudentVariants.sample(seed, 14, scored.rowCount(), MY_ROWS);
        Integer[] order = new Integer[mine.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = mine[i];
        }
        double[] loss = scored.doubleColumn("loss").asDoubleArray();
        java.util.Arrays.sort(order, (x, y) -> Double.compare(loss[y], loss[x]));
        java.util.Map<String, long[]> out = new java.util.TreeMap<>();
        for (int k = 0; k < order.length; k++) {
            long[] c = out.computeIfAbsent(scored.stringColumn("slice").get(order[k]), s -> new long[2]);
            c[0]++;
            if (k < WORST) {
                c[1]++;
            }
        }
        return out;
    }

    static double lift(long[] c) {
        return (c[1] / (double) WORST) / (c[0] / (double) MY_ROWS);
    }

    static Verdict whereToLook(Answers a) {
        String chosen = a.value("lookFirst", String.class, "a slice name such as \"commercial x none\"")
                .strip();
        java.util.Map<String, long[]> by = worstBySlice(a.value("scored", Table.class, TABLE), a.seed());
        if (!by.containsKey(chosen)) {
            return Verdict.hint("lookFirst is \"" + chosen + "\"; it must be one of " + by.keySet() + ".");
        }
        String best = null, topLift = null, biggest = null;
        for (var e : by.entrySet()) {
            long[] c = e.getValue();
            if (lift(c) >= MIN_LIFT && (best == null || c[1] > by.get(best)[1])) {
                best = e.getKey();
            }
            if (topLift == null || lift(c) > lift(by.get(topLift))) {
                topLift = e.getKey();
            }
            if (biggest == null || c[0] > by.get(biggest)[0]) {
                biggest = e.getKey();
            }
        }
        long[] c = by.get(chosen);
        if (!chosen.equals(best)) {
            if (chosen.equals(topLift)) {
                return Verdict.hint(text(
                        "%s has the highest lift (%.1f), but holds only %d of your %d worst rows: fixing it"
                                + " removes few errors. Among the over-represented slices, look where most of the"
                                + " worst rows are.",
                        chosen, lift(c), c[1], WORST));
            }
            if (lift(c) < MIN_LIFT) {
                return Verdict.hint(text(
                        "%s holds %d of the worst rows, but its lift is %.2f: it has about as many of them as"
                                + " its size explains%s. Look where the worst rows are over-represented.",
                        chosen, c[1], lift(c), chosen.equals(biggest) ? " (it is your largest slice)" : ""));
            }
            return Verdict.hint(text(
                    "%s (lift %.1f, %d of the worst rows) is over-represented, but another such slice holds more"
                            + " of the worst rows.",
                    chosen, lift(c), c[1]));
        }
        long count = a.whole("lookCount");
        double lift = a.number("lookLift");
        if (count != c[1]) {
            return Verdict.hint(text(
                    "%s is the slice to look at, but lookCount %d is not how many of your %d worst rows it holds.",
                    chosen, count, WORST));
        }
        return NumberAnswer.of(lift, 1e-6)
                .right(
                        lift(c),
                        text(
                                "inspect %s first: %d of your %d worst rows come from %d of your %,d rows, a lift"
                                        + " of %.1f; %s has the highest lift but holds %d of them.",
                                chosen, c[1], WORST, c[0], MY_ROWS, lift(c), topLift, by.get(topLift)[1]))
                .mistake(
                        (c[0] / (double) MY_ROWS) / (c[1] / (double) WORST),
                        "that is the inverse: lift is the slice's share of the worst rows over its share of all rows.")
                .mistake(
                        c[1] / (double) WORST,
                        "that is the slice's share of the worst rows; divide by its share of your rows.")
                .otherwise(text(
                        "lookLift is %.4f: the slice's share of the %d worst rows over its share of your %,d rows.",
                        lift, WORST, MY_ROWS));
    }
}
