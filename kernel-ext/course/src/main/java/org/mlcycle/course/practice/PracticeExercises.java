package org.mlcycle.course.practice;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;
import static org.mlcycle.toolkit.exercises.Verdict.close;

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
                Exercise.of(
                        "practice-ctr",
                        LESSON,
                        tr("practice-ctr.title"),
                        2,
                        PracticeExercises::ctr,
                        lines(tr("practice-ctr.answer"), code("""
                                double ctr = ads.intColumn("clicks").sum() / ads.intColumn("impressions").sum();"""), tr("practice-ctr.answer.2"))),
                Exercise.of(
                        "practice-median-bid",
                        LESSON,
                        tr("practice-median-bid.title"),
                        1,
                        PracticeExercises::medianBid,
                        lines(tr("practice-median-bid.answer"), code("""
                                double medianBid = ads.doubleColumn("bid_cpc").median();"""))),
                Exercise.question(
                        "practice-why-ctr", LESSON, tr("practice-why-ctr.title"), tr("practice-why-ctr.answer")));
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
                .right(clicks / ads.intColumn("impressions").sum(), tr("practice-ctr.pass.day-ctr", ctr, 100 * ctr))
                .mistake(rowMean / ads.rowCount(), tr("practice-ctr.mistake.averaged-each-ad"))
                .mistake(clicks / ads.rowCount(), tr("practice-ctr.mistake.divided-clicks-number"))
                .mistakeIf(ctr == 0, tr("practice-ctr.mistake.ctr-integer-division"))
                .otherwise(tr("practice-ctr.otherwise.ctr-share-impressions", ctr));
    }

    static Verdict medianBid(Answers answers) {
        double median = answers.number("medianBid");
        double[] bids = PracticeData.ads(answers.seed()).doubleColumn("bid_cpc").asDoubleArray();
        Arrays.sort(bids);
        int n = bids.length;
        double expected = n % 2 == 1 ? bids[n / 2] : (bids[n / 2 - 1] + bids[n / 2]) / 2;
        if (close(median, expected, 1e-9)) {
            return Verdict.pass(tr("practice-median-bid.pass.half-ads-bid", median));
        }
        if (close(median, Arrays.stream(bids).average().orElse(Double.NaN), 1e-9)) {
            return Verdict.hint(tr("practice-median-bid.hint.mean-few-high"));
        }
        if (median == bids[n / 2] || median == bids[n / 2 - 1]) {
            return Verdict.partial(0.5, tr("practice-median-bid.partial.close-even-number"));
        }
        return Verdict.hint(tr("practice-median-bid.hint.medianbid-sort-bid", median));
    }
}
