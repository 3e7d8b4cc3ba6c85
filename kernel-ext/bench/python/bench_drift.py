#!/usr/bin/python3
"""Per-column drift between a reference and a current CSV with SciPy; one JSON line with both read
times, the drift's time (min and median of --repeat runs, and the last run's seconds per statistic)
and, unless --no-result, every column's numbers, to compare with `./mlcycle bench quality --task
drift` (see compare.py).

  /usr/bin/python3 bench_drift.py ads_ref.csv ads_cur.csv [--repeat 3] [--no-result]

Missing values are dropped before every statistic and reported as rates (miss_ref, miss_cur).
Numeric columns:
  ks, ks_p    two-sample Kolmogorov-Smirnov D and p (scipy.stats.ks_2samp, two-sided, method
              'auto': exact up to 10,000 rows a side, asymptotic above)
  psi         bins from the reference deciles: edges = the distinct type-7 quantiles 0.1 .. 0.9 of
              the reference; a value's bin = how many edges are strictly below it; shares of the
              non-missing rows, an empty bin's share taken as 1e-4 (not renormalised);
              psi = sum((cur - ref) * ln(cur / ref)); psi_bins = edges + 1
  js          Jensen-Shannon distance, base 2, on the same bins' unsmoothed shares
  wass_norm   Wasserstein-1 distance / max(population std of the reference, 0.001)
Categorical columns and the label (categories: sorted union of both sides' values):
  chi2, chi2_p, chi2_dof  chi-square test of homogeneity of the 2 x K counts, no continuity
              correction (scipy.stats.chi2_contingency)
  psi, js     as above, one bin per category
  linf, linf_value  the largest |cur - ref| share and its category (TFDV's L-infinity)
  new, new_count    categories seen only in the current file (the first 10, and how many)
drifted_by: the rules that fire: ks_p<0.05, chi2_p<0.05, psi>0.2, js>0.1, wass_norm>0.1.
"""
import argparse
import time
from collections import defaultdict

from scipy import stats
from scipy.spatial.distance import jensenshannon

from common import emit, environment, np, read, repeat, schema_for, timing

FLOOR = 1e-4
RULES = ("ks_p<0.05", "chi2_p<0.05", "psi>0.2", "js>0.1", "wass_norm>0.1")


class Stopwatch:
    """Seconds spent per statistic family over one drift run."""

    def __init__(self):
        self.seconds = defaultdict(float)
        self.start = time.perf_counter()

    def lap(self, family):
        now = time.perf_counter()
        self.seconds[family] += now - self.start
        self.start = now


def psi(ref_share, cur_share):
    r = np.where(ref_share == 0, FLOOR, ref_share)
    c = np.where(cur_share == 0, FLOOR, cur_share)
    return float(np.sum((c - r) * np.log(c / r)))


def numeric(ref, cur, watch):
    r, c = ref.to_numpy(dtype=np.float64), cur.to_numpy(dtype=np.float64)
    out = {"kind": "numeric", "miss_ref": np.isnan(r).mean(), "miss_cur": np.isnan(c).mean()}
    r, c = r[~np.isnan(r)], c[~np.isnan(c)]
    watch.lap("prep")
    ks = stats.ks_2samp(r, c)
    out.update(ks=ks.statistic, ks_p=ks.pvalue)
    watch.lap("ks")
    edges = np.unique(np.quantile(r, np.arange(1, 10) / 10))
    bins = len(edges) + 1
    ref_share = np.bincount(np.searchsorted(edges, r, side="left"), minlength=bins) / len(r)
    cur_share = np.bincount(np.searchsorted(edges, c, side="left"), minlength=bins) / len(c)
    out.update(psi=psi(ref_share, cur_share), psi_bins=bins)
    watch.lap("psi")
    out["js"] = jensenshannon(ref_share, cur_share, base=2)
    watch.lap("js")
    out["wass_norm"] = stats.wasserstein_distance(r, c) / max(float(np.std(r)), 0.001)
    watch.lap("wasserstein")
    return out


def categorical(ref, cur, watch):
    out = {"kind": "categorical", "miss_ref": float(ref.isna().mean()), "miss_cur": float(cur.isna().mean())}
    ref_counts, cur_counts = ref.dropna().value_counts(), cur.dropna().value_counts()
    categories = sorted(set(ref_counts.index) | set(cur_counts.index))
    r = ref_counts.reindex(categories, fill_value=0).to_numpy(dtype=np.float64)
    c = cur_counts.reindex(categories, fill_value=0).to_numpy(dtype=np.float64)
    ref_share, cur_share = r / r.sum(), c / c.sum()
    out["categories"] = len(categories)
    watch.lap("prep")
    if len(categories) > 1:
        chi2, p, dof, _ = stats.chi2_contingency(np.vstack([r, c]), correction=False)
        out.update(chi2=chi2, chi2_p=p, chi2_dof=dof)
    else:
        out.update(chi2=0.0, chi2_p=1.0, chi2_dof=0)
    watch.lap("chi2")
    out["psi"] = psi(ref_share, cur_share)
    watch.lap("psi")
    out["js"] = jensenshannon(ref_share, cur_share, base=2)
    gap = np.abs(cur_share - ref_share)
    at = int(np.argmax(gap))
    out.update(linf=gap[at], linf_value=str(categories[at]))
    watch.lap("js_linf")
    new = [v for v in categories if v not in ref_counts.index]
    out.update(new=new[:10], new_count=len(new))
    return out


def fired(col):
    checks = {"ks_p<0.05": col.get("ks_p", 1.0) < 0.05, "chi2_p<0.05": col.get("chi2_p", 1.0) < 0.05,
              "psi>0.2": col["psi"] > 0.2, "js>0.1": col["js"] > 0.1,
              "wass_norm>0.1": col.get("wass_norm", 0.0) > 0.1}
    return [rule for rule in RULES if checks[rule]]


def drift(ref, cur, schema):
    watch = Stopwatch()
    ignored = set(schema.get("ignore") or ())
    numbers = set(schema["numeric"])
    columns = {}
    for name in (c for c in ref.columns if c not in ignored and c in cur.columns):
        if name in numbers:
            col = numeric(ref[name], cur[name], watch)
        else:  # text features and the label, compared as categories
            as_text = lambda s: s.astype(object).where(s.notna())
            col = categorical(as_text(ref[name]), as_text(cur[name]), watch)
        col["drifted_by"] = fired(col)
        columns[name] = col
    by_rule = {rule: sorted(n for n, c in columns.items() if rule in c["drifted_by"]) for rule in RULES}
    return {"columns": columns, "drifted_by_rule": by_rule}, dict(watch.seconds)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reference_csv")
    ap.add_argument("current_csv")
    ap.add_argument("--schema", help="column roles (default: the reference's NAME.schema.json)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--nrows", type=int)
    ap.add_argument("--no-result", action="store_true", help="timings only")
    a = ap.parse_args()
    ref, schema, read_ref = read(a.reference_csv, schema_for(a.reference_csv, a.schema), a.nrows)
    cur, _, read_cur = read(a.current_csv, schema, a.nrows)
    (result, families), runs = repeat(lambda: drift(ref, cur, schema), a.repeat)
    out = {"task": "drift", "reference": a.reference_csv, "current": a.current_csv,
           "rows_ref": len(ref), "rows_cur": len(cur), "cols": len(result["columns"]),
           "read_s": round(read_ref + read_cur, 4), "compute": timing(runs),
           "last_run_by_family_s": {k: round(v, 4) for k, v in families.items()},
           "total_s": round(read_ref + read_cur + min(runs), 4), "env": environment()}
    if not a.no_result:
        out["result"] = result
    emit(out)


if __name__ == "__main__":
    main()
