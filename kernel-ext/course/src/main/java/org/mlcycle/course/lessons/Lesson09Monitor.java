package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;

/** The exercises of lessons/09-monitor.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson09Monitor {
    private Lesson09Monitor() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson09-worst-day", "09-monitor", "the never-retrained model's worst day", 1,
                        Lesson09Monitor::worstDay, """
                        Find the position of the smallest value in never.daily() and take the day at the same
                        position in days."""));
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
}
