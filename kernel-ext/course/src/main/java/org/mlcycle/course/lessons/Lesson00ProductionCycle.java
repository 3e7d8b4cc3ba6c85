package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

import java.util.Arrays;
import java.util.List;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.journal.Stage;
import tech.tablesaw.api.Table;

/** The exercises of lessons/00-production-cycle.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson00ProductionCycle {
    private Lesson00ProductionCycle() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson00-loops-back",
                        "00-production-cycle",
                        tr("lesson00-loops-back.title"),
                        2,
                        Lesson00ProductionCycle::loopsBack,
                        lines(tr("lesson00-loops-back.answer"), code("""
                                onCall = Stage.MONITORING;
                                for (int i = 1; i < team.rowCount(); i++)
                                    if (stage(i).number() < stage(i - 1).number()) {
                                        backwards++; returnsTo.merge(stage(i), 1, Integer::sum); }
                                mostReturns = the stage with the most returns;"""), tr("lesson00-loops-back.answer.2"))),
                Exercise.of(
                        "lesson00-staff-stage",
                        "00-production-cycle",
                        tr("lesson00-staff-stage.title"),
                        2,
                        Lesson00ProductionCycle::staffStage,
                        lines(tr("lesson00-staff-stage.answer"), code("""
                                Map<String, Double> weeksIn = new LinkedHashMap<>();
                                for (int i = 0; i < team.rowCount(); i++)
                                    weeksIn.merge(team.stringColumn("stage").get(i), team.doubleColumn("weeks").get(i), Double::sum);
                                String top = Collections.max(weeksIn.entrySet(), Map.Entry.comparingByValue()).getKey();
                                staffStage = Arrays.stream(Stage.values()).filter(s -> s.label().equals(top)).findFirst().get();
                                staffShare = weeksIn.get(top) / team.doubleColumn("weeks").sum();"""))));
    }

    static Verdict staffStage(Answers a) {
        Stage chosen = a.value("staffStage", Stage.class, tr("lesson00-staff-stage.asks.stage-example-stage"));
        double share = a.number("staffShare");
        Table team = StudentVariants.teamLog(a.seed());
        double[] weeks = StudentVariants.weeksByStage(team);
        double total = Arrays.stream(weeks).sum();
        Stage busiest = Stage.values()[argMax(weeks)];
        int[] steps = new int[Stage.values().length];
        for (String label : team.stringColumn("stage")) {
            steps[StudentVariants.stageOf(label).ordinal()]++;
        }
        if (chosen != busiest) {
            if (steps[chosen.ordinal()] == Arrays.stream(steps).max().orElseThrow()) {
                return Verdict.hint(tr("lesson00-staff-stage.hint.among-stages-most", chosen.label()));
            }
            return Verdict.hint(
                    tr("lesson00-staff-stage.hint.took-weeks-another", chosen.label(), weeks[chosen.ordinal()]));
        }
        return NumberAnswer.of(share, 1e-6)
                .right(
                        weeks[busiest.ordinal()] / total,
                        tr(
                                "lesson00-staff-stage.pass.took-team-weeks",
                                busiest.label(),
                                weeks[busiest.ordinal()],
                                total,
                                100 * share))
                .mistake(
                        steps[busiest.ordinal()] / (double) team.rowCount(),
                        tr("lesson00-staff-stage.mistake.stage-share-steps"))
                .mistake(weeks[busiest.ordinal()], tr("lesson00-staff-stage.mistake.stage-weeks-divide"))
                .otherwise(tr("lesson00-staff-stage.otherwise.staffshare-busiest-stage", share));
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static Verdict loopsBack(Answers a) {
        Stage onCall = a.value("onCall", Stage.class, tr("lesson00-loops-back.asks.stage-example-stage"));
        if (onCall != Stage.MONITORING) {
            return Verdict.hint(
                    onCall == Stage.DEPLOYMENT
                            ? tr("lesson00-loops-back.hint.deployment-happens-once")
                            : tr("lesson00-loops-back.hint.work-planned-advance", onCall.label()));
        }
        List<Stage> stages = StudentVariants.stagesOf(StudentVariants.teamLog(a.seed()));
        int[] returns = StudentVariants.returnsByStage(stages);
        int loops = Arrays.stream(returns).sum();
        Stage most =
                Stage.values()[argMax(Arrays.stream(returns).asDoubleStream().toArray())];
        Stage mostReturns = a.value("mostReturns", Stage.class, tr("lesson00-loops-back.asks.stage-example-stage"));
        if (mostReturns != most) {
            return Verdict.hint(tr("lesson00-loops-back.hint.loops-back-land", mostReturns.label()));
        }
        long backwards = a.whole("backwards");
        int changes = 0;
        for (int i = 1; i < stages.size(); i++) {
            changes += stages.get(i) != stages.get(i - 1) ? 1 : 0;
        }
        return NumberAnswer.of(backwards, 0)
                .right(
                        loops,
                        tr(
                                "lesson00-loops-back.pass.monitoring-needs-someone",
                                returns[most.ordinal()],
                                loops,
                                most.label()))
                .mistake(changes, tr("lesson00-loops-back.mistake.counted-every-change"))
                .otherwise(tr("lesson00-loops-back.otherwise.backwards-number-loops", backwards));
    }
}
