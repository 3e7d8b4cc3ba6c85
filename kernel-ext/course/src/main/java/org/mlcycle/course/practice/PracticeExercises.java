package org.mlcycle.course.practice;

import static org.mlcycle.toolkit.exercises.Verdict.close;
import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.Arrays;
import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.ExerciseSet;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import tech.tablesaw.api.Table;

/**
 * The exercises of the practice notebook (a short lesson-like notebook for trying the classroom
 * tools): two seeded exercises on {@link PracticeData#ads} and one interview question.
 */
public final class PracticeExercises implements ExerciseSet {
    static final String LESSON = "practice";

    @Override
    public List<Exercise> exercises() {
        return List.of(
                Exercise.of("practice-ctr", LESSON, "click-through rate of the day", 2, PracticeExercises::ctr, """
                        CTR is clicks over impressions, summed over the whole day first:
                            double ctr = ads.intColumn("clicks").sum() / ads.intColumn("impressions").sum();
                        Averaging each row's CTR gives a small ad with 3 impressions the weight of one with 2,000."""),
                Exercise.of("practice-median-bid", LESSON, "median bid", 1, PracticeExercises::medianBid, """
                        The median is the middle value once the bids are sorted (the mean of the two middle
                        ones for an even count); Tablesaw has it built in:
                            double medianBid = ads.doubleColumn("bid_cpc").median();"""),
                Exercise.question("practice-why-ctr", LESSON, "why not rank ads by clicks alone?", """
                        Clicks grow with impressions: an ad shown more often collects more clicks whether or
                        not people like it. Rank by click-through rate (clicks per impression), and distrust
                        the CTR of an ad with few impressions: 1 click in 3 impressions is 33% by luck."""));
    }

    static Verdict ctr(Answers answers) {
        double ctr = answers.number("ctr");
        Table ads = PracticeData.ads(answers.seed());
        double clicks = ads.intColumn("clicks").sum();
        double rowMean = 0;
        for (int i = 0; i < ads.rowCount(); i++) {
            rowMean += ads.intColumn("clicks").getInt(i)
                    / (double) ads.intColumn("impressions").getInt(i);
        }
        return NumberAnswer.of(ctr, 1e-9)
                .right(
                        clicks / ads.intColumn("impressions").sum(),
                        text("the day's CTR is %.4f (%.2f%%).", ctr, 100 * ctr))
                .mistake(
                        rowMean / ads.rowCount(),
                        "you averaged each ad's own CTR, so an ad with 3 impressions"
                                + " weighs as much as one with 2,000; divide the total clicks by the total impressions instead.")
                .mistake(
                        clicks / ads.rowCount(),
                        "you divided clicks by the number of rows (ads); CTR is per" + " impression.")
                .mistakeIf(ctr == 0, "ctr is 0: an integer division? Divide two doubles (sum() returns a double).")
                .otherwise(text(
                        "ctr is %.4f, which is not the share of impressions that were clicked; sum the clicks"
                                + " and the impressions over all rows, then divide.",
                        ctr));
    }

    static Verdict medianBid(Answers answers) {
        double median = answers.number("medianBid");
        double[] bids = PracticeData.ads(answers.seed()).doubleColumn("bid_cpc").asDoubleArray();
        Arrays.sort(bids);
        int n = bids.length;
        double expected = n % 2 == 1 ? bids[n / 2] : (bids[n / 2 - 1] + bids[n / 2]) / 2;
        if (close(median, expected, 1e-9)) {
            return Verdict.pass(text("half the ads bid less than %.3f per click.", median));
        }
        if (close(median, Arrays.stream(bids).average().orElse(Double.NaN), 1e-9)) {
            return Verdict.hint("that is the mean; a few high bids pull it up. The median is the middle value.");
        }
        if (median == bids[n / 2] || median == bids[n / 2 - 1]) {
            return Verdict.partial(
                    0.5, "close: with an even number of ads, the median is the mean of the two middle" + " values.");
        }
        return Verdict.hint(text("medianBid is %.4f: sort bid_cpc and take the middle value.", median));
    }
}
