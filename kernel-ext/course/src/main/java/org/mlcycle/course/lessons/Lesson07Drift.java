package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;
import static org.mlcycle.toolkit.exercises.Verdict.close;

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
                        tr("lesson07-device-psi.title"),
                        1,
                        Lesson07Drift::devicePsi,
                        tr("lesson07-device-psi.answer")),
                Exercise.of(
                        "lesson07-drift-alert",
                        "07-drift",
                        tr("lesson07-drift-alert.title"),
                        2,
                        Lesson07Drift::driftAlert,
                        lines(tr("lesson07-drift-alert.answer"), code("""
                                alertColumn = "query_category";  alertThreshold = 0.1;
                                psiHarmless = harmlessDrift.column(alertColumn).psi();
                                psiHarmful = harmfulDrift.column(alertColumn).psi();"""))));
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
                        tr(
                                "lesson07-device-psi.pass.device-psi-samples",
                                psi,
                                100 * device.refShares().get(mobile),
                                100 * device.curShares().get(mobile)))
                .mistake(reversed, tr("lesson07-device-psi.mistake.psi-cannot-negative"))
                .mistakeIf(psi < 0, tr("lesson07-device-psi.mistake.psi-cannot-negative-2"))
                .otherwise(tr("lesson07-device-psi.otherwise.devicepsi-sum-current", psi));
    }

    static Verdict driftAlert(Answers a) {
        Object named = a.value("alertColumn");
        if (!(named instanceof String column)) {
            throw AnswerProblem.wrongKind("alertColumn", named, tr("lesson07-drift-alert.asks.column-name"));
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
            return Verdict.hint(tr("lesson07-drift-alert.hint.drift-reports-have", column));
        }
        if (!close(statedHarmless, onHarmless, 1e-6) || !close(statedHarmful, onHarmful, 1e-6)) {
            if (close(statedHarmless, onHarmful, 1e-6) && close(statedHarmful, onHarmless, 1e-6)) {
                return Verdict.hint(tr("lesson07-drift-alert.hint.psiharmless-psiharmful-swapped"));
            }
            return Verdict.hint(tr("lesson07-drift-alert.hint.psiharmless-psiharmful-should", column));
        }
        boolean firesOnHarmful = onHarmful > threshold, firesOnHarmless = onHarmless > threshold;
        if (firesOnHarmful && !firesOnHarmless) {
            return Verdict.pass(
                    tr("lesson07-drift-alert.pass.psi-above-harmful", column, threshold, onHarmful, onHarmless));
        }
        if (firesOnHarmful) {
            return Verdict.hint(tr("lesson07-drift-alert.hint.alert-fires-harmless", onHarmless));
        }
        if (firesOnHarmless) {
            return Verdict.hint(tr("lesson07-drift-alert.hint.alert-fires-harmless-2"));
        }
        return Verdict.hint(tr("lesson07-drift-alert.hint.alert-stays-silent", onHarmful));
    }
}
