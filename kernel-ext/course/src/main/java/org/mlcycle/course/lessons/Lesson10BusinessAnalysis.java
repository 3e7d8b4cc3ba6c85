package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import tech.tablesaw.api.Table;

/** The exercises of lessons/10-business-analysis.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson10BusinessAnalysis {
    private static final String TABLE = "a Tablesaw Table";

    private Lesson10BusinessAnalysis() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson10-rpm-requests", "10-business-analysis", "revenue per 1,000 requests", 1,
                        Lesson10BusinessAnalysis::rpmRequests, """
                        double rpmRequests = 1000 * launched.revenue() / 25_000;
                        (revenue is clicks x bid_cpc over model_v1's rows; the denominator is requests, not
                        impressions)"""));
    }

    static Verdict rpmRequests(Answers a) {
        double rpm = a.number("rpmRequests");
        Table log = a.value("log", Table.class, TABLE);
        double[] bid = a.value("bid", double[].class, "the double[] of bids by AdID");
        Table v1 = log.where(log.stringColumn("Policy").isEqualTo("model_v1"));
        double revenue = 0;
        long impressions = 0;
        for (int i = 0; i < v1.rowCount(); i++) {
            revenue += v1.intColumn("Click").getInt(i) * bid[v1.intColumn("AdID").getInt(i)];
            impressions += v1.intColumn("Impression").getInt(i);
        }
        return NumberAnswer.of(rpm, 1e-9)
                .right(1000 * revenue / 25_000, text("model_v1 earns %.2f per 1,000 requests.", rpm))
                .mistake(1000 * revenue / Math.max(1, impressions), "that is per 1,000 impressions; finance asks per"
                        + " 1,000 requests (25,000 of them).")
                .otherwise(text("rpmRequests is %.4f: revenue (clicks x bid_cpc) / 25,000 requests x 1,000.", rpm));
    }
}
