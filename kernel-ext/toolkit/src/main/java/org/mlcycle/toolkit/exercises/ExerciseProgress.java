package org.mlcycle.toolkit.exercises;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlcycle.toolkit.i18n.Messages;
import org.mlcycle.toolkit.journal.ExerciseResult;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A learner's exercises so far, per lesson: passed or not, attempts, hints seen (failed attempts),
 * whether the model answer was revealed, and how a passed exercise was solved: unaided (the first
 * attempt passed, no answer read), with hints (after failed attempts), or after reading the model
 * answer. Every exercise of a lesson the learner started is listed, the untried ones too, so the
 * gaps show.
 */
public record ExerciseProgress(List<Row> rows) implements Rendered {

    /** One exercise's line. */
    public record Row(
            String lesson,
            String exercise,
            String title,
            boolean passed,
            int attempts,
            int hints,
            boolean revealed,
            String how) {
        /** How a passed exercise was solved. */
        public static final String UNAIDED = "unaided";
        /** Passed after one or more hints, without the model answer. */
        public static final String WITH_HINTS = "with hints";
        /** Passed after the model answer was shown. */
        public static final String AFTER_ANSWER = "after the answer";

        /** "passed", "not yet", "not tried" or "answer read" (read without an attempt). */
        public String status() {
            return passed ? "passed" : attempts == 0 ? (revealed ? "answer read" : "not tried") : "not yet";
        }
    }

    public ExerciseProgress {
        rows = List.copyOf(rows);
    }

    /** Progress from the journal's exercise records, completed with the known exercises of each lesson started. */
    public static ExerciseProgress of(List<ExerciseResult> results, Exercises known) {
        // attempts, hints, passed, revealed, and before the first pass: hints, revealed
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> lessonOf = new LinkedHashMap<>();
        for (ExerciseResult r : results) {
            int[] c = counts.computeIfAbsent(r.exercise(), k -> new int[6]);
            if (ExerciseResult.REVEAL.equals(r.kind())) {
                c[3] = 1;
                c[5] |= c[2] == 0 ? 1 : 0; // read before the exercise was passed: the pass leaned on it
            } else {
                c[0]++;
                if (r.passed()) {
                    c[2] = 1;
                } else {
                    c[1]++; // each failed attempt showed a hint
                    c[4] += c[2] == 0 ? 1 : 0;
                }
            }
            String lesson = r.lesson() != null
                    ? r.lesson()
                    : known.find(r.exercise()).map(Exercise::lesson).orElse("(no lesson)");
            lessonOf.putIfAbsent(r.exercise(), lesson);
        }
        Set<String> lessons = new LinkedHashSet<>(lessonOf.values());
        List<Row> rows = new ArrayList<>();
        for (String lesson : lessons.stream().sorted().toList()) {
            Set<String> ids = new LinkedHashSet<>();
            known.ofLesson(lesson).forEach(e -> ids.add(e.id()));
            lessonOf.forEach((id, l) -> {
                if (l.equals(lesson)) {
                    ids.add(id);
                }
            });
            for (String id : ids) {
                int[] c = counts.getOrDefault(id, new int[6]);
                String title = known.find(id).map(Exercise::title).orElse("");
                String how = c[2] == 0 ? "" : c[5] > 0 ? Row.AFTER_ANSWER : c[4] > 0 ? Row.WITH_HINTS : Row.UNAIDED;
                rows.add(new Row(lesson, id, title, c[2] > 0, c[0], c[1], c[3] > 0, how));
            }
        }
        return new ExerciseProgress(rows);
    }

    /**
     * The rows of one lesson, named in full ({@code 14-design-ad-click-prediction}) or by its number
     * ({@code 14}); every exercise of that lesson is listed, the untried ones too, whether or not
     * the learner started it. Empty for a lesson with no exercises and no records.
     */
    public static ExerciseProgress of(List<ExerciseResult> results, Exercises known, String lesson) {
        String wanted = lessonNamed(lesson, results, known);
        List<ExerciseResult> mine = new ArrayList<>();
        for (ExerciseResult r : results) {
            String l = r.lesson() != null
                    ? r.lesson()
                    : known.find(r.exercise()).map(Exercise::lesson).orElse(null);
            if (wanted.equals(l)) {
                mine.add(r);
            }
        }
        if (mine.isEmpty()) { // not started: list its exercises as untried
            List<Row> rows = new ArrayList<>();
            known.ofLesson(wanted).forEach(e -> rows.add(new Row(wanted, e.id(), e.title(), false, 0, 0, false, "")));
            return new ExerciseProgress(rows);
        }
        return of(mine, known);
    }

    /** The full lesson name {@code name} stands for: itself, or the one lesson whose name starts with "name-". */
    private static String lessonNamed(String name, List<ExerciseResult> results, Exercises known) {
        Set<String> lessons = new LinkedHashSet<>();
        known.all().forEach(e -> lessons.add(e.lesson()));
        results.forEach(r -> {
            if (r.lesson() != null) {
                lessons.add(r.lesson());
            }
        });
        if (lessons.contains(name)) {
            return name;
        }
        List<String> prefixed =
                lessons.stream().filter(l -> l.startsWith(name + "-")).sorted().toList();
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        throw new IllegalArgumentException("progress: no lesson '" + name + "'"
                + (prefixed.isEmpty()
                        ? "; lessons with exercises: "
                                + String.join(", ", lessons.stream().sorted().toList())
                        : "; it could be " + String.join(", ", prefixed)));
    }

    public long passed() {
        return rows.stream().filter(Row::passed).count();
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(headline("en"));
        String lesson = null;
        for (Row r : rows) {
            if (!r.lesson().equals(lesson)) {
                lesson = r.lesson();
                out.append('\n').append(lesson);
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%n  %-28s %-11s %-16s attempts %d, hints %d%s",
                    r.exercise(),
                    r.status(),
                    r.how(),
                    r.attempts(),
                    r.hints(),
                    r.revealed() ? ", answer revealed" : ""));
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> body = new ArrayList<>();
        for (Row r : rows) {
            body.add(List.of(
                    r.lesson(),
                    r.exercise(),
                    r.title(),
                    word(r.status()),
                    word(r.how()),
                    r.attempts(),
                    r.hints(),
                    r.revealed() ? Messages.get("report.progress.yes") : ""));
        }
        return "<p" + Messages.dirAttribute() + "><b>" + Html.escape(headline(Messages.language())) + "</b></p>"
                + Html.table(
                        Html.headers(
                                "report.progress.",
                                "lesson",
                                "exercise",
                                "title",
                                "status",
                                "how",
                                "attempts",
                                "hints",
                                "answerRevealed"),
                        body);
    }

    /** The one-line summary in {@code language}: English for the text, the learner's for HTML. */
    private String headline(String language) {
        return Messages.in(
                language,
                "report.progress.headline",
                passed(),
                rows.size(),
                rows.stream().mapToInt(Row::attempts).sum(),
                rows.stream().mapToInt(Row::hints).sum(),
                rows.stream().filter(Row::revealed).count());
    }

    /** A row's status or how, as {@link Row} spells them, in the language in use; "" stays "". */
    private static String word(String english) {
        String key = switch (english) {
            case "passed" -> "passed";
            case "not yet" -> "notYet";
            case "not tried" -> "notTried";
            case "answer read" -> "answerRead";
            case Row.UNAIDED -> "unaided";
            case Row.WITH_HINTS -> "withHints";
            case Row.AFTER_ANSWER -> "afterAnswer";
            default -> "";
        };
        return key.isEmpty() ? english : Messages.get("report.progress." + key);
    }

    @Override
    public Map<String, Object> toRecord() {
        List<Object> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lesson", r.lesson());
            m.put("exercise", r.exercise());
            m.put("passed", r.passed());
            m.put("attempts", r.attempts());
            m.put("hints", r.hints());
            m.put("revealed", r.revealed());
            m.put("how", r.how());
            out.add(m);
        }
        return Map.of("exercises", out);
    }
}
