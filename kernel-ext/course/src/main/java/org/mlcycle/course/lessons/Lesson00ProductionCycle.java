package org.mlcycle.course.lessons;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.journal.Stage;
import org.mlcycle.toolkit.journal.StagePath;

/** The exercises of lessons/00-production-cycle.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson00ProductionCycle {
    private Lesson00ProductionCycle() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson00-loops-back", "00-production-cycle", "count the loops back", 1,
                        Lesson00ProductionCycle::loopsBack, """
                        Walk the steps and compare each stage number with the one before it:
                            int backwards = 0;
                            for (int i = 1; i < plan.size(); i++)
                                if (plan.get(i).stage().number() < plan.get(i - 1).stage().number()) backwards++;"""));
    }

    static Verdict loopsBack(Answers a) {
        long backwards = a.whole("backwards");
        StagePath path = a.value("path", StagePath.class, "the lesson's StagePath");
        List<Stage> stages = path.stages();
        int changes = 0;
        for (int i = 1; i < stages.size(); i++) {
            changes += stages.get(i) != stages.get(i - 1) ? 1 : 0;
        }
        return NumberAnswer.of(backwards, 0)
                .right(path.loops(), "the route loops back " + backwards + " times.")
                .mistake(changes, "you counted every change of stage; a loop back is only a move to a smaller stage"
                        + " number.")
                .otherwise("backwards is " + backwards + ", which is not the number of loops back. Compare each step's"
                        + " stage number with the one of the step before it.");
    }
}
