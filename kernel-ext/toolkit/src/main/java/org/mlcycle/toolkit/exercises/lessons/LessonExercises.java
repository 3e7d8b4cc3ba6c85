package org.mlcycle.toolkit.exercises.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.ExerciseSet;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.experiment.AbResult;
import org.mlcycle.toolkit.experiment.ArmResult;
import org.mlcycle.toolkit.journal.Stage;
import org.mlcycle.toolkit.journal.StagePath;
import org.mlcycle.toolkit.labels.AgreementReport;
import org.mlcycle.toolkit.metrics.Confusion;
import org.mlcycle.toolkit.split.Split;
import tech.tablesaw.api.Table;

/**
 * One exercise per lesson. Each check recomputes the expected value from the lesson's own data
 * (tables and reports the lesson built before the exercise), then names the likely mistake when
 * the answer matches one. The model answers are here, not in the notebooks.
 */
public final class LessonExercises implements ExerciseSet {
    private static final String TABLE = "a Tablesaw Table";

    @Override
    public List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson00-loops-back", "00-production-cycle", "count the loops back", 1,
                        LessonExercises::loopsBack, """
                        Walk the steps and compare each stage number with the one before it:
                            int backwards = 0;
                            for (int i = 1; i < plan.size(); i++)
                                if (plan.get(i).stage().number() < plan.get(i - 1).stage().number()) backwards++;"""),
                Exercise.of("lesson01-rpm", "01-scoping", "revenue per thousand impressions", 1,
                        LessonExercises::rpm, """
                        Revenue is clicks x the ad's bid_cpc, summed over the rows; divide by the impressions
                        (not the rows) and multiply by 1,000:
                            for each row: total += Click * price.get(AdID); shown += Impression;
                            double rpm = 1000 * total / shown;"""),
                Exercise.of("lesson02-exact-show-rate", "02-data-and-labels", "A's show rate on exact matches", 1,
                        LessonExercises::exactShowRate, """
                        Keep the rows whose kw_match is "exact", then take the mean of label_a:
                            Table exact = million.where(million.stringColumn("kw_match").isEqualTo("exact"));
                            double exactShowRate = exact.intColumn("label_a").sum() / exact.rowCount();"""),
                Exercise.of("lesson03-late-split", "03-features-and-splits", "an out-of-time split with a later cutoff",
                        1, LessonExercises::lateSplit, """
                        Rows with day >= cutoff test, so the cutoff is the first test day:
                            Split lateSplit = Splits.outOfTime(all, "day", -55.0);"""),
                Exercise.of("lesson04-precision-at-100", "04-first-model", "precision at 100", 1,
                        LessonExercises::precisionAt100, """
                        Sort by p_1, highest first, keep 100 rows, and take the share of label_a == 1:
                            Table top100 = scored.sortDescendingOn("p_1").first(100);
                            double precisionAt100 = top100.intColumn("label_a").sum() / 100.0;"""),
                Exercise.of("lesson05-kappa", "05-wrong-labels", "Cohen's kappa by hand", 1,
                        LessonExercises::kappa, """
                        With n the total, p_o = (c[0][0] + c[1][1]) / n; p_e multiplies A's share of each class
                        (a row total / n) by B's share (a column total / n) and adds the two classes;
                        kappa = (p_o - p_e) / (1 - p_e)."""),
                Exercise.of("lesson06-always-show-f1", "06-rare-positives", "F1 of always showing", 1,
                        LessonExercises::alwaysShowF1, """
                        Precision is the share of positives among all rows, recall is 1:
                            double p = positives / (double) rows;  double alwaysShowF1 = 2 * p / (p + 1);"""),
                Exercise.of("lesson07-device-psi", "07-drift", "PSI of device by hand", 1,
                        LessonExercises::devicePsi, """
                        Sum over the categories i: (cur_i - ref_i) * ln(cur_i / ref_i), with the shares from
                        drift.column("device").refShares() and .curShares()."""),
                Exercise.of("lesson08-only-model", "08-deploy", "candidates only the model shows", 1,
                        LessonExercises::onlyModel, """
                        long onlyModel = 0;
                        for (int i = 0; i < n; i++) if (modelShows[i] && !legacyShows[i]) onlyModel++;"""),
                Exercise.of("lesson09-worst-day", "09-monitor", "the never-retrained model's worst day", 1,
                        LessonExercises::worstDay, """
                        Find the position of the smallest value in never.daily() and take the day at the same
                        position in days."""),
                Exercise.of("lesson10-rpm-requests", "10-business-analysis", "revenue per 1,000 requests", 1,
                        LessonExercises::rpmRequests, """
                        double rpmRequests = 1000 * launched.revenue() / 25_000;
                        (revenue is clicks x bid_cpc over model_v1's rows; the denominator is requests, not
                        impressions)"""),
                Exercise.of("lesson13-f1-dont-show", "13-interview-walkthrough", "F1 with 'don't show' positive", 1,
                        LessonExercises::f1DontShow, """
                        With "don't show" as the positive class and every row predicted "don't show", recall is 1
                        and precision is the share of negatives:
                            double p = negatives / (double) rows;  double f1DontShow = 2 * p / (p + 1);"""),
                Exercise.of("lesson11-z", "11-online-experiment", "the z statistic by hand", 1,
                        LessonExercises::zByHand, """
                        The pooled two-proportion z-test, from the per-arm counts:
                            ArmResult c = ab.control(), t = ab.treatment();
                            double pooled = (c.clicks() + t.clicks()) / (double) (c.impressions() + t.impressions());
                            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / c.impressions() + 1.0 / t.impressions()));
                            double myZ = (t.ctr() - c.ctr()) / se;"""),
                Exercise.question("lesson13-q1-stages", "13-interview-walkthrough", "the stages of the production cycle", """
                        Scoping (goal, constraints, evaluation criteria, stakeholders; product and domain skills),
                        data management (sources, storage, processing, versioning; data engineering), model
                        development (labels, features, training, evaluation; statistics and ML), deployment (serving
                        within latency and memory limits; infrastructure), monitoring and maintenance (decay, drift,
                        retraining; systems and pipelines), business analysis (measure against the business goal;
                        analytics). It is a loop, not a line: in this course error analysis sent the work back to
                        data several times, and the business result sent it back to scoping."""),
                Exercise.question("lesson13-q2-accuracy", "13-interview-walkthrough", "a 99.99% accurate model", """
                        Not without the base rate. Among random (query, ad) pairs almost none should be shown, so
                        "never show" alone scores that accuracy with zero recall. Ask for precision and recall of
                        the rare class, PR-AUC, and the confusion matrix; then fix the data (collect positives on
                        purpose), weigh or resample the training rows only, and choose the threshold for what the
                        product needs (lesson 6)."""),
                Exercise.question("lesson13-q3-annotators", "13-interview-walkthrough", "checking annotators", """
                        Have a second annotator label a *random* subset independently (chosen without looking at the
                        first labels, or the estimate is biased). Measure agreement corrected for chance (Cohen's
                        kappa for two, Fleiss' kappa for more), then read where they disagree: here most
                        disagreements are on brand searches, which led to an ambiguous guideline. Fix the guideline
                        first, then relabel; use confident learning to prioritise rows for review. Audit a sample
                        against expert answers to estimate each annotator's error rate (lesson 5)."""),
                Exercise.question("lesson13-q4-same-distribution", "13-interview-walkthrough", "two samples, one distribution?", """
                        Per column: KS or Wasserstein for numbers, chi-square for categories, PSI for a
                        thresholdable score; jointly, a classifier two-sample test (train a model to tell the
                        samples apart; an AUC near 0.5 means they look alike). Watch the sample sizes: with large
                        samples every test is significant, so decide on effect sizes. Note what the check above
                        shows: the pair features (keyword match, text similarity) barely move, while who searches
                        (device) and for what (query category) moved a lot; a check on the raw log columns alone
                        would have missed it. And a shifted input is a warning, not proof of harm; check the model
                        on labeled recent data."""),
                Exercise.question("lesson13-q5-test-vs-production", "13-interview-walkthrough", "great on test, poor in production", """
                        Hypotheses: (1) the test set is not like production: a random split of old data hides decay,
                        so evaluate out of time; (2) covariate shift: new users, devices or queries; (3) concept
                        shift: the right answer changed, as in the slice above; (4) training/serving skew: the
                        features are computed differently when serving; (5) a feedback loop or a pipeline bug. Check
                        with an out-of-time test set, per-slice metrics, a drift report, a parity check of served
                        features, and labeled recent samples. Fix by retraining on recent data with features that
                        can express the change (lesson 7), and monitor with alerts (lesson 9)."""),
                Exercise.question("lesson13-q6-objectives", "13-interview-walkthrough", "business vs ML objective", """
                        The business objective is what the company wants (revenue, user satisfaction); the ML
                        objective is what a model can be trained and evaluated on (here: predict raters' "should
                        show"). The ML objective is a proxy; optimising it hard can pull it away from the goal, as
                        when more impressions brought fewer clicks and less revenue. Tie the offline metric to an
                        online business metric, test online against the current system, and be ready to change the
                        objective."""));
    }

    static Verdict loopsBack(Answers a) {
        long backwards = a.whole("backwards");
        StagePath path = a.value("path", StagePath.class, "the lesson's StagePath");
        List<Stage> stages = path.stages();
        int changes = 0;
        for (int i = 1; i < stages.size(); i++) {
            changes += stages.get(i) != stages.get(i - 1) ? 1 : 0;
        }
        return NumberAnswer.of(backwards, 0)
                .right(path.loops(), "the route loops back " + backwards + " times.")
                .mistake(changes, "you counted every change of stage; a loop back is only a move to a smaller stage"
                        + " number.")
                .otherwise("backwards is " + backwards + ", which is not the number of loops back. Compare each step's"
                        + " stage number with the one of the step before it.");
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

    static Verdict exactShowRate(Answers a) {
        double rate = a.number("exactShowRate");
        Table million = a.value("million", Table.class, TABLE);
        long rows = 0;
        long shows = 0;
        for (int i = 0; i < million.rowCount(); i++) {
            if (million.stringColumn("kw_match").get(i).equals("exact")) {
                rows++;
                shows += million.intColumn("label_a").getInt(i);
            }
        }
        return NumberAnswer.of(rate, 1e-9)
                .right(shows / (double) rows, text("A says 'show' for %.1f%% of exact matches, against %.0f per"
                        + " million pairs overall.", 100 * rate,
                        1e6 * million.intColumn("label_a").sum() / million.rowCount()))
                .mistake(shows / (double) million.rowCount(), "you divided by all million pairs; the share is among"
                        + " the exact matches only.")
                .mistakeIf(rate == 0 && shows > 0, "exactShowRate is 0 although some exact matches are labelled"
                        + " 'show': an integer division?")
                .otherwise(text("exactShowRate is %.6f: count label_a == 1 among rows whose kw_match is \"exact\","
                        + " divided by those rows.", rate));
    }

    static Verdict lateSplit(Answers a) {
        Split split = a.value("lateSplit", Split.class, "a Split (Splits.outOfTime)");
        Table all = a.value("all", Table.class, TABLE);
        Table test = split.test(all);
        Table train = split.train(all);
        Set<Integer> testDays = new TreeSet<>(test.intColumn("day").asList());
        if (!testDays.equals(Set.of(-55, -54, -1))) {
            return Verdict.hint("the test part covers days " + testDays + ", not the three asked for. Rows with day <"
                    + " cutoff train, rows with day >= cutoff test.");
        }
        if (train.intColumn("day").max() >= -55 || train.rowCount() + test.rowCount() != all.rowCount()) {
            return Verdict.hint("the training part must hold every row before day -55 and nothing else.");
        }
        return Verdict.pass(train.rowCount() + " rows train, " + test.rowCount() + " rows test, days " + testDays + ".");
    }

    static Verdict precisionAt100(Answers a) {
        double precision = a.number("precisionAt100");
        Table scored = a.value("scored", Table.class, TABLE);
        Table top = scored.sortDescendingOn("p_1").first(100);
        Table bottom = scored.sortAscendingOn("p_1").first(100);
        return NumberAnswer.of(precision, 1e-9)
                .right(top.intColumn("label_a").sum() / 100.0, "precision at 100 is " + precision + ".")
                .mistake(bottom.intColumn("label_a").sum() / 100.0, "you took the 100 lowest scores; sort by p_1"
                        + " highest first.")
                .otherwise("precisionAt100 is " + precision + ": sort the test rows by p_1 (highest first), take 100,"
                        + " count label_a == 1, divide by 100.");
    }

    static Verdict kappa(Answers a) {
        double kappa = a.number("myKappa");
        AgreementReport agreement = a.value("agreement", AgreementReport.class, "the lesson's AgreementReport");
        return NumberAnswer.of(kappa, 1e-9)
                .right(agreement.kappa(), text("kappa = %.3f (%s agreement).", kappa, agreement.strength()))
                .mistake(agreement.observedAgreement(), "that is the observed agreement p_o; kappa corrects it for"
                        + " the agreement expected by chance.")
                .otherwise(text("myKappa is %.6f. Check p_e: multiply A's share of a class (a row total) by B's"
                        + " share (a column total), for each class, and add.", kappa));
    }

    static Verdict alwaysShowF1(Answers a) {
        double f1 = a.number("alwaysShowF1");
        boolean[] actual = a.value("randomActual", boolean[].class, "the boolean[] of actual labels");
        boolean[] everything = new boolean[actual.length];
        java.util.Arrays.fill(everything, true);
        Confusion always = Confusion.of(actual, everything);
        return NumberAnswer.of(f1, 1e-9)
                .right(always.f1(), text("always 'show' has F1 %.5f, although 'never show' is %.3f%% accurate.", f1,
                        100 * (1 - always.precision())))
                .mistake(always.precision(), "that is the precision; F1 = 2PR / (P + R) with R = 1.")
                .otherwise(text("alwaysShowF1 is %.6g: F1 = 2PR / (P + R) with P = positives / rows and R = 1.", f1));
    }

    static Verdict devicePsi(Answers a) {
        double psi = a.number("devicePsi");
        ColumnDrift device = a.value("drift", DriftReport.class, "the lesson's DriftReport").column("device");
        int mobile = device.bins().indexOf("mobile");
        return NumberAnswer.of(psi, 1e-6)
                .right(device.psi(), text("device PSI = %.3f (mobile share %.1f%% -> %.1f%%).", psi,
                        100 * device.refShares().get(mobile), 100 * device.curShares().get(mobile)))
                .mistakeIf(psi < 0, "PSI cannot be negative: each term (cur - ref) * ln(cur / ref) is >= 0. Check the"
                        + " order inside the logarithm.")
                .otherwise(text("devicePsi is %.6f: sum (current - reference) * ln(current / reference) over the"
                        + " categories (natural log).", psi));
    }

    static Verdict onlyModel(Answers a) {
        long only = a.whole("onlyModel");
        boolean[] model = a.value("modelShows", boolean[].class, "a boolean[]");
        boolean[] legacy = a.value("legacyShows", boolean[].class, "a boolean[]");
        long expected = 0;
        long both = 0;
        long onlyLegacy = 0;
        for (int i = 0; i < model.length; i++) {
            expected += model[i] && !legacy[i] ? 1 : 0;
            both += model[i] && legacy[i] ? 1 : 0;
            onlyLegacy += !model[i] && legacy[i] ? 1 : 0;
        }
        return NumberAnswer.of(only, 0)
                .right(expected, only + " candidates would get an ad only under the model.")
                .mistake(both, "you counted rows where both show; the question is the model showing and legacy not.")
                .mistake(onlyLegacy, "you counted it the wrong way round: legacy showing and the model not.")
                .otherwise("onlyModel is " + only + ": count rows where modelShows[i] is true and legacyShows[i] is"
                        + " false.");
    }

    static Verdict worstDay(Answers a) {
        long day = a.whole("worstDay");
        List<?> daily = (List<?>) a.eval("never.daily()");
        List<?> days = a.value("days", List.class, "the list of days");
        int lowest = 0;
        int highest = 0;
        for (int k = 1; k < daily.size(); k++) {
            double v = ((Number) daily.get(k)).doubleValue();
            lowest = v < ((Number) daily.get(lowest)).doubleValue() ? k : lowest;
            highest = v > ((Number) daily.get(highest)).doubleValue() ? k : highest;
        }
        return NumberAnswer.of(day, 0)
                .right(((Number) days.get(lowest)).longValue(),
                        text("day %d, ROC-AUC %.3f.", day, ((Number) daily.get(lowest)).doubleValue()))
                .mistake(((Number) days.get(highest)).longValue(), "that is the best day; the question asks for the"
                        + " lowest daily ROC-AUC.")
                .otherwise("worstDay is " + day + ": find the smallest value of never.daily() and take the day at the"
                        + " same position in days.");
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

    static Verdict f1DontShow(Answers a) {
        double f1 = a.number("f1DontShow");
        boolean[] show = a.value("show", boolean[].class, "the boolean[] of 'show' labels");
        long negatives = 0;
        for (boolean s : show) {
            negatives += s ? 0 : 1;
        }
        double precision = negatives / (double) show.length; // every row is predicted "don't show"
        return NumberAnswer.of(f1, 1e-9)
                .right(2 * precision / (precision + 1), text("F1 %.5f with 'don't show' positive; with 'show'"
                        + " positive the same rule finds no positive at all.", f1))
                .mistakeIf(f1 == 0, "0 is the F1 with 'show' as the positive class; swap the classes first.")
                .otherwise(text("f1DontShow is %.6f: with 'don't show' positive, precision = share of negatives,"
                        + " recall = 1.", f1));
    }

    static Verdict zByHand(Answers a) {
        double z = a.number("myZ");
        AbResult ab = a.value("ab", AbResult.class, "the lesson's AbResult");
        ArmResult c = ab.control(), t = ab.treatment();
        double pooled = (c.clicks() + t.clicks()) / (double) (c.impressions() + t.impressions());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / c.impressions() + 1.0 / t.impressions()));
        double unpooled = Math.sqrt(c.ctr() * (1 - c.ctr()) / c.impressions() + t.ctr() * (1 - t.ctr()) / t.impressions());
        double perRequest = Math.sqrt(pooled * (1 - pooled) * (1.0 / c.requests() + 1.0 / t.requests()));
        double right = (t.ctr() - c.ctr()) / se;
        return NumberAnswer.of(z, 1e-6 * Math.max(1, Math.abs(right)))
                .right(right, text("z = %.2f, the same as the test's; |z| above 1.96 is p below 0.05.", z))
                .mistake(-right, "the sign is the wrong way round: take treatment minus control.")
                .mistake((t.ctr() - c.ctr()) / unpooled, "that uses each arm's own CTR in the standard error (the"
                        + " interval's); the test assumes no difference, so it pools the clicks of both arms.")
                .mistake((t.ctr() - c.ctr()) / perRequest, "the trials of a CTR are impressions, not requests.")
                .otherwise(text("myZ is %.4f: (CTR treatment - CTR control) / sqrt(p (1 - p) (1/n1 + 1/n2)), p the"
                        + " pooled CTR and n the impressions of each arm.", z));
    }
}
