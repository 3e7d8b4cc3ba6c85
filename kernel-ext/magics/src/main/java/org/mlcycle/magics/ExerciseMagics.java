package org.mlcycle.magics;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;
import org.mlcycle.hooks.MagicSpec;
import org.mlcycle.toolkit.exercises.AnswerProblem;
import org.mlcycle.toolkit.exercises.CheckResult;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.ExerciseProgress;
import org.mlcycle.toolkit.exercises.Exercises;
import org.mlcycle.toolkit.exercises.HintBox;
import org.mlcycle.toolkit.exercises.ModelAnswer;
import org.mlcycle.toolkit.exercises.Variant;
import org.mlcycle.toolkit.journal.ExerciseResult;

/**
 * The exercise magics: {@code %check_answer ID} (old name {@code %check}) runs an exercise's checks on the learner's live variables
 * and records the attempt; {@code %progress [LESSON]} lists the attempts per lesson and how each
 * passed exercise was solved; {@code %reveal ID}
 * shows the model answer (and records that it was read); {@code %variant STUDENT} picks the
 * learner's variant of the seeded exercises and defines {@code long seed}. Attempts go to the
 * same journal as the lifecycle magics.
 *
 * <p>A check that does not pass shows a hint box (the attempt, what is wrong) and writes one line
 * to stderr, so nbgrader and {@code ./mlcycle grade} score the cell 0 without an error name in
 * sight; an answer cell not filled in yet (a variable the check reads is undefined, or the newest
 * cell that assigns one is still the template) gets "no answer yet" instead of a hint, and is not
 * counted as an attempt. A pass shows {@code Correct: ...}; partial credit shows the message and
 * leaves the score as the cell's value, where nbgrader reads it.
 */
public final class ExerciseMagics {
    static final String CHECK_USAGE =
            "%check_answer ID  — check your answer to exercise ID (%check, its old name, works until 0.2)";
    static final String PROGRESS_USAGE =
            "%progress [LESSON]  — the exercises you have checked, solved and revealed, and how"
                    + " each was solved (unaided, with hints, after the answer); LESSON (14 or 14-design-ad-click-prediction) lists"
                    + " one lesson's exercises, the untried ones too";
    static final String REVEAL_USAGE = "%reveal ID  — show the model answer to ID (recorded in the journal)";
    static final String VARIANT_USAGE = "%variant STUDENT  — your variant of the seeded exercises; defines long seed";

    private static final Usage CHECK = new Usage(
            CHECK_USAGE,
            MagicsArgs.builder()
                    .required("id")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage PROGRESS = new Usage(
            PROGRESS_USAGE,
            MagicsArgs.builder()
                    .optional("lesson")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage REVEAL = new Usage(
            REVEAL_USAGE,
            MagicsArgs.builder()
                    .required("id")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());
    private static final Usage VARIANT = new Usage(
            VARIANT_USAGE,
            MagicsArgs.builder()
                    .required("student")
                    .onlyKnownKeywords()
                    .onlyKnownFlags()
                    .build());

    private final JournalMagics journal;
    private final AnswerCells cells = new AnswerCells();
    private Exercises exercises;
    private volatile String student = Variant.DEFAULT_ID;

    ExerciseMagics(JournalMagics journal) {
        this.journal = journal;
    }

    /** The hooks that let {@code %check_answer} see the answer cells run; mlcycle's kernel calls them. */
    AnswerCells cells() {
        return cells;
    }

    /** {@code %check_answer} was {@code %check} (kept as an alias) until it sat next to the data rules' {@code %checks}. */
    static void register(MagicSet magics, ExerciseMagics m) {
        magics.line(MagicSpec.line("check_answer", 1, CHECK_USAGE, "check"), m::check);
        magics.line(MagicSpec.line("progress", 0, PROGRESS_USAGE), m::progress);
        magics.line(MagicSpec.line("reveal", 1, REVEAL_USAGE), m::reveal);
        magics.line(MagicSpec.line("variant", 1, VARIANT_USAGE), m::variant);
    }

    /** The exercises on the classpath, loaded again when an id is unknown (a checks jar added since). */
    private synchronized Exercise exercise(String id) {
        if (exercises == null || exercises.find(id).isEmpty()) {
            exercises = Exercises.loaded();
        }
        return exercises.get(id);
    }

    private synchronized Exercises exercises() {
        if (exercises == null) {
            exercises = Exercises.loaded();
        }
        return exercises;
    }

    Object check(Notebook nb, List<String> args) {
        CHECK.parse(args);
        Exercise exercise = exercise(args.get(0));
        NotebookAnswers answers = new NotebookAnswers(nb, Variant.seed(student));
        CheckResult result = exercise.check(answers);
        if (!result.passed() && !result.partial()) {
            String blank = blank(answers, result.message());
            if (blank != null) { // not an attempt: nothing was answered, so no hint was earned either
                return fail(nb, HintBox.noAnswer(exercise, blank));
            }
        }
        journal.journal()
                .exercise(
                        exercise.id(),
                        exercise.lesson(),
                        ExerciseResult.CHECK,
                        result.passed(),
                        result.score(),
                        result.message());
        if (result.passed()) {
            return nb.result(result);
        }
        if (result.partial()) {
            nb.show(result);
            return nb.result(result.score()); // nbgrader reads partial credit from the value's text/plain
        }
        return fail(nb, HintBox.hint(exercise, attempts(exercise.id()), result.message()));
    }

    /**
     * What is missing when the answer is not written yet (the check stopped on an undefined
     * variable), "" when the answer cell is still as the student version left it; null when there
     * is an answer, right or wrong.
     */
    private String blank(NotebookAnswers answers, String hint) {
        String undefined = answers.missing() == null ? null : AnswerProblem.undefined(answers.missing());
        if (undefined != null && hint.startsWith(undefined)) { // the check ended there, not on an optional name
            return undefined;
        }
        return cells.unchanged(answers.read()) ? "" : null;
    }

    /** Shows the box and marks the cell failed: stderr, which graders score 0, and no error name. */
    private static Object fail(Notebook nb, HintBox box) {
        nb.show(box, Map.of("check", box.toRecord()));
        nb.markFailed(box.failedLine());
        return null;
    }

    /** The check attempts at {@code id} in the journal, the one just recorded included. */
    private int attempts(String id) {
        return (int) journal.journal().exercises().stream()
                .filter(r -> r.exercise().equals(id) && ExerciseResult.CHECK.equals(r.kind()))
                .count();
    }

    Object progress(Notebook nb, List<String> args) {
        PROGRESS.parse(args);
        if (args.isEmpty()) {
            return nb.result(ExerciseProgress.of(journal.journal().exercises(), exercises()));
        }
        return nb.result(ExerciseProgress.of(
                journal.journal().exercises(), exercises(), args.get(0).strip()));
    }

    Object reveal(Notebook nb, List<String> args) {
        REVEAL.parse(args);
        Exercise exercise = exercise(args.get(0));
        journal.journal()
                .exercise(
                        exercise.id(),
                        exercise.lesson(),
                        ExerciseResult.REVEAL,
                        false,
                        Double.NaN,
                        "model answer shown");
        return nb.result(ModelAnswer.of(exercise));
    }

    Object variant(Notebook nb, List<String> args) {
        VARIANT.parse(args);
        long seed = Variant.seed(args.get(0));
        nb.define("seed", long.class, seed);
        student = args.get(0).strip();
        return nb.result(new JournalMagics.Line("variant", "student '" + student + "'; seed holds your data's seed"));
    }
}
