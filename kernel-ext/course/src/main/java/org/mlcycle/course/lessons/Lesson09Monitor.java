package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

import java.util.List;
import org.mlcycle.course.variant.StudentRows;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.metrics.Metrics;

/** The exercises of lessons/09-monitor.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson09Monitor {
    /** The first labeled day after the rehearsal launch. */
    static final int FIRST_DAY = -53;
    /** The longest window, in days, an alert may pool. */
    static final int MAX_WINDOW = 7;
    /** How many days after the drop began an alert still counts as catching it. */
    static final int WITHIN = 6;

    private Lesson09Monitor() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson09-worst-day",
                        "09-monitor",
                        tr("lesson09-worst-day.title"),
                        1,
                        Lesson09Monitor::worstDay,
                        tr("lesson09-worst-day.answer")),
                Exercise.of(
                        "lesson09-alert-rule",
                        "09-monitor",
                        tr("lesson09-alert-rule.title"),
                        2,
                        Lesson09Monitor::alertRule,
                        lines("""
                                // the rule on day d pools your labeled rows of days d - myDelay - w + 1 .. d - myDelay
                                double pooled(int from, int to) { ... Metrics.rocAuc over myY, myP where from <= myDay <= to ... }
                                for (int w = 1; w <= 7 && myWindow == 0; w++) {
                                    int first = 0; boolean early = false;
                                    for (int d = -53 + myDelay + w - 1; d <= -1; d++)
                                        if (pooled(d - myDelay - w + 1, d - myDelay) < alertLevel) {
                                            if (d < dropDay) early = true; else if (first == 0) first = d;
                                        }
                                    if (!early && first != 0 && first - dropDay <= 6) { myWindow = w; myFirstAlert = first; }
                                }
                                double myAucAtAlert = pooled(myFirstAlert - myDelay - myWindow + 1, myFirstAlert - myDelay);""", tr("lesson09-alert-rule.answer"))));
    }

    static Verdict worstDay(Answers a) {
        long day = a.whole("worstDay");
        List<?> daily = (List<?>) a.eval("never.daily()");
        List<?> days = a.value("days", List.class, tr("lesson09-worst-day.asks.list-days"));
        int lowest = 0;
        int highest = 0;
        for (int k = 1; k < daily.size(); k++) {
            double v = ((Number) daily.get(k)).doubleValue();
            lowest = v < ((Number) daily.get(lowest)).doubleValue() ? k : lowest;
            highest = v > ((Number) daily.get(highest)).doubleValue() ? k : highest;
        }
        return NumberAnswer.of(day, 0)
                .right(
                        ((Number) days.get(lowest)).longValue(),
                        tr("lesson09-worst-day.pass.day-roc-auc", day, ((Number) daily.get(lowest)).doubleValue()))
                .mistake(((Number) days.get(highest)).longValue(), tr("lesson09-worst-day.mistake.best-day-question"))
                .otherwise(tr("lesson09-worst-day.otherwise.worstday-find-smallest", day));
    }

    /** The learner's label delay, 1 to 3 days, from the seed. */
    static int delay(long seed) {
        return StudentRows.between(seed, 1, 3);
    }

    /** The rows the learner's raters labeled: two thirds of the rows after launch, from the seed. */
    static int[] draw(long seed, int rows) {
        return StudentRows.sample(seed, rows, 2 * rows / 3);
    }

    /** ROC-AUC over the rows of days {@code from..to}; NaN when they hold no positive or no negative. */
    static double pooled(int[] day, boolean[] y, double[] p, int from, int to) {
        int n = 0;
        for (int d : day) {
            n += d >= from && d <= to ? 1 : 0;
        }
        boolean[] yy = new boolean[n];
        double[] pp = new double[n];
        int k = 0;
        for (int i = 0; i < day.length; i++) {
            if (day[i] >= from && day[i] <= to) {
                yy[k] = y[i];
                pp[k++] = p[i];
            }
        }
        return n == 0 ? Double.NaN : Metrics.rocAuc(yy, pp);
    }

    /** The days a rule pooling {@code window} days, with labels {@code delay} days late, fires. */
    static List<Integer> firing(int[] day, boolean[] y, double[] p, double level, int window, int delay) {
        List<Integer> fired = new java.util.ArrayList<>();
        for (int d = FIRST_DAY + delay + window - 1; d <= -1; d++) {
            if (pooled(day, y, p, d - delay - window + 1, d - delay) < level) {
                fired.add(d);
            }
        }
        return fired;
    }

    static Verdict alertRule(Answers a) {
        long window = a.whole("myWindow");
        long first = a.whole("myFirstAlert");
        double seen = a.number("myAucAtAlert");
        int dropDay = (int) a.whole("dropDay");
        double level = a.number("alertLevel");
        int[] day = a.value("dayAfter", int[].class, tr("lesson09-alert-rule.asks.int-days-rows"));
        boolean[] y = a.value("yAfter", boolean[].class, tr("lesson09-alert-rule.asks.boolean-labels-after"));
        double[] p = a.value("pNever", double[].class, tr("lesson09-alert-rule.asks.double-rehearsal-model"));
        if (window < 1 || window > MAX_WINDOW) {
            return Verdict.hint(tr("lesson09-alert-rule.hint.mywindow-pool-between", window, MAX_WINDOW));
        }
        int delay = delay(a.seed());
        int[] rows = draw(a.seed(), day.length);
        int[] myDay = StudentRows.pick(day, rows);
        boolean[] myY = StudentRows.pick(y, rows);
        double[] myP = StudentRows.pick(p, rows);
        List<Integer> fired = firing(myDay, myY, myP, level, (int) window, delay);
        List<Integer> early = fired.stream().filter(d -> d < dropDay).toList();
        if (!early.isEmpty()) {
            return Verdict.hint(tr("lesson09-alert-rule.hint.day-window-fires", window, early.get(0), dropDay));
        }
        if (fired.isEmpty() || fired.get(0) - dropDay > WITHIN) {
            return Verdict.hint(tr(
                    "lesson09-alert-rule.hint.day-window-more",
                    window,
                    fired.isEmpty()
                            ? tr("lesson09-alert-rule.hint.never-fires")
                            : tr("lesson09-alert-rule.hint.first-fires-day", fired.get(0)),
                    WITHIN,
                    dropDay));
        }
        int expected = fired.get(0);
        if (first != expected) {
            List<Integer> noDelay = firing(myDay, myY, myP, level, (int) window, 0);
            if (!noDelay.isEmpty() && first == noDelay.get(0)) {
                return Verdict.hint(tr("lesson09-alert-rule.hint.day-window-rows", first, delay));
            }
            return Verdict.hint(tr("lesson09-alert-rule.hint.myfirstalert-first-day", first));
        }
        double expectedSeen = pooled(myDay, myY, myP, expected - delay - (int) window + 1, expected - delay);
        if (!Verdict.close(seen, expectedSeen, 1e-9)) {
            return Verdict.hint(tr("lesson09-alert-rule.hint.myaucatalert-pooled-roc", seen));
        }
        return Verdict.pass(
                tr("lesson09-alert-rule.pass.day-window-labels", window, delay, expected, expected - dropDay));
    }
}
