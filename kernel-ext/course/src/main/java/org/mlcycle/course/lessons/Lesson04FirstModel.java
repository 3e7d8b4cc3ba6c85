package org.mlcycle.course.lessons;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import tech.tablesaw.api.Table;

/** The exercises of lessons/04-first-model.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson04FirstModel {
    private static final String TABLE = "a Tablesaw Table";

    private Lesson04FirstModel() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson04-precision-at-100", "04-first-model", "precision at 100", 1,
                        Lesson04FirstModel::precisionAt100, """
                        Sort by p_1, highest first, keep 100 rows, and take the share of label_a == 1:
                            Table top100 = scored.sortDescendingOn("p_1").first(100);
                            double precisionAt100 = top100.intColumn("label_a").sum() / 100.0;"""));
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
}
