package org.mlcycle.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mlcycle.course.lessons.Lesson12Data;
import org.mlcycle.toolkit.counterfactual.BanditLog;
import org.mlcycle.toolkit.counterfactual.EpsilonGreedy;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.MapAnswers;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.labels.AgreementReport;
import org.mlcycle.toolkit.labels.LabelAgreement;
import org.mlcycle.toolkit.metrics.Interval;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The lesson checks on small inputs worked out by hand: the right answer passes, known mistakes get their hint. */
class LessonExercisesTest {
    private static final Exercises ALL = Exercises.loaded();

    private static CheckResult check(String id, MapAnswers answers) {
        return ALL.get(id).check(answers);
    }

    @Test
    @DisplayName("lesson 5: kappa by hand passes; the observed agreement is named as such")
    void kappa() {
        // A and B agree on 8 of 10; each says 1 three times
        Table pairs = Table.create(
                "pairs",
                IntColumn.create("a", 0, 0, 1, 1, 1, 0, 0, 0, 0, 0),
                IntColumn.create("b", 0, 0, 1, 1, 0, 0, 0, 0, 0, 1));
        AgreementReport agreement = LabelAgreement.between(pairs, "a", "b");
        double pe = 0.7 * 0.7 + 0.3 * 0.3;

        assertTrue(check(
                        "lesson05-kappa",
                        new MapAnswers(0).with("agreement", agreement).with("myKappa", (0.8 - pe) / (1 - pe)))
                .passed());
        CheckResult po = check(
                "lesson05-kappa", new MapAnswers(0).with("agreement", agreement).with("myKappa", 0.8));
        assertTrue(po.message().startsWith("that is the observed agreement p_o"), po.message());
    }

    @Test
    @DisplayName("lesson 8: only-model counts; both-show and the reverse are each named")
    void onlyModel() {
        // only the model: rows 1, 2; both: row 0; only legacy: rows 3, 4, 5
        MapAnswers answers = new MapAnswers(0)
                .with("modelShows", new boolean[] {true, true, true, false, false, false, false})
                .with("legacyShows", new boolean[] {true, false, false, true, true, true, false});

        assertTrue(check("lesson08-only-model", answers.with("onlyModel", 2L)).passed());
        assertTrue(check("lesson08-only-model", answers.with("onlyModel", 1))
                .message()
                .contains("both show"));
        assertTrue(check("lesson08-only-model", answers.with("onlyModel", 3))
                .message()
                .contains("wrong way round"));
        assertFalse(check("lesson08-only-model", answers.with("onlyModel", 2.0)).passed(), "a double is not a count");
        assertEquals(
                "'onlyModel' is a Double, but the exercise asks for a whole number (int or long)",
                check("lesson08-only-model", answers.with("onlyModel", 2.0)).message());
    }

    @Test
    @DisplayName("lesson 11: F1 with 'don't show' positive passes; 0 is the F1 of the other class")
    void f1DontShow() {
        MapAnswers answers = new MapAnswers(0).with("show", new boolean[] {true, false, false, false, false});

        assertTrue(check("lesson13-f1-dont-show", answers.with("f1DontShow", 2 * 0.8 / 1.8))
                .passed());
        assertTrue(check("lesson13-f1-dont-show", answers.with("f1DontShow", 0.0))
                .message()
                .startsWith("0 is the F1"));
    }

    @Test
    @DisplayName("a lesson check before the lesson's cells ran says which variable is missing")
    void missingLessonState() {
        CheckResult r = check(
                "lesson06-cost-threshold",
                new MapAnswers(0)
                        .with("myThreshold", 0.9)
                        .with("savingLow", -1.0)
                        .with("savingHigh", 1.0)
                        .with("claimSaving", false)
                        .with("gainGood", 0.02)
                        .with("costBad", 0.08));
        assertEquals("'plain' is not defined yet: run the cell where you compute it", r.message());
    }

    @Test
    @DisplayName(
            "lesson 12: SNIPS and the exploration share are checked against the student's own log, rebuilt from the seed")
    void feedbackLoopsVariant() {
        long alice = Variant.seed("alice"), bob = Variant.seed("bob");
        BanditLog aliceLog = Lesson12Data.studentLog(alice);
        assertNotEquals(
                aliceLog.ctr() + "/" + aliceLog.epsilon(),
                Lesson12Data.studentLog(bob).ctr() + "/"
                        + Lesson12Data.studentLog(bob).epsilon(),
                "two students get different logs");
        EpsilonGreedy always = Lesson12Data.alwaysShow();
        double wc = 0, w = 0, matched = 0, matchedClicks = 0;
        for (int r = 0; r < aliceLog.requests(); r++) {
            if (always.best(aliceLog.candidates(), r) != aliceLog.slot(r)) continue;
            wc += aliceLog.click(r) / aliceLog.propensity(r);
            w += 1 / aliceLog.propensity(r);
            matched++;
            matchedClicks += aliceLog.click(r);
        }
        assertTrue(check("lesson12-snips", new MapAnswers(alice).with("mySnips", wc / w))
                .passed());
        assertFalse(
                check("lesson12-snips", new MapAnswers(bob).with("mySnips", wc / w))
                        .passed(),
                "alice's answer is not bob's");
        assertTrue(check("lesson12-snips", new MapAnswers(alice).with("mySnips", wc / aliceLog.requests()))
                .message()
                .contains("that is IPS"));
        assertTrue(check("lesson12-snips", new MapAnswers(alice).with("mySnips", matchedClicks / matched))
                .message()
                .contains("naive"));

        Interval cost = aliceLog.explorationCost();
        double budget = Lesson12Data.budget(alice), best = 0;
        for (int k = 30; k >= 1 && best == 0; k--)
            if (k / 100.0 / aliceLog.epsilon() * cost.high() <= budget) best = k / 100.0;
        assertTrue(best > 0, "the budget allows some exploration");
        assertTrue(check("lesson12-epsilon", new MapAnswers(alice).with("myEpsilon", best))
                .passed());
        assertFalse(check("lesson12-epsilon", new MapAnswers(alice).with("myEpsilon", best + 0.01))
                .passed());
    }
}
