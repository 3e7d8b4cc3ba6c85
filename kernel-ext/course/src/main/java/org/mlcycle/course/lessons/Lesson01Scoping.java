package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

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
    private static final String TABLE = "a Tablesaw Table";

    private Lesson01Scoping() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson01-bar-verdict",
                        "01-scoping",
                        "is the proposed bar too low, right or too high?",
                        2,
                        Lesson01Scoping::barVerdict,
                        """
                        At precision p a show earns p * v - (1 - p) * c on average: zero at p = c / (v + c). A higher
                        value of a good show lowers the break-even, so the interval's low end comes from v's high end:
                            breakEvenHere = c / (v + c);
                            breakEvenLow = c / (vHigh + c);
                            breakEvenHigh = c / (vLow + c);
                            verdict = proposedBar < breakEvenLow ? "too low" : proposedBar > breakEvenHigh ? "too high" : "right";"""),
                Exercise.of(
                        "lesson01-break-even",
                        "01-scoping",
                        "the precision at which a show pays for itself",
                        2,
                        Lesson01Scoping::breakEven,
                        """
                        A good show earns what legacy earns per impression, v = revenue / impressions; a bad show
                        costs badShow. At precision p, a show earns p * v - (1 - p) * badShow on average, which is
                        zero at p = badShow / (v + badShow):
                            double v = revenue / impressions;
                            breakEven = badShow / (v + badShow);
                            barIsEnough = 0.8 >= breakEven;"""));
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
        Table legacy = a.value("legacy", Table.class, TABLE);
        Map<?, ?> price = a.value("price", Map.class, "the map of AdID to bid_cpc");
        double v = earnedPerShow(legacy, price, false);
        double c = StudentVariants.badShowCost(a.seed());
        double expected = c / (v + c);
        Verdict number = NumberAnswer.of(breakEven, 1e-6)
                .right(expected, "")
                .mistake(
                        v / (v + c),
                        "that is the precision at which good shows would be the cost: the other way"
                                + " round. At the break-even, what the good shows earn pays for what the bad ones cost.")
                .mistake(
                        c / v,
                        "that is the cost of a bad show over the value of a good one, a ratio of money;"
                                + " the break-even is a share of shows, between 0 and 1.")
                .mistake(
                        c / (earnedPerShow(legacy, price, true) + c),
                        "you valued a show by revenue per row; a" + " row can stand for several impressions.")
                .mistakeIf(
                        Math.abs(breakEven - 0.05 / (v + 0.05)) < 1e-6 && Math.abs(c - 0.05) > 1e-9,
                        "that uses the course's cost of a bad show; your market's is in badShow.")
                .otherwise(text(
                        "breakEven is %.4f. Write what one show earns on average at precision p (good"
                                + " shows earn, bad shows cost) and find the p where it is zero.",
                        breakEven));
        if (!number.passed()) {
            return number;
        }
        boolean enough = a.value("barIsEnough", Boolean.class, "true or false");
        if (enough != (StudentVariants.PRECISION_BAR >= expected)) {
            return Verdict.hint(text(
                    "breakEven is right, but barIsEnough is %s: compare the team's bar of %.1f with"
                            + " your break-even.",
                    enough, StudentVariants.PRECISION_BAR));
        }
        return Verdict.pass(text(
                "in your market a show pays for itself from precision %.3f on; the bar of %.1f %s.",
                expected,
                StudentVariants.PRECISION_BAR,
                enough ? "covers it" : "is too low: shows at precision 0.8" + " lose money, so the bar must rise"));
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
        Table legacy = a.value("legacy", Table.class, TABLE);
        Map<?, ?> price = a.value("price", Map.class, "the map of AdID to bid_cpc");
        double c = a.number("badShowCost");
        double[] v = goodShowValue(legacy, price);
        double expected = c / (v[0] + c), low = c / (v[2] + c), high = c / (v[1] + c);
        double breakEven = a.number("breakEvenHere");
        Verdict number = NumberAnswer.of(breakEven, 1e-6)
                .right(expected, "")
                .mistake(
                        v[0] / (v[0] + c),
                        "that is the precision at which good shows would be the cost: the other way"
                                + " round. At the break-even, what the good shows earn pays for what the bad ones cost.")
                .mistake(c / v[0], "that is a ratio of money; the break-even is a share of shows, between 0 and 1.")
                .otherwise(text(
                        "breakEvenHere is %.4f. Write what one show earns on average at precision p (good shows"
                                + " earn the value of a good show, bad shows cost the cost of a bad show) and"
                                + " find the p where it is zero.",
                        breakEven));
        if (!number.passed()) {
            return number;
        }
        double lo = a.number("breakEvenLow"), hi = a.number("breakEvenHigh");
        if (Math.abs(lo - high) < 1e-6 && Math.abs(hi - low) < 1e-6) {
            return Verdict.hint("the two ends are swapped: a higher value of a good show lowers the break-even,"
                    + " so the interval's low end comes from the value's high end.");
        }
        if (Math.abs(lo - low) > 1e-6 || Math.abs(hi - high) > 1e-6) {
            return Verdict.hint(text(
                    "breakEvenHere is right, but its interval [%.4f, %.4f] is not: put each end of the value's"
                            + " interval into the same formula.",
                    lo, hi));
        }
        double bar = StudentVariants.proposedBar(a.seed());
        String right = bar < low ? "too low" : bar > high ? "too high" : "right";
        String verdict = a.value("verdict", String.class, "\"too low\", \"right\" or \"too high\"")
                .trim()
                .toLowerCase(java.util.Locale.ROOT);
        if (!List.of("too low", "right", "too high").contains(verdict)) {
            return Verdict.hint("verdict must be one of \"too low\", \"right\" or \"too high\".");
        }
        if (!verdict.equals(right)) {
            return Verdict.hint(text(
                    "the numbers are right, but \"%s\" is not the verdict on a bar of %.2f: compare the bar"
                            + " with the whole interval [%.3f, %.3f], not only with breakEvenHere.",
                    verdict, bar, low, high));
        }
        return Verdict.pass(text(
                "shows pay for themselves from precision %.3f (%.3f to %.3f) on; a bar of %.2f is %s%s.",
                expected,
                low,
                high,
                bar,
                right,
                switch (right) {
                    case "too low" -> ": shows at the bar lose money";
                    case "too high" -> ": it turns away shows that would pay";
                    default -> ": within what the data can tell apart from the break-even";
                }));
    }
}
