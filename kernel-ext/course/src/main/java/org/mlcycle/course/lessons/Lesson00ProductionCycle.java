package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

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
                        "who is on call, where your team's loops return, how many",
                        2,
                        Lesson00ProductionCycle::loopsBack,
                        """
                        The live model fails at night in the monitoring stage; count, for each loop back in your
                        team's route, the stage it returns to, and the loops themselves:
                            onCall = Stage.MONITORING;
                            for (int i = 1; i < team.rowCount(); i++)
                                if (stage(i).number() < stage(i - 1).number()) {
                                    backwards++; returnsTo.merge(stage(i), 1, Integer::sum); }
                            mostReturns = the stage with the most returns;
                        where stage(i) is the Stage whose label() is team.stringColumn("stage").get(i)."""),
                Exercise.of(
                        "lesson00-staff-stage",
                        "00-production-cycle",
                        "which stage gets the new hire",
                        2,
                        Lesson00ProductionCycle::staffStage,
                        """
                        Add up the weeks of every step by stage (a stage visited three times counts three times),
                        pick the stage with the most weeks, and divide its weeks by the total:
                            Map<String, Double> weeksIn = new LinkedHashMap<>();
                            for (int i = 0; i < team.rowCount(); i++)
                                weeksIn.merge(team.stringColumn("stage").get(i), team.doubleColumn("weeks").get(i), Double::sum);
                            String top = Collections.max(weeksIn.entrySet(), Map.Entry.comparingByValue()).getKey();
                            staffStage = Arrays.stream(Stage.values()).filter(s -> s.label().equals(top)).findFirst().get();
                            staffShare = weeksIn.get(top) / team.doubleColumn("weeks").sum();"""));
    }

    static Verdict staffStage(Answers a) {
        Stage chosen = a.value("staffStage", Stage.class, "a Stage (for example Stage.DATA)");
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
                return Verdict.hint(chosen.label()
                        + " is among the stages with the most steps, but steps differ in length: add up the"
                        + " weeks, not the rows.");
            }
            return Verdict.hint(text(
                    "%s took %.1f weeks, and another stage took more. Add up the weeks of every step"
                            + " of a stage, over all its visits, then compare the stages.",
                    chosen.label(), weeks[chosen.ordinal()]));
        }
        return NumberAnswer.of(share, 1e-6)
                .right(
                        weeks[busiest.ordinal()] / total,
                        text(
                                "%s took %.1f of the team's %.1f weeks (%.0f%%): that"
                                        + " is where another pair of hands saves the most time.",
                                busiest.label(), weeks[busiest.ordinal()], total, 100 * share))
                .mistake(
                        steps[busiest.ordinal()] / (double) team.rowCount(),
                        "that is the stage's share of the steps;" + " the share asked for is of the weeks.")
                .mistake(weeks[busiest.ordinal()], "that is the stage's weeks; divide by the weeks of all steps.")
                .otherwise(text(
                        "staffShare is %.4f: the busiest stage's weeks divided by the weeks of all steps.", share));
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
        Stage onCall = a.value("onCall", Stage.class, "a Stage (for example Stage.DATA)");
        if (onCall != Stage.MONITORING) {
            return Verdict.hint(
                    onCall == Stage.DEPLOYMENT
                            ? "deployment happens once, in working hours; who answers when the live model degrades at"
                                    + " night? Look at the stages table's \"who\" column."
                            : onCall.label()
                                    + " is work planned in advance; someone on call answers for the live model."
                                    + " Look at the stages table's \"who\" column.");
        }
        List<Stage> stages = StudentVariants.stagesOf(StudentVariants.teamLog(a.seed()));
        int[] returns = StudentVariants.returnsByStage(stages);
        int loops = Arrays.stream(returns).sum();
        Stage most =
                Stage.values()[argMax(Arrays.stream(returns).asDoubleStream().toArray())];
        Stage mostReturns = a.value("mostReturns", Stage.class, "a Stage (for example Stage.DATA)");
        if (mostReturns != most) {
            return Verdict.hint(text(
                    "%s is not where the loops back land most often: for each loop back, note the stage it"
                            + " enters, then count.",
                    mostReturns.label()));
        }
        long backwards = a.whole("backwards");
        int changes = 0;
        for (int i = 1; i < stages.size(); i++) {
            changes += stages.get(i) != stages.get(i - 1) ? 1 : 0;
        }
        return NumberAnswer.of(backwards, 0)
                .right(
                        loops,
                        text(
                                "monitoring needs someone on call; %d of your team's %d loops back return to %s,"
                                        + " so that is where its plan budgets repeat visits.",
                                returns[most.ordinal()], loops, most.label()))
                .mistake(
                        changes,
                        "you counted every change of stage; a loop back is only a move to a smaller stage" + " number.")
                .otherwise("backwards is " + backwards + ", which is not the number of loops back. Compare each step's"
                        + " stage number with the one of the step before it.");
    }
}
