package org.mlcycle.toolkit.drift;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drift of one column. Missing cells are left out of every statistic; the missing shares are kept
 * and compared on their own. Numbers that do not apply are NaN.
 *
 * @param name the column
 * @param numeric compared as numbers (else as categories)
 * @param nRef non-missing reference values
 * @param nCur non-missing current values
 * @param missingRef reference share of missing cells
 * @param missingCur current share of missing cells
 * @param ks KS statistic D (numeric)
 * @param ksP KS p-value, two-sided (numeric)
 * @param wassersteinNorm Wasserstein-1 / max(reference population std, 0.001) (numeric)
 * @param chi2 chi-square statistic (categorical)
 * @param chi2Dof its degrees of freedom
 * @param chi2P its p-value
 * @param psi PSI on the bins below, empty bins 1e-4
 * @param js Jensen-Shannon distance, base 2, on the same bins
 * @param linf largest |current share - reference share| over bins or categories
 * @param linfBin the bin or category where it occurs
 * @param bins bin labels: "(a, b]" ranges for numbers, the categories (sorted) otherwise
 * @param refShares reference share per bin
 * @param curShares current share per bin
 * @param newCategories categories only the current table has
 * @param vanishedCategories categories only the reference has
 * @param rule the decision rule applied, with its threshold
 * @param score the number the rule looked at
 * @param drifted whether the rule fired
 * @param missingRateChanged whether the missing share moved by more than the option allows
 * @param note why a column could not be compared, or ""
 */
public record ColumnDrift(
        String name,
        boolean numeric,
        long nRef,
        long nCur,
        double missingRef,
        double missingCur,
        double ks,
        double ksP,
        double wassersteinNorm,
        double chi2,
        int chi2Dof,
        double chi2P,
        double psi,
        double js,
        double linf,
        String linfBin,
        List<String> bins,
        List<Double> refShares,
        List<Double> curShares,
        List<String> newCategories,
        List<String> vanishedCategories,
        String rule,
        double score,
        boolean drifted,
        boolean missingRateChanged,
        String note) {

    public ColumnDrift {
        bins = List.copyOf(bins);
        refShares = List.copyOf(refShares);
        curShares = List.copyOf(curShares);
        newCategories = List.copyOf(newCategories);
        vanishedCategories = List.copyOf(vanishedCategories);
    }

    /**
     * Which way the column moved, in words. Numbers: the mean shift of the values in reference-quantile
     * bins, "higher (+0.52 of 10 bins)" or "lower (...)"; categories: the category that gained the most
     * share and the one that lost the most, "+24.0 pts mobile, -24.0 pts desktop". "about the same" when
     * the shift is below 0.05 bins or every share moved by less than half a point; "" when the column
     * could not be compared.
     */
    public String moved() {
        if (!note.isEmpty() || bins.isEmpty() || refShares.size() != curShares.size()) {
            return "";
        }
        if (numeric) {
            double shift = 0;
            for (int i = 0; i < bins.size(); i++) {
                shift += i * (curShares.get(i) - refShares.get(i));
            }
            if (Math.abs(shift) < 0.05) {
                return "about the same";
            }
            return String.format(
                    Locale.ROOT, "%s (%+.2f of %d bins)", shift > 0 ? "higher" : "lower", shift, bins.size());
        }
        int up = 0, down = 0;
        for (int i = 0; i < bins.size(); i++) {
            double d = curShares.get(i) - refShares.get(i);
            if (d > curShares.get(up) - refShares.get(up)) up = i;
            if (d < curShares.get(down) - refShares.get(down)) down = i;
        }
        double gained = curShares.get(up) - refShares.get(up), lost = curShares.get(down) - refShares.get(down);
        if (Math.max(gained, -lost) < 0.005) {
            return "about the same";
        }
        return String.format(
                Locale.ROOT, "%+.1f pts %s, %+.1f pts %s", 100 * gained, bins.get(up), 100 * lost, bins.get(down));
    }

    /** Plain values; NaN where a number does not apply. */
    public Map<String, Object> toRecord() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", numeric ? "numeric" : "categorical");
        r.put("n_ref", nRef);
        r.put("n_cur", nCur);
        r.put("miss_ref", missingRef);
        r.put("miss_cur", missingCur);
        if (numeric) {
            r.put("ks", ks);
            r.put("ks_p", ksP);
            r.put("wass_norm", wassersteinNorm);
            r.put("psi_bins", bins.size());
            r.put("bins", bins);
            r.put("ref_shares", refShares);
            r.put("cur_shares", curShares);
        } else {
            r.put("categories", bins.size());
            r.put("chi2", chi2);
            r.put("chi2_dof", chi2Dof);
            r.put("chi2_p", chi2P);
            r.put("new", newCategories.subList(0, Math.min(10, newCategories.size())));
            r.put("new_count", newCategories.size());
            r.put("vanished", vanishedCategories.subList(0, Math.min(10, vanishedCategories.size())));
        }
        r.put("psi", psi);
        r.put("js", js);
        r.put("linf", linf);
        r.put("linf_value", linfBin);
        r.put("moved", moved());
        r.put("rule", rule);
        r.put("score", score);
        r.put("drifted", drifted);
        r.put("missing_rate_changed", missingRateChanged);
        if (!note.isEmpty()) {
            r.put("note", note);
        }
        return r;
    }
}
