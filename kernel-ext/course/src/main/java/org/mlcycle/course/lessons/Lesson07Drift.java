package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.close;
import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.drift.ColumnDrift;
import org.mlcycle.toolkit.drift.DriftReport;
import org.mlcycle.toolkit.exercises.AnswerProblem;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;

/**
 * The exercises of lessons/07-drift.ipynb, on the learner's own samples ({@link Lesson07Data#draws}):
 * each check makes them again from the variant seed.
 */
final class Lesson07Drift {
    private Lesson07Drift() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson07-device-psi",
                        "07-drift",
                        "PSI of device by hand, on your samples",
                        1,
                        Lesson07Drift::devicePsi,
                        """
                        Sum over the categories i: (cur_i - ref_i) * ln(cur_i / ref_i), with the shares from
                        harmfulDrift.column("device").refShares() and .curShares()."""),
                Exercise.of(
                        "lesson07-drift-alert",
                        "07-drift",
                        "a drift alert that fires only on the harmful shift",
                        2,
                        Lesson07Drift::driftAlert,
                        """
                        Compare the PSI of every column in the two reports: device moved as much in the harmless
                        sample as in the harmful one, so an alert on device fires on both. query_category (the
                        travel searches) moved only in the harmful one. Alert on it, with a threshold between its
                        two PSIs, e.g. the usual 0.1:
                            alertColumn = "query_category";  alertThreshold = 0.1;
                            psiHarmless = harmlessDrift.column(alertColumn).psi();
                            psiHarmful = harmfulDrift.column(alertColumn).psi();"""));
    }

    static Verdict devicePsi(Answers a) {
        double psi = a.number("devicePsi");
        Lesson07Data.Draws draws = Lesson07Data.draws(a.seed());
        ColumnDrift device = Lesson07Data.drift(draws, draws.harmful()).column("device");
        int mobile = device.bins().indexOf("mobile");
        double reversed = 0;
        for (int i = 0; i < device.bins().size(); i++) {
            double r = device.refShares().get(i), c = device.curShares().get(i);
            reversed += (c - r) * Math.log(r / c);
        }
        return NumberAnswer.of(psi, 1e-6)
                .right(
                        device.psi(),
                        text(
                                "device PSI = %.3f on your samples (mobile share %.1f%% -> %.1f%%).",
                                psi,
                                100 * device.refShares().get(mobile),
                                100 * device.curShares().get(mobile)))
                .mistake(
                        reversed,
                        "PSI cannot be negative: each term (cur - ref) * ln(cur / ref) is >= 0. Check the"
                                + " order inside the logarithm.")
                .mistakeIf(psi < 0, "PSI cannot be negative: each term (cur - ref) * ln(cur / ref) is >= 0.")
                .otherwise(text(
                        "devicePsi is %.6f: sum (current - reference) * ln(current / reference) over the"
                                + " categories of harmfulDrift's device column (natural log).",
                        psi));
    }

    static Verdict driftAlert(Answers a) {
        Object named = a.value("alertColumn");
        if (!(named instanceof String column)) {
            throw AnswerProblem.wrongKind("alertColumn", named, "a column name (String)");
        }
        double threshold = a.number("alertThreshold");
        double statedHarmless = a.number("psiHarmless"), statedHarmful = a.number("psiHarmful");
        Lesson07Data.Draws draws = Lesson07Data.draws(a.seed());
        DriftReport harmless = Lesson07Data.drift(draws, draws.harmless()),
                harmful = Lesson07Data.drift(draws, draws.harmful());
        double onHarmless, onHarmful;
        try {
            onHarmless = harmless.column(column).psi();
            onHarmful = harmful.column(column).psi();
        } catch (IllegalArgumentException e) {
            return Verdict.hint(
                    text("the drift reports have no column '%s': pick one of the columns they list.", column));
        }
        if (!close(statedHarmless, onHarmless, 1e-6) || !close(statedHarmful, onHarmful, 1e-6)) {
            if (close(statedHarmless, onHarmful, 1e-6) && close(statedHarmful, onHarmless, 1e-6)) {
                return Verdict.hint("psiHarmless and psiHarmful are swapped.");
            }
            return Verdict.hint(text(
                    "psiHarmless and psiHarmful should be the PSI of %s in harmlessDrift and in"
                            + " harmfulDrift: the numbers your alert is judged on.",
                    column));
        }
        boolean firesOnHarmful = onHarmful > threshold, firesOnHarmless = onHarmless > threshold;
        if (firesOnHarmful && !firesOnHarmless) {
            return Verdict.pass(text(
                    "PSI of %s above %.3g: %.3f on the harmful shift (fires), %.3f on the harmless one" + " (silent).",
                    column, threshold, onHarmful, onHarmless));
        }
        if (firesOnHarmful) {
            return Verdict.hint(text(
                    "your alert also fires on the harmless shift (PSI %.3f there): an alert that fires"
                            + " when nothing is lost teaches the team to ignore it. Raise the threshold, or choose a column"
                            + " that moved only in the harmful sample.",
                    onHarmless));
        }
        if (firesOnHarmless) {
            return Verdict.hint("your alert fires on the harmless shift and stays silent on the harmful one: that is"
                    + " the wrong way round. Choose another column.");
        }
        return Verdict.hint(text(
                "your alert stays silent on the harmful shift (PSI %.3f there): lower the threshold or"
                        + " choose a column that moved more.",
                onHarmful));
    }
}
