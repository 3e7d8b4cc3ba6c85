package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import tech.tablesaw.api.Table;

/** The exercises of lessons/01-scoping.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson01Scoping {
    private static final String TABLE = "a Tablesaw Table";

    private Lesson01Scoping() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson01-rpm", "01-scoping", "revenue per thousand impressions", 1, Lesson01Scoping::rpm, """
                        Revenue is clicks x the ad's bid_cpc, summed over the rows; divide by the impressions
                        (not the rows) and multiply by 1,000:
                            for each row: total += Click * price.get(AdID); shown += Impression;
                            double rpm = 1000 * total / shown;"""),
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
                            double v = rpm / 1000;
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

    static Verdict rpm(Answers a) {
        double rpm = a.number("rpm");
        Table legacy = a.value("legacy", Table.class, TABLE);
        Map<?, ?> price = a.value("price", Map.class, "the map of AdID to bid_cpc");
        double revenue = 0;
        long impressions = 0;
        for (int i = 0; i < legacy.rowCount(); i++) {
            revenue += legacy.intColumn("Click").getInt(i)
                    * ((Number) price.get(legacy.intColumn("AdID").getInt(i))).doubleValue();
            impressions += legacy.intColumn("Impression").getInt(i);
        }
        return NumberAnswer.of(rpm, 1e-6)
                .right(1000 * revenue / impressions, text("legacy earns %.2f per thousand impressions.", rpm))
                .mistake(
                        1000 * revenue / legacy.rowCount(),
                        "you divided by the number of rows; a row can stand for"
                                + " several impressions, so divide by the sum of Impression.")
                .mistake(revenue / impressions, "that is revenue per impression; RPM is per thousand impressions.")
                .mistake(
                        1000 * impressionsCtr(legacy) * meanPrice(price),
                        "that is legacy's CTR times the"
                                + " catalogue's average price; the ads clicked are not an average of the catalogue: add up"
                                + " each click's own bid_cpc.")
                .otherwise(text(
                        "rpm is %.4f. Revenue is clicks x bid_cpc summed over rows; divide by impressions"
                                + " (not rows), then x 1000.",
                        rpm));
    }
}
