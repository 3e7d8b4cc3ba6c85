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
                Exercise.of("lesson01-rpm", "01-scoping", "revenue per thousand impressions", 1,
                        Lesson01Scoping::rpm, """
                        Revenue is clicks x the ad's bid_cpc, summed over the rows; divide by the impressions
                        (not the rows) and multiply by 1,000:
                            for each row: total += Click * price.get(AdID); shown += Impression;
                            double rpm = 1000 * total / shown;"""));
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
                .mistake(1000 * revenue / legacy.rowCount(), "you divided by the number of rows; a row can stand for"
                        + " several impressions, so divide by the sum of Impression.")
                .mistake(revenue / impressions, "that is revenue per impression; RPM is per thousand impressions.")
                .otherwise(text("rpm is %.4f. Revenue is clicks x bid_cpc summed over rows; divide by impressions"
                        + " (not rows), then x 1000.", rpm));
    }
}
