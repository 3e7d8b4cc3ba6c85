package org.mlcycle.course.lessons;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.split.Split;
import tech.tablesaw.api.Table;

/** The exercises of lessons/03-features-and-splits.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson03FeaturesAndSplits {
    private static final String TABLE = "a Tablesaw Table";

    private Lesson03FeaturesAndSplits() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson03-late-split", "03-features-and-splits", "an out-of-time split with a later cutoff",
                        1, Lesson03FeaturesAndSplits::lateSplit, """
                        Rows with day >= cutoff test, so the cutoff is the first test day:
                            Split lateSplit = Splits.outOfTime(all, "day", -55.0);"""));
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
}
