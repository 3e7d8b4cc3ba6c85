package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Interval;
import tech.tablesaw.api.Table;

/** The exercises of lessons/01-scoping.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson01Scoping {

    private Lesson01Scoping() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson01-bar-verdict",
                        "01-scoping",
                        tr("lesson01-bar-verdict.title"),
                        2,
                        Lesson01Scoping::barVerdict,
                        lines(tr("lesson01-bar-verdict.answer"), code("""
                                breakEvenHere = c / (v + c);
                                breakEvenLow = c / (vHigh + c);
                                breakEvenHigh = c / (vLow + c);
                                verdict = proposedBar < breakEvenLow ? "too low" : proposedBar > breakEvenHigh ? "too high" : "right";"""))),
                Exercise.of(
                        "lesson01-break-even",
                        "01-scoping",
                        tr("lesson01-break-even.title"),
                        2,
                        Lesson01Scoping::breakEven,
                        lines(tr("lesson01-break-even.answer"), code("""
                                double v = revenue / impressions;
                                breakEven = badShow / (v + badShow);
                                barIsEnough = 0.8 >= breakEven;"""))));
    }

    private static double impressionsCtr(Table legacy) {
        return legacy.intColumn("Click").sum() / legacy.intColumn("Impression").sum();
    }

    private static double meanPrice(Map<?, ?> price) {
        return price.values().stream()
                .mapToDouble(v -> ((Number) v).doubleValue())
                .average()
                .orElse(Double.NaN);
    }

    /** What legacy earns per impression (or per row, with {@code perRow}). */
    private static double earnedPerShow(Table legacy, Map<?, ?> price, boolean perRow) {
        double revenue = 0;
        long impressions = 0;
        for (int i = 0; i < legacy.rowCount(); i++) {
            revenue += legacy.intColumn("Click").getInt(i)
                    * ((Number) price.get(legacy.intColumn("AdID").getInt(i))).doubleValue();
            impressions += legacy.intColumn("Impression").getInt(i);
        }
        return revenue / (perRow ? legacy.rowCount() : impressions);
    }

    static Verdict breakEven(Answers a) {
        double breakEven = a.number("breakEven");
        Table legacy = a.value("legacy", Table.class, tr("lessons.asks.table"));
        Map<?, ?> price = a.value("price", Map.class, tr("lesson01-break-even.asks.map-adid-bid"));
        double v = earnedPerShow(legacy, price, false);
        double c = StudentVariants.badShowCost(a.seed());
        double expected = c / (v + c);
        Verdict number = NumberAnswer.of(breakEven, 1e-6)
                .right(expected, "")
                .mistake(v / (v + c), tr("lesson01-break-even.mistake.precision-good-shows"))
                .mistake(c / v, tr("lesson01-break-even.mistake.cost-bad-show"))
                .mistake(
                        c / (earnedPerShow(legacy, price, true) + c),
                        tr("lesson01-break-even.mistake.valued-show-revenue"))
                .mistakeIf(
                        Math.abs(breakEven - 0.05 / (v + 0.05)) < 1e-6 && Math.abs(c - 0.05) > 1e-9,
                        tr("lesson01-break-even.mistake.uses-course-cost"))
                .otherwise(tr("lesson01-break-even.otherwise.breakeven-write-show", breakEven));
        if (!number.passed()) {
            return number;
        }
        boolean enough = a.value("barIsEnough", Boolean.class, tr("lesson01-break-even.asks.true-false"));
        if (enough != (StudentVariants.PRECISION_BAR >= expected)) {
            return Verdict.hint(
                    tr("lesson01-break-even.hint.breakeven-right-barisenough", enough, StudentVariants.PRECISION_BAR));
        }
        return Verdict.pass(tr(
                "lesson01-break-even.pass.market-show-pays",
                expected,
                StudentVariants.PRECISION_BAR,
                enough ? tr("lesson01-break-even.pass.covers") : tr("lesson01-break-even.pass.too-low-shows")));
    }

    /**
     * Legacy's CTR with its 95% bootstrap interval over the log's rows (seed and resamples as
     * {@link Bootstrap#over}), times the catalogue's mean price: the value of a good show, {estimate,
     * low, high}. The lesson computes it the same way.
     */
    static double[] goodShowValue(Table legacy, Map<?, ?> price) {
        int[] clickOf = legacy.intColumn("Click").asIntArray();
        int[] shownOf = legacy.intColumn("Impression").asIntArray();
        Interval ctr = Bootstrap.over("legacy CTR", legacy.rowCount(), rows -> {
            long c = 0, s = 0;
            for (int r : rows) {
                c += clickOf[r];
                s += shownOf[r];
            }
            return c / (double) s;
        });
        double p = meanPrice(price);
        return new double[] {p * ctr.estimate(), p * ctr.low(), p * ctr.high()};
    }

    static Verdict barVerdict(Answers a) {
        Table legacy = a.value("legacy", Table.class, tr("lessons.asks.table"));
        Map<?, ?> price = a.value("price", Map.class, tr("lesson01-bar-verdict.asks.map-adid-bid"));
        double c = a.number("badShowCost");
        double[] v = goodShowValue(legacy, price);
        double expected = c / (v[0] + c), low = c / (v[2] + c), high = c / (v[1] + c);
        double breakEven = a.number("breakEvenHere");
        Verdict number = NumberAnswer.of(breakEven, 1e-6)
                .right(expected, "")
                .mistake(v[0] / (v[0] + c), tr("lesson01-bar-verdict.mistake.precision-good-shows"))
                .mistake(c / v[0], tr("lesson01-bar-verdict.mistake.ratio-money-break"))
                .otherwise(tr("lesson01-bar-verdict.otherwise.breakevenhere-write-show", breakEven));
        if (!number.passed()) {
            return number;
        }
        double lo = a.number("breakEvenLow"), hi = a.number("breakEvenHigh");
        if (Math.abs(lo - high) < 1e-6 && Math.abs(hi - low) < 1e-6) {
            return Verdict.hint(tr("lesson01-bar-verdict.hint.two-ends-swapped"));
        }
        if (Math.abs(lo - low) > 1e-6 || Math.abs(hi - high) > 1e-6) {
            return Verdict.hint(tr("lesson01-bar-verdict.hint.breakevenhere-right-interval", lo, hi));
        }
        double bar = StudentVariants.proposedBar(a.seed());
        String right = bar < low ? "too low" : bar > high ? "too high" : "right";
        String verdict = a.value("verdict", String.class, tr("lesson01-bar-verdict.asks.too-low-right"))
                .trim()
                .toLowerCase(java.util.Locale.ROOT);
        if (!List.of("too low", "right", "too high").contains(verdict)) {
            return Verdict.hint(tr("lesson01-bar-verdict.hint.verdict-must-too"));
        }
        if (!verdict.equals(right)) {
            return Verdict.hint(tr("lesson01-bar-verdict.hint.numbers-right-verdict", verdict, bar, low, high));
        }
        return Verdict.pass(tr(
                "lesson01-bar-verdict.pass.shows-pay-themselves",
                expected,
                low,
                high,
                bar,
                right,
                switch (right) {
                    case "too low" -> tr("lesson01-bar-verdict.pass.too-low");
                    case "too high" -> tr("lesson01-bar-verdict.pass.too-high");
                    default -> tr("lesson01-bar-verdict.pass.right");
                }));
    }
}
