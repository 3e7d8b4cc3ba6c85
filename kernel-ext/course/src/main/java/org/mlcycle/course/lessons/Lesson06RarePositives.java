package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.metrics.Confusion;

/** The exercises of lessons/06-rare-positives.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson06RarePositives {
    private Lesson06RarePositives() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson06-always-show-f1", "06-rare-positives", "F1 of always showing", 1,
                        Lesson06RarePositives::alwaysShowF1, """
                        Precision is the share of positives among all rows, recall is 1:
                            double p = positives / (double) rows;  double alwaysShowF1 = 2 * p / (p + 1);"""));
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
}
