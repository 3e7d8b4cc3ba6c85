package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.experiment.AbResult;
import org.mlcycle.toolkit.experiment.ArmResult;

/** The exercises of lessons/11-online-experiment.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson11OnlineExperiment {
    private Lesson11OnlineExperiment() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson11-z", "11-online-experiment", "the z statistic by hand", 1,
                        Lesson11OnlineExperiment::zByHand, """
                        The pooled two-proportion z-test, from the per-arm counts:
                            ArmResult c = ab.control(), t = ab.treatment();
                            double pooled = (c.clicks() + t.clicks()) / (double) (c.impressions() + t.impressions());
                            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / c.impressions() + 1.0 / t.impressions()));
                            double myZ = (t.ctr() - c.ctr()) / se;"""));
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
