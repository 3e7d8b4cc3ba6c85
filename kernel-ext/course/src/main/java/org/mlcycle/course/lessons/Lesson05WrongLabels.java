package org.mlcycle.course.lessons;

import static org.mlcycle.course.i18n.ExerciseTexts.code;
import static org.mlcycle.course.i18n.ExerciseTexts.lines;
import static org.mlcycle.course.i18n.ExerciseTexts.tr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlcycle.toolkit.exercises.Answers;
import org.mlcycle.toolkit.exercises.Exercise;
import org.mlcycle.toolkit.exercises.NumberAnswer;
import org.mlcycle.toolkit.exercises.Verdict;
import org.mlcycle.toolkit.labels.AgreementReport;
import org.mlcycle.toolkit.metrics.Bootstrap;
import org.mlcycle.toolkit.metrics.Interval;

/** The exercises of lessons/05-wrong-labels.ipynb: each check recomputes the expected value from the lesson's data. */
final class Lesson05WrongLabels {
    private Lesson05WrongLabels() {}

    static List<Exercise> exercises() {
        return List.of(
                Exercise.of(
                        "lesson05-kappa",
                        "05-wrong-labels",
                        tr("lesson05-kappa.title"),
                        1,
                        Lesson05WrongLabels::kappa,
                        tr("lesson05-kappa.answer")),
                Exercise.of(
                        "lesson05-remedy",
                        "05-wrong-labels",
                        tr("lesson05-remedy.title"),
                        2,
                        Lesson05WrongLabels::remedy,
                        lines(tr("lesson05-remedy.answer"), code("""
                                boolean[] y = pick(truthY, myRows); double[] base = pick(scoresOf.get(first), myRows);
                                for each remedy r after the first:
                                    Interval g = Bootstrap.difference(r, y, base, pick(scoresOf.get(r), myRows), Bootstrap.precisionAt(0.5));
                                    if (g.low() > needGain && labelsBought.get(r) < cheapest) { remedy = r; remedyLow = g.low(); }"""))),
                Exercise.of(
                        "lesson05-slice-kappa",
                        "05-wrong-labels",
                        tr("lesson05-slice-kappa.title"),
                        3,
                        Lesson05WrongLabels::sliceKappa,
                        lines(tr("lesson05-slice-kappa.answer"), code("""
                                Map<String, AgreementReport> bySlice = Lesson05Data.agreementBySlice(myPairs);
                                for each slice s with Lesson05Data.shows(bySlice.get(s)) >= Lesson05Data.MIN_SHOWS:
                                    if (bySlice.get(s).kappa() < lowest) { recheckSlice = s; recheckKappa = bySlice.get(s).kappa(); }"""), tr("lesson05-slice-kappa.answer.2"))));
    }

    /** The entries of {@code values} at {@code rows}. */
    static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = values[rows[i]];
        return out;
    }

    static Verdict remedy(Answers a) {
        String chosen = a.value("remedy", String.class, tr("lesson05-remedy.asks.name-remedy-scoresof"))
                .strip();
        double low = a.number("remedyLow");
        boolean[] truth = a.value("truthY", boolean[].class, tr("lesson05-remedy.asks.boolean-true-answers"));
        Map<?, ?> scores = a.value("scoresOf", Map.class, tr("lesson05-remedy.asks.map-remedy-scores"));
        Map<?, ?> labels = a.value("labelsBought", Map.class, tr("lesson05-remedy.asks.map-remedy-labels"));
        int[] rows = StudentVariants.sample(a.seed(), 5, truth.length, truth.length * 3 / 4);
        double need = StudentVariants.requiredGain(a.seed());
        boolean[] y = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) y[i] = truth[rows[i]];
        List<String> names = scores.keySet().stream().map(String::valueOf).toList();
        double[] base = pick((double[]) scores.get(names.get(0)), rows);
        Map<String, Interval> gain = new LinkedHashMap<>();
        for (String r : names.subList(1, names.size())) {
            gain.put(
                    r,
                    Bootstrap.difference(r, y, base, pick((double[]) scores.get(r), rows), Bootstrap.precisionAt(0.5)));
        }
        String best = "none";
        double cheapest = Double.POSITIVE_INFINITY;
        String largest = null;
        for (var e : gain.entrySet()) {
            double cost = ((Number) labels.get(e.getKey())).doubleValue();
            if (e.getValue().low() > need && cost < cheapest) {
                best = e.getKey();
                cheapest = cost;
            }
            if (largest == null || e.getValue().estimate() > gain.get(largest).estimate()) largest = e.getKey();
        }
        if (!chosen.equals(best)) {
            if (!chosen.equals("none") && !gain.containsKey(chosen)) {
                return Verdict.hint(tr("lesson05-remedy.hint.remedy-name-none", chosen, gain.keySet()));
            }
            if (gain.containsKey(chosen) && gain.get(chosen).low() <= need) {
                return Verdict.hint(tr(
                        "lesson05-remedy.hint.interval-gain-reaches",
                        chosen,
                        gain.get(chosen).low(),
                        need));
            }
            if (chosen.equals(largest)) {
                return Verdict.hint(tr("lesson05-remedy.hint.gains-most-another", chosen));
            }
            return Verdict.hint(tr("lesson05-remedy.hint.another-remedy-clears"));
        }
        if (best.equals("none")) {
            return Verdict.pass(tr("lesson05-remedy.pass.remedy-gain-shown", need));
        }
        return NumberAnswer.of(low, 1e-9)
                .right(
                        gain.get(best).low(),
                        tr("lesson05-remedy.pass.gain-precision-least", best, low, rows.length, need, cheapest))
                .mistake(gain.get(best).estimate(), tr("lesson05-remedy.mistake.estimated-gain-report"))
                .otherwise(tr("lesson05-remedy.otherwise.remedylow-low-end", low));
    }

    static Verdict sliceKappa(Answers a) {
        String chosen = a.value("recheckSlice", String.class, tr("lesson05-slice-kappa.asks.name-slice-such"))
                .strip();
        double stated = a.number("recheckKappa");
        Map<String, AgreementReport> bySlice = Lesson05Data.agreementBySlice(Lesson05Data.pairs(a.seed()));
        String lowest = null, mostDisagreements = null, lowestAgreement = null;
        for (var e : bySlice.entrySet()) {
            AgreementReport r = e.getValue();
            if (Double.isNaN(r.kappa()) || Lesson05Data.shows(r) < Lesson05Data.MIN_SHOWS) continue;
            if (lowest == null || r.kappa() < bySlice.get(lowest).kappa()) lowest = e.getKey();
            if (mostDisagreements == null || disagreements(r) > disagreements(bySlice.get(mostDisagreements))) {
                mostDisagreements = e.getKey();
            }
            if (lowestAgreement == null
                    || r.observedAgreement() < bySlice.get(lowestAgreement).observedAgreement()) {
                lowestAgreement = e.getKey();
            }
        }
        if (!bySlice.containsKey(chosen)) {
            return Verdict.hint(tr("lesson05-slice-kappa.hint.recheckslice-name", chosen, bySlice.keySet()));
        }
        if (!chosen.equals(lowest)) {
            if (Lesson05Data.shows(bySlice.get(chosen)) < Lesson05Data.MIN_SHOWS) {
                return Verdict.hint(tr(
                        "lesson05-slice-kappa.hint.double-labeled-rows",
                        chosen,
                        Lesson05Data.shows(bySlice.get(chosen)),
                        Lesson05Data.MIN_SHOWS));
            }
            if (chosen.equals(mostDisagreements)) {
                return Verdict.hint(tr(
                        "lesson05-slice-kappa.hint.has-most-disagreements",
                        chosen,
                        disagreements(bySlice.get(chosen))));
            }
            if (chosen.equals(lowestAgreement)) {
                return Verdict.hint(tr("lesson05-slice-kappa.hint.slice-has-lowest"));
            }
            return Verdict.hint(tr(
                    "lesson05-slice-kappa.hint.labelers-agree-beyond",
                    chosen,
                    bySlice.get(chosen).kappa()));
        }
        AgreementReport mine = bySlice.get(chosen);
        return NumberAnswer.of(stated, 1e-9)
                .right(
                        mine.kappa(),
                        tr(
                                "lesson05-slice-kappa.pass.re-check-first",
                                chosen,
                                mine.kappa(),
                                mine.compared(),
                                mine.strength()))
                .mistake(mine.observedAgreement(), tr("lesson05-slice-kappa.mistake.slice-observed-agreement"))
                .otherwise(tr("lesson05-slice-kappa.otherwise.recheckkappa-kappa-labelagreement", stated, chosen));
    }

    private static long disagreements(AgreementReport r) {
        long[][] c = r.confusion();
        long off = 0;
        for (int i = 0; i < c.length; i++) for (int j = 0; j < c.length; j++) if (i != j) off += c[i][j];
        return off;
    }

    static Verdict kappa(Answers a) {
        double kappa = a.number("myKappa");
        AgreementReport agreement =
                a.value("agreement", AgreementReport.class, tr("lesson05-kappa.asks.lesson-agreementreport"));
        return NumberAnswer.of(kappa, 1e-9)
                .right(agreement.kappa(), tr("lesson05-kappa.pass.kappa-agreement", kappa, agreement.strength()))
                .mistake(agreement.observedAgreement(), tr("lesson05-kappa.mistake.observed-agreement-p"))
                .otherwise(tr("lesson05-kappa.otherwise.mykappa-check-p", kappa));
    }
}
