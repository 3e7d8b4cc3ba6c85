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

/** The exercises of lessons/04-first-model.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson04FirstModel {

    private Lesson04FirstModel() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson04-where-to-look",
                        "04-first-model",
                        tr("lesson04-where-to-look.title"),
                        2,
                        Lesson04FirstModel::whereToLook,
                        lines(tr("lesson04-where-to-look.answer"), code("""
                                lookFirst = that slice; lookCount = its worst rows; lookLift = its lift;"""))),
                Exercise.of(
                        "lesson04-operating-point",
                        "04-first-model",
                        tr("lesson04-operating-point.title"),
                        2,
                        Lesson04FirstModel::operatingPoint,
                        lines(tr("lesson04-operating-point.answer"), code("""
                                Table val = scored.rows(valRows), held = scored.dropRows(valRows);
                                for each t in val's p_1, highest first: precision(val, t) >= myBar -> threshold = t;
                                heldOutRecall = recall(held, threshold);"""))));
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
        Table scored = a.value("scored", Table.class, tr("lessons.asks.table"));
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
                return Verdict.hint(tr("lesson04-operating-point.hint.precision-reaches-some", threshold, bar));
            }
            return Verdict.hint(
                    tr("lesson04-operating-point.hint.threshold-validation-precision", threshold, onVal[0], bar));
        }
        double best = bestRecall(y, p, val, bar);
        if (onVal[1] < best - 0.005) {
            return Verdict.hint(tr("lesson04-operating-point.hint.precision-clears-lower", bar, threshold));
        }
        double[] onHeld = at(y, p, held, threshold);
        return NumberAnswer.of(recall, 1e-9)
                .right(
                        onHeld[1],
                        tr(
                                "lesson04-operating-point.pass.threshold-held-out",
                                threshold,
                                onHeld[1],
                                onHeld[0],
                                onHeld[0] >= bar
                                        ? tr("lesson04-operating-point.pass.meeting")
                                        : tr("lesson04-operating-point.pass.below"),
                                bar))
                .mistake(onVal[1], tr("lesson04-operating-point.mistake.recall-validation-rows"))
                .mistake(onHeld[0], tr("lesson04-operating-point.mistake.held-out-precision"))
                .mistake(at(y, p, all, threshold)[1], tr("lesson04-operating-point.mistake.recall-all-test"))
                .otherwise(tr("lesson04-operating-point.otherwise.heldoutrecall-among-held", recall));
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
        String chosen = a.value("lookFirst", String.class, tr("lesson04-where-to-look.asks.slice-name-such"))
                .strip();
        java.util.Map<String, long[]> by =
                worstBySlice(a.value("scored", Table.class, tr("lessons.asks.table")), a.seed());
        if (!by.containsKey(chosen)) {
            return Verdict.hint(tr("lesson04-where-to-look.hint.lookfirst-must", chosen, by.keySet()));
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
                return Verdict.hint(tr("lesson04-where-to-look.hint.has-highest-lift", chosen, lift(c), c[1], WORST));
            }
            if (lift(c) < MIN_LIFT) {
                return Verdict.hint(tr(
                        "lesson04-where-to-look.hint.holds-worst-rows",
                        chosen,
                        c[1],
                        lift(c),
                        chosen.equals(biggest) ? tr("lesson04-where-to-look.hint.largest-slice") : ""));
            }
            return Verdict.hint(tr("lesson04-where-to-look.hint.lift-worst-rows", chosen, lift(c), c[1]));
        }
        long count = a.whole("lookCount");
        double lift = a.number("lookLift");
        if (count != c[1]) {
            return Verdict.hint(tr("lesson04-where-to-look.hint.slice-look-lookcount", chosen, count, WORST));
        }
        return NumberAnswer.of(lift, 1e-6)
                .right(
                        lift(c),
                        tr(
                                "lesson04-where-to-look.pass.inspect-first-worst",
                                chosen,
                                c[1],
                                WORST,
                                c[0],
                                MY_ROWS,
                                lift(c),
                                topLift,
                                by.get(topLift)[1]))
                .mistake(
                        (c[0] / (double) MY_ROWS) / (c[1] / (double) WORST),
                        tr("lesson04-where-to-look.mistake.inverse-lift-slice"))
                .mistake(c[1] / (double) WORST, tr("lesson04-where-to-look.mistake.slice-share-worst"))
                .otherwise(tr("lesson04-where-to-look.otherwise.looklift-slice-share", lift, WORST, MY_ROWS));
    }
}
