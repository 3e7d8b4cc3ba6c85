package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import tech.tablesaw.api.Table;

/** The exercises of lessons/02-data-and-labels.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson02DataAndLabels {
    private static final String TABLE = "a Tablesaw Table";

    private Lesson02DataAndLabels() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson02-exact-show-rate", "02-data-and-labels", "A's show rate on exact matches", 1,
                        Lesson02DataAndLabels::exactShowRate, """
                        Keep the rows whose kw_match is "exact", then take the mean of label_a:
                            Table exact = million.where(million.stringColumn("kw_match").isEqualTo("exact"));
                            double exactShowRate = exact.intColumn("label_a").sum() / exact.rowCount();"""));
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
}
