package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.mlcycle.course.variant.StudentRows;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;

/** The exercises of lessons/13-interview-walkthrough.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson13InterviewWalkthrough {
    /** Labels the raters give a day (lesson 9). */
    static final int LABELS_PER_DAY = 1_500;
    /** Positives an honest precision or recall needs (the course's rule). */
    static final int POSITIVES = 30;

    private Lesson13InterviewWalkthrough() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson13-f1-dont-show",
                        "13-interview-walkthrough",
                        "F1 with 'don't show' positive",
                        1,
                        Lesson13InterviewWalkthrough::f1DontShow,
                        """
                        With "don't show" as the positive class and every row predicted "don't show", recall is 1
                        and precision is the share of negatives:
                            double p = negatives / (double) rows;  double f1DontShow = 2 * p / (p + 1);"""),
                Exercise.of(
                        "lesson13-label-budget",
                        "13-interview-walkthrough",
                        "random or targeted labels?",
                        2,
                        Lesson13InterviewWalkthrough::labelBudget,
                        """
                        long positives = 0;
                        for (boolean s : myShow) positives += s ? 1 : 0;
                        double rate = new WilsonScoreInterval().createInterval(myShow.length, (int) positives, 0.95).getUpperBound();
                        long pairsFor30 = (long) Math.ceil(30 / rate);
                        long daysFor30 = (long) Math.ceil(pairsFor30 / 1500.0);
                        String collect = daysFor30 > 30 ? "targeted" : "random";
                        The upper end of the 95% Wilson interval is the most optimistic rate your draw allows: if
                        even that needs more than a month of labels, random labelling cannot deliver.
                        Random pairs are almost all negatives: thirty positives take months of labels, so the
                        answer in an interview is to collect candidates where positives are likely (retrieval,
                        targeted sampling), keep a small random sample to estimate the base rate, and weight."""),
                Exercise.question(
                        "lesson13-q1-stages", "13-interview-walkthrough", "the stages of the production cycle", """
                        Scoping (goal, constraints, evaluation criteria, stakeholders; product and domain skills),
                        data management (sources, storage, processing, versioning; data engineering), model
                        development (labels, features, training, evaluation; statistics and ML), deployment (serving
                        within latency and memory limits; infrastructure), monitoring and maintenance (decay, drift,
                        retraining; systems and pipelines), business analysis (measure against the business goal;
                        analytics). It is a loop, not a line: the route above, read from the journal, shows error
                        analysis sending the work from development back to data (after lessons 0 to 10, the
                        chart's title counts the loops back), and the business result sending it
                        back to scoping, a pivot of the objective from impressions to click-through rate."""),
                Exercise.question("lesson13-q2-accuracy", "13-interview-walkthrough", "a 99.99% accurate model", """
                        Not without the base rate. Among the 40,000 random (query, ad) pairs of two months ago
                        only 6 should be shown (the confusion above: tp 0, fn 6, tn 39994), so "never show"
                        alone scores accuracy 0.9999 with recall 0. Ask for precision and recall of
                        the rare class, PR-AUC, and the confusion matrix; then fix the data (collect positives on
                        purpose), weigh or resample the training rows only, and choose the threshold for what the
                        product needs (lesson 6)."""),
                Exercise.question("lesson13-q3-annotators", "13-interview-walkthrough", "checking annotators", """
                        Have a second annotator label a *random* subset independently (chosen without looking at the
                        first labels, or the estimate is biased). Measure agreement corrected for chance (Cohen's
                        kappa for two, Fleiss' kappa for more): here the two raters agree on 0.9397 of 4,911
                        rows, yet kappa is only 0.5659, moderate, because most rows are easy "no"s. Then read
                        where they disagree: 78.4% of the 296 disagreements are on brand searches, which led to
                        an ambiguous guideline. Fix the guideline
                        first, then relabel; use confident learning to prioritise rows for review. Audit a sample
                        against expert answers to estimate each annotator's error rate (lesson 5)."""),
                Exercise.question(
                        "lesson13-q4-same-distribution",
                        "13-interview-walkthrough",
                        "two samples, one distribution?",
                        """
                        Per column: KS or Wasserstein for numbers, chi-square for categories, PSI for a
                        thresholdable score; jointly, a classifier two-sample test (train a model to tell the
                        samples apart; an AUC near 0.5 means they look alike). Watch the sample sizes: with large
                        samples every test is significant, so decide on effect sizes. Note what the check above
                        shows: the pair features barely move (PSI 0.0006 for keyword match, 0.0003 for text
                        similarity), while who searches and for what moved a lot (PSI 0.2294 for device, 0.1905
                        for query category); a check on the raw log columns alone
                        would have missed it. And a shifted input is a warning, not proof of harm; check the model
                        on labeled recent data."""),
                Exercise.question(
                        "lesson13-q5-test-vs-production",
                        "13-interview-walkthrough",
                        "great on test, poor in production",
                        """
                        Hypotheses: (1) the test set is not like production: a random split of old data hides decay,
                        so evaluate out of time; (2) covariate shift: new users, devices or queries; (3) concept
                        shift: the right answer changed, as in the slice above, where travel x informational
                        pairs went from 0.3% labeled "show" to 25.0%; (4) training/serving skew: the
                        features are computed differently when serving; (5) a feedback loop or a pipeline bug. Check
                        with an out-of-time test set, per-slice metrics, a drift report, a parity check of served
                        features, and labeled recent samples. Fix by retraining on recent data with features that
                        can express the change (lesson 7), and monitor with alerts (lesson 9)."""),
                Exercise.question(
                        "lesson13-q6-objectives", "13-interview-walkthrough", "business vs ML objective", """
                        The business objective is what the company wants (revenue, user satisfaction); the ML
                        objective is what a model can be trained and evaluated on (here: predict raters' "should
                        show"). The ML objective is a proxy; optimising it hard can pull it away from the goal, as
                        when more impressions brought fewer clicks and less revenue: the impressions objective's
                        upper bound, model_v1, has a CTR of 1.9% against legacy's 3.7%. Tie the offline metric to an
                        online business metric, test online against the current system, and be ready to change the
                        objective."""));
    }

    static Verdict f1DontShow(Answers a) {
        double f1 = a.number("f1DontShow");
        boolean[] show = a.value("show", boolean[].class, "the boolean[] of 'show' labels");
        long negatives = 0;
        for (boolean s : show) {
            negatives += s ? 0 : 1;
        }
        double precision = negatives / (double) show.length; // every row is predicted "don't show"
        return NumberAnswer.of(f1, 1e-9)
                .right(
                        2 * precision / (precision + 1),
                        text(
                                "F1 %.5f with 'don't show' positive; with 'show'"
                                        + " positive the same rule finds no positive at all.",
                                f1))
                .mistakeIf(f1 == 0, "0 is the F1 with 'show' as the positive class; swap the classes first.")
                .otherwise(text(
                        "f1DontShow is %.6f: with 'don't show' positive, precision = share of negatives,"
                                + " recall = 1.",
                        f1));
    }

    /** How many of the random pairs the learner's draw holds: 15,000 to 35,000, from the seed. */
    static int drawSize(long seed, int rows) {
        return Math.min(rows, StudentRows.between(seed, 15_000, 35_000));
    }

    static Verdict labelBudget(Answers a) {
        long pairs = a.whole("pairsFor30");
        long days = a.whole("daysFor30");
        Object collect = a.value("collect");
        boolean[] show = a.value("show", boolean[].class, "the boolean[] of 'show' labels on randomOld");
        boolean[] mine =
                StudentRows.pick(show, StudentRows.sample(a.seed(), show.length, drawSize(a.seed(), show.length)));
        long positives = 0;
        for (boolean s : mine) {
            positives += s ? 1 : 0;
        }
        ConfidenceInterval wilson = new WilsonScoreInterval().createInterval(mine.length, (int) positives, 0.95);
        long expectedPairs = pairsFor(wilson.getUpperBound());
        long expectedDays = (long) Math.ceil(expectedPairs / (double) LABELS_PER_DAY);
        long allPositives = 0;
        for (boolean s : show) {
            allPositives += s ? 1 : 0;
        }
        ConfidenceInterval all = new WilsonScoreInterval().createInterval(show.length, (int) allPositives, 0.95);
        Verdict first = NumberAnswer.of(pairs, 0)
                .right(expectedPairs, "")
                .mistake(
                        pairsFor(Math.max(positives, 1) / (double) mine.length),
                        "that uses the draw's point rate; with so few positives it is too uncertain to plan on."
                                + " Use the upper end of its 95% Wilson interval, the most optimistic rate the"
                                + " draw allows.")
                .mistake(
                        wilson.getLowerBound() > 0 ? pairsFor(wilson.getLowerBound()) : -1,
                        "that is the lower end of the interval, the most pessimistic rate; the question is"
                                + " whether even the most optimistic rate (the upper end) gets there in time.")
                .mistake(pairsFor(all.getUpperBound()), "that rate is from all of randomOld; use your draw, myShow.")
                .mistake(
                        (long) Math.ceil(POSITIVES * wilson.getUpperBound()),
                        "30 x the rate is the wrong way round: pairs = 30 / rate.")
                .otherwise(text(
                        "pairsFor30 is %,d: your draw has %,d positives in %,d pairs; how many pairs give 30 at"
                                + " the upper end of the rate's 95%% Wilson interval (rounded up)?",
                        pairs, positives, mine.length));
        if (!first.passed()) {
            return first;
        }
        if (days != expectedDays) {
            return Verdict.hint(
                    text("daysFor30 is %,d: the raters label %,d pairs a day; round up.", days, LABELS_PER_DAY));
        }
        String expected = expectedDays > 30 ? "targeted" : "random";
        if (!expected.equals(collect)) {
            return Verdict.hint(text(
                    "%,d days of labels for thirty positives: is that within a month? collect is"
                            + " \"random\" or \"targeted\".",
                    expectedDays));
        }
        return Verdict.pass(text(
                "positives in your draw: %,d of %,d pairs, rate at most %.5f (Wilson, 95%%): at least %,d random"
                        + " pairs, %,d days of labels for 30 positives; collect %s.",
                positives, mine.length, wilson.getUpperBound(), expectedPairs, expectedDays, expected));
    }

    private static long pairsFor(double rate) {
        return (long) Math.ceil(POSITIVES / rate);
    }
}
