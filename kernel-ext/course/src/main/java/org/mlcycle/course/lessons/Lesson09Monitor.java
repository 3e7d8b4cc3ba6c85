package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

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
                        "the never-retrained model's worst day",
                        1,
                        Lesson09Monitor::worstDay,
                        """
                        Find the position of the smallest value in never.daily() and take the day at the same
                        position in days."""),
                Exercise.of(
                        "lesson09-alert-rule",
                        "09-monitor",
                        "an alert that catches the drop and ignores the shift",
                        2,
                        Lesson09Monitor::alertRule,
                        """
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
                        double myAucAtAlert = pooled(myFirstAlert - myDelay - myWindow + 1, myFirstAlert - myDelay);
                        A one-day window fires on noise during the harmless shift; a long one is late. Any window
                        that stays quiet before the drop and fires within six days of it is a good design."""));
    }

    static Verdict worstDay(Answers a) {
        long day = a.whole("worstDay");
        List<?> daily = (List<?>) a.eval("never.daily()");
        List<?> days = a.value("days", List.class, "the list of days");
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
                        text("day %d, ROC-AUC %.3f.", day, ((Number) daily.get(lowest)).doubleValue()))
                .mistake(
                        ((Number) days.get(highest)).longValue(),
                        "that is the best day; the question asks for the" + " lowest daily ROC-AUC.")
                .otherwise("worstDay is " + day + ": find the smallest value of never.daily() and take the day at the"
                        + " same position in days.");
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
        int[] day = a.value("dayAfter", int[].class, "the int[] of days of the rows after launch");
        boolean[] y = a.value("yAfter", boolean[].class, "the boolean[] of labels after launch");
        double[] p = a.value("pNever", double[].class, "the double[] of the rehearsal model's scores");
        if (window < 1 || window > MAX_WINDOW) {
            return Verdict.hint(text("myWindow is %d: pool between 1 and %d days.", window, MAX_WINDOW));
        }
        int delay = delay(a.seed());
        int[] rows = draw(a.seed(), day.length);
        int[] myDay = StudentRows.pick(day, rows);
        boolean[] myY = StudentRows.pick(y, rows);
        double[] myP = StudentRows.pick(p, rows);
        List<Integer> fired = firing(myDay, myY, myP, level, (int) window, delay);
        List<Integer> early = fired.stream().filter(d -> d < dropDay).toList();
        if (!early.isEmpty()) {
            return Verdict.hint(text(
                    "a %d-day window fires on day %d, before the drop began (day %d): a false alarm"
                            + " the team would learn to ignore. Pool more days.",
                    window, early.get(0), dropDay));
        }
        if (fired.isEmpty() || fired.get(0) - dropDay > WITHIN) {
            return Verdict.hint(text(
                    "a %d-day window %s: more than %d days after the drop began on day %d. Pool fewer" + " days.",
                    window, fired.isEmpty() ? "never fires" : "first fires on day " + fired.get(0), WITHIN, dropDay));
        }
        int expected = fired.get(0);
        if (first != expected) {
            List<Integer> noDelay = firing(myDay, myY, myP, level, (int) window, 0);
            if (!noDelay.isEmpty() && first == noDelay.get(0)) {
                return Verdict.hint(text(
                        "day %d is when the window's rows fall below the level; on that day their"
                                + " labels have not arrived yet (your labels are %d days late).",
                        first, delay));
            }
            return Verdict.hint(text(
                    "myFirstAlert is %d: the first day on which the pooled ROC-AUC of your"
                            + " labeled rows of days d - myDelay - myWindow + 1 .. d - myDelay is below alertLevel.",
                    first));
        }
        double expectedSeen = pooled(myDay, myY, myP, expected - delay - (int) window + 1, expected - delay);
        if (!Verdict.close(seen, expectedSeen, 1e-9)) {
            return Verdict.hint(text(
                    "myAucAtAlert is %.4f: the pooled ROC-AUC your rule saw on day myFirstAlert, over"
                            + " the labeled rows that had arrived by then.",
                    seen));
        }
        return Verdict.pass(text(
                "a %d-day window with labels %d days late stays quiet through the shift and fires on"
                        + " day %d, %d days after the drop began.",
                window, delay, expected, expected - dropDay));
    }
}
