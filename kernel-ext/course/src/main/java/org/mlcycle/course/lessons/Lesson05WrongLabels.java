package org.mlcycle.course.lessons;

import static org.mlcycle.toolkit.exercises.Verdict.text;

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
                        "Cohen's kappa by hand",
                        1,
                        Lesson05WrongLabels::kappa,
                        """
                        With n the total, p_o = (c[0][0] + c[1][1]) / n; p_e multiplies A's share of each class
                        (a row total / n) by B's share (a column total / n) and adds the two classes;
                        kappa = (p_o - p_e) / (1 - p_e)."""),
                Exercise.of(
                        "lesson05-remedy",
                        "05-wrong-labels",
                        "the cheapest remedy that clears your bar",
                        2,
                        Lesson05WrongLabels::remedy,
                        """
                        On your rows, take the paired bootstrap interval of each remedy's gain in precision at 0.5
                        over the first model; keep the remedies whose interval lies wholly above needGain (low >
                        needGain), and of those take the one that buys the fewest labels:
                            boolean[] y = pick(truthY, myRows); double[] base = pick(scoresOf.get(first), myRows);
                            for each remedy r after the first:
                                Interval g = Bootstrap.difference(r, y, base, pick(scoresOf.get(r), myRows), Bootstrap.precisionAt(0.5));
                                if (g.low() > needGain && labelsBought.get(r) < cheapest) { remedy = r; remedyLow = g.low(); }"""),
                Exercise.of(
                        "lesson05-slice-kappa",
                        "05-wrong-labels",
                        "which slice's labels to re-check first",
                        3,
                        Lesson05WrongLabels::sliceKappa,
                        """
                        Compare the labelers slice by slice, corrected for chance, and take the lowest kappa:
                            Map<String, AgreementReport> bySlice = Lesson05Data.agreementBySlice(myPairs);
                            for each slice s with Lesson05Data.shows(bySlice.get(s)) >= Lesson05Data.MIN_SHOWS:
                                if (bySlice.get(s).kappa() < lowest) { recheckSlice = s; recheckKappa = bySlice.get(s).kappa(); }
                        The count of disagreements grows with a slice's size, and the raw agreement is high
                        wherever nearly every answer is "don't show"; kappa corrects for both."""));
    }

    /** The entries of {@code values} at {@code rows}. */
    static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = values[rows[i]];
        return out;
    }

    static Verdict remedy(Answers a) {
        String chosen = a.value("remedy", String.class, "the name of a remedy, as in scoresOf")
                .strip();
        double low = a.number("remedyLow");
        boolean[] truth = a.value("truthY", boolean[].class, "the boolean[] of true answers");
        Map<?, ?> scores = a.value("scoresOf", Map.class, "the map of remedy to scores");
        Map<?, ?> labels = a.value("labelsBought", Map.class, "the map of remedy to labels bought");
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
                return Verdict.hint("remedy is \"" + chosen + "\"; name one of " + gain.keySet() + ", or \"none\".");
            }
            if (gain.containsKey(chosen) && gain.get(chosen).low() <= need) {
                return Verdict.hint(text(
                        "the interval of %s's gain reaches down to %.3f, not wholly above your"
                                + " needGain of %.2f: on your rows it is not shown to be enough.",
                        chosen, gain.get(chosen).low(), need));
            }
            if (chosen.equals(largest)) {
                return Verdict.hint(chosen + " gains the most, but another remedy also clears your bar and buys"
                        + " fewer labels.");
            }
            return Verdict.hint("another remedy clears your bar for fewer labels (or none does): compare labelsBought"
                    + " among those whose interval lies wholly above needGain.");
        }
        if (best.equals("none")) {
            return Verdict.pass(text(
                    "no remedy's gain is shown to exceed %.2f on your rows: none is worth its" + " labels yet.", need));
        }
        return NumberAnswer.of(low, 1e-9)
                .right(
                        gain.get(best).low(),
                        text(
                                "%s: its gain in precision is at least %.3f (95%% interval) on your"
                                        + " %,d rows, above the %.2f your team asks, for %,.0f labels.",
                                best, low, rows.length, need, cheapest))
                .mistake(
                        gain.get(best).estimate(),
                        "that is the estimated gain; report the low end of its interval,"
                                + " the number your decision rests on.")
                .otherwise(text(
                        "remedyLow is %.4f: the low end of Bootstrap.difference(...) for your remedy on"
                                + " your rows (myRows).",
                        low));
    }

    static Verdict sliceKappa(Answers a) {
        String chosen = a.value(
                        "recheckSlice", String.class, "the name of a slice, such as \"navigational x competitor\"")
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
            return Verdict.hint("recheckSlice is \"" + chosen + "\"; name one of " + bySlice.keySet() + ".");
        }
        if (!chosen.equals(lowest)) {
            if (Lesson05Data.shows(bySlice.get(chosen)) < Lesson05Data.MIN_SHOWS) {
                return Verdict.hint(text(
                        "in %s only %d double-labeled rows have a \"show\" from A or B: its kappa rests on too few"
                                + " to decide on (fewer than %d). Compare the slices with enough.",
                        chosen, Lesson05Data.shows(bySlice.get(chosen)), Lesson05Data.MIN_SHOWS));
            }
            if (chosen.equals(mostDisagreements)) {
                return Verdict.hint(text(
                        "%s has the most disagreements (%d), but it is also one of the largest slices: a count"
                                + " grows with size. Compare kappa, which corrects the agreement for chance.",
                        chosen, disagreements(bySlice.get(chosen))));
            }
            if (chosen.equals(lowestAgreement)) {
                return Verdict.hint("that slice has the lowest raw agreement, but raw agreement ignores chance: where"
                        + " nearly every answer is \"don't show\", two labelers agree by chance. Compare kappa.");
            }
            return Verdict.hint(text(
                    "in %s the labelers agree beyond chance (kappa %.3f); another slice's kappa is lower: compare"
                            + " every slice's kappa on your pairs (myPairs).",
                    chosen, bySlice.get(chosen).kappa()));
        }
        AgreementReport mine = bySlice.get(chosen);
        return NumberAnswer.of(stated, 1e-9)
                .right(
                        mine.kappa(),
                        text(
                                "re-check %s first: kappa %.3f on %,d double-labeled rows, agreement no better than"
                                        + " chance (%s); the guideline is ambiguous there.",
                                chosen, mine.kappa(), mine.compared(), mine.strength()))
                .mistake(
                        mine.observedAgreement(),
                        "that is the slice's observed agreement p_o; report its kappa, the agreement corrected for"
                                + " chance.")
                .otherwise(text(
                        "recheckKappa is %.4f: the kappa of %s, LabelAgreement.between(its rows, \"label_a\","
                                + " \"label_b\").kappa().",
                        stated, chosen));
    }

    private static long disagreements(AgreementReport r) {
        long[][] c = r.confusion();
        long off = 0;
        for (int i = 0; i < c.length; i++) for (int j = 0; j < c.length; j++) if (i != j) off += c[i][j];
        return off;
    }

    static Verdict kappa(Answers a) {
        double kappa = a.number("myKappa");
        AgreementReport agreement = a.value("agreement", AgreementReport.class, "the lesson's AgreementReport");
        return NumberAnswer.of(kappa, 1e-9)
                .right(agreement.kappa(), text("kappa = %.3f (%s agreement).", kappa, agreement.strength()))
                .mistake(
                        agreement.observedAgreement(),
                        "that is the observed agreement p_o; kappa corrects it for"
                                + " the agreement expected by chance.")
                .otherwise(text(
                        "myKappa is %.6f. Check p_e: multiply A's share of a class (a row total) by B's"
                                + " share (a column total), for each class, and add.",
                        kappa));
    }
}
