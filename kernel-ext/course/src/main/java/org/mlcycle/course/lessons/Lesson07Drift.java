package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;

/** The exercises of lessons/07-drift.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson07Drift {
    private Lesson07Drift() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson07-device-psi", "07-drift", "PSI of device by hand", 1,
                        Lesson07Drift::devicePsi, """
                        Sum over the categories i: (cur_i - ref_i) * ln(cur_i / ref_i), with the shares from
                        drift.column("device").refShares() and .curShares()."""));
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
}
