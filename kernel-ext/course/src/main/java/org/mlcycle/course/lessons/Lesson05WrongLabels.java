package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.labels.AgreementReport;

/** The exercises of lessons/05-wrong-labels.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson05WrongLabels {
    private Lesson05WrongLabels() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson05-kappa", "05-wrong-labels", "Cohen's kappa by hand", 1,
                        Lesson05WrongLabels::kappa, """
                        With n the total, p_o = (c[0][0] + c[1][1]) / n; p_e multiplies A's share of each class
                        (a row total / n) by B's share (a column total / n) and adds the two classes;
                        kappa = (p_o - p_e) / (1 - p_e)."""));
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
}
