package org.mlcycle.toolkit.exercises;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mlcycle.toolkit.journal.ExerciseResult;
import org.mlcycle.toolkit.report.Html;
import org.mlcycle.toolkit.report.Rendered;

/**
 * A learner's exercises so far, per lesson: passed or not, attempts, hints seen (failed attempts),
 * and whether the model answer was revealed. Every exercise of a lesson the learner started is
 * listed, the untried ones too, so the gaps show.
 */
public record ExerciseProgress(List<Row> rows) implements Rendered {

    /** One exercise's line. */
    public record Row(String lesson, String exercise, String title, boolean passed, int attempts, int hints,
            boolean revealed) {
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
        Map<String, int[]> counts = new LinkedHashMap<>(); // attempts, hints, passed, revealed
        Map<String, String> lessonOf = new LinkedHashMap<>();
        for (ExerciseResult r : results) {
            int[] c = counts.computeIfAbsent(r.exercise(), k -> new int[4]);
            if (ExerciseResult.REVEAL.equals(r.kind())) {
                c[3] = 1;
            } else {
                c[0]++;
                if (r.passed()) {
                    c[2] = 1;
                } else {
                    c[1]++; // each failed attempt showed a hint
                }
            }
            String lesson = r.lesson() != null ? r.lesson()
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
                int[] c = counts.getOrDefault(id, new int[4]);
                String title = known.find(id).map(Exercise::title).orElse("");
                rows.add(new Row(lesson, id, title, c[2] > 0, c[0], c[1], c[3] > 0));
            }
        }
        return new ExerciseProgress(rows);
    }

    public long passed() {
        return rows.stream().filter(Row::passed).count();
    }

    @Override
    public String toText() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "progress: %d of %d exercises passed, %d attempts, %d hints, %d model answers read",
                passed(), rows.size(), rows.stream().mapToInt(Row::attempts).sum(),
                rows.stream().mapToInt(Row::hints).sum(), rows.stream().filter(Row::revealed).count()));
        String lesson = null;
        for (Row r : rows) {
            if (!r.lesson().equals(lesson)) {
                lesson = r.lesson();
                out.append('\n').append(lesson);
            }
            out.append(String.format(Locale.ROOT, "%n  %-28s %-11s attempts %d, hints %d%s", r.exercise(), r.status(),
                    r.attempts(), r.hints(), r.revealed() ? ", answer revealed" : ""));
        }
        return out.toString();
    }

    @Override
    public String toHtml() {
        List<List<?>> body = new ArrayList<>();
        for (Row r : rows) {
            body.add(List.of(r.lesson(), r.exercise(), r.title(), r.status(), r.attempts(), r.hints(),
                    r.revealed() ? "yes" : ""));
        }
        return "<p><b>" + Html.escape(toText().lines().findFirst().orElse("")) + "</b></p>"
                + Html.table(List.of("lesson", "exercise", "title", "status", "attempts", "hints", "answer revealed"), body);
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
            out.add(m);
        }
        return Map.of("exercises", out);
    }
}
