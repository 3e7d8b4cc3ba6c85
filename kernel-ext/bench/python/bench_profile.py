#!/usr/bin/python3
"""Profiles every column of a CSV with pandas and numpy; one JSON line with the read time, the
profile's time (min and median of --repeat runs) and, unless --no-result, the profile itself, to
compare with `./mlcycle bench quality --task profile` (see compare.py).

  /usr/bin/python3 bench_profile.py ads_ref.csv [--repeat 3] [--no-result]

What is computed (the toolkit's Profile computes the same):
  table     rows; columns (ignored ones left out); duplicate_rows: rows equal to an earlier row over
            every profiled column
  column    count (rows), missing, distinct (non-missing distinct values)
  numeric   mean, std (sample, n - 1), min, max, zeros; p05 p25 p50 p75 p95 as R type 7 (numpy's
            default: h = (n - 1) p, linear between order statistics); hist20: counts in 20
            equal-width bins over [min, max], the last bin closed on the right
  text      top10: the 10 most frequent values, ties by value ascending
The label counts as numeric; columns under "ignore" in the schema are skipped.
"""
import argparse

from common import emit, environment, np, read, repeat, schema_for, timing

QUANTILES = (0.05, 0.25, 0.50, 0.75, 0.95)


def numeric(series):
    values = series.to_numpy(dtype=np.float64)
    present = values[~np.isnan(values)]
    out = {"count": len(values), "missing": len(values) - len(present), "distinct": len(np.unique(present))}
    if not len(present):
        return out
    lo, hi = present.min(), present.max()
    out.update(mean=present.mean(), std=present.std(ddof=1) if len(present) > 1 else None,
               min=lo, max=hi, zeros=int(np.count_nonzero(present == 0)))
    for p, q in zip(QUANTILES, np.quantile(present, QUANTILES)):
        out["p%02d" % round(100 * p)] = q
    out["hist20"] = np.histogram(present, bins=20, range=(lo, hi))[0]
    return out


def text(series):
    counts = series.value_counts(dropna=True)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return {"count": len(series), "missing": int(series.isna().sum()), "distinct": len(counts),
            "top10": [[value, int(n)] for value, n in top]}


def profile(df, schema):
    ignored = set(schema.get("ignore") or ())
    columns = [c for c in df.columns if c not in ignored]
    as_numbers = set(schema["numeric"]) | {schema.get("label")}
    return {"rows": len(df), "columns": len(columns),
            "duplicate_rows": int(df[columns].duplicated().sum()),
            "column": {c: numeric(df[c]) if c in as_numbers else text(df[c]) for c in columns}}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv")
    ap.add_argument("--schema", help="column roles (default: NAME.schema.json beside NAME.csv)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--nrows", type=int)
    ap.add_argument("--no-result", action="store_true", help="timings only")
    a = ap.parse_args()
    df, schema, read_s = read(a.csv, schema_for(a.csv, a.schema), a.nrows)
    result, runs = repeat(lambda: profile(df, schema), a.repeat)
    out = {"task": "profile", "csv": a.csv, "rows": len(df), "cols": result["columns"],
           "read_s": round(read_s, 4), "compute": timing(runs), "total_s": round(read_s + min(runs), 4),
           "env": environment()}
    if not a.no_result:
        out["result"] = result
    emit(out)


if __name__ == "__main__":
    main()
