package org.mlcycle.course.lessons;

import java.util.ArrayList;
import java.util.List;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.ExerciseSet;

/**
 * The lessons' exercises, one {@link ExerciseSet}: a class per lesson holds its exercises, their
 * checks and model answers (the notebooks hold only {@code %check_answer id}). Each check recomputes
 * the expected value from the lesson's own data, then names the likely mistake when the answer
 * matches one.
 */
public final class LessonExercises implements ExerciseSet {
    @Override
    public List<Exercise> exercises() {
        List<Exercise> all = new ArrayList<>();
        all.addAll(Lesson00ProductionCycle.exercises());
        all.addAll(Lesson01Scoping.exercises());
        all.addAll(Lesson02DataAndLabels.exercises());
        all.addAll(Lesson03FeaturesAndSplits.exercises());
        all.addAll(Lesson04FirstModel.exercises());
        all.addAll(Lesson05WrongLabels.exercises());
        all.addAll(Lesson06RarePositives.exercises());
        all.addAll(Lesson07Drift.exercises());
        all.addAll(Lesson08Deploy.exercises());
        all.addAll(Lesson09Monitor.exercises());
        all.addAll(Lesson10BusinessAnalysis.exercises());
        all.addAll(Lesson11OnlineExperiment.exercises());
        all.addAll(Lesson12FeedbackLoops.exercises());
        all.addAll(Lesson13InterviewWalkthrough.exercises());
        all.addAll(Lesson14DesignClickPrediction.exercises());
        return List.copyOf(all);
    }
}
