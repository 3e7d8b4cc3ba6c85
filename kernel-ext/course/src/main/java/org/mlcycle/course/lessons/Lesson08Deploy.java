package org.mlcycle.course.lessons;

import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;

/** The exercises of lessons/08-deploy.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson08Deploy {
    private Lesson08Deploy() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of("lesson08-only-model", "08-deploy", "candidates only the model shows", 1,
                        Lesson08Deploy::onlyModel, """
                        long onlyModel = 0;
                        for (int i = 0; i < n; i++) if (modelShows[i] && !legacyShows[i]) onlyModel++;"""));
    }

    static Verdict onlyModel(Answers a) {
        long only = a.whole("onlyModel");
        boolean[] model = a.value("modelShows", boolean[].class, "a boolean[]");
        boolean[] legacy = a.value("legacyShows", boolean[].class, "a boolean[]");
        long expected = 0;
        long both = 0;
        long onlyLegacy = 0;
        for (int i = 0; i < model.length; i++) {
            expected += model[i] && !legacy[i] ? 1 : 0;
            both += model[i] && legacy[i] ? 1 : 0;
            onlyLegacy += !model[i] && legacy[i] ? 1 : 0;
        }
        return NumberAnswer.of(only, 0)
                .right(expected, only + " candidates would get an ad only under the model.")
                .mistake(both, "you counted rows where both show; the question is the model showing and legacy not.")
                .mistake(onlyLegacy, "you counted it the wrong way round: legacy showing and the model not.")
                .otherwise("onlyModel is " + only + ": count rows where modelShows[i] is true and legacyShows[i] is"
                        + " false.");
    }
}
