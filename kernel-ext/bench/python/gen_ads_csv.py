#!/usr/bin/python3
"""Writes a synthetic ad-impression CSV for the quality, drift and label benchmarks, and
NAME.schema.json beside it with the column roles.

  /usr/bin/python3 gen_ads_csv.py --rows 1000000 --out /tmp/dq/ads_ref.csv
  /usr/bin/python3 gen_ads_csv.py --rows 1000000 --variant current --out /tmp/dq/ads_cur.csv

A row is one impression: 12 numeric and 7 categorical features, the label `clicked` (about 3%
positive) and `_flipped` (1 where the label was flipped on purpose: the truth a label-noise
detector is scored against; never a feature). Missing values are empty fields; no other token a
reader could take for missing is written.

--variant current uses seed + 1 and changes the world as DRIFT says (data drift in five columns,
and a changed label model), so a drift test knows which columns must be found drifted.
"""
import argparse
import json
import os
import sys
import time

from common import np, pd

NUMERIC = ["user_age", "session_len_s", "query_len", "hour_of_day", "ad_position", "bid_cents",
           "hist_ctr", "user_clicks_30d", "ad_quality", "page_load_ms", "days_since_last_visit",
           "price_usd"]
CATEGORICAL = ["device", "country", "ad_category", "query_category", "browser", "campaign_id",
               "day_of_week"]
LABEL, TRUTH = "clicked", "_flipped"

DRIFT = {
    "session_len_s": "x 1.2",
    "query_len": "+1 on 2% of rows (detectable at 1M rows, negligible in practice)",
    "hist_ctr": "x 1.1",
    "device": "mobile 60% -> 70%",
    "country": "a new code 'XX' on 1% of rows",
    "concept": "label weights: hist_ctr 0.9 -> 0.45, ad_position -0.30 -> -0.45",
}
# rows left empty, per column
MISSING = {"user_age": 0.01, "session_len_s": 0.02, "days_since_last_visit": 0.03, "country": 0.01}

COUNTRIES = "US GB DE FR IN BR JP CA AU ES IT MX NL SE PL TR KR ID AR ZA NG EG PH VN TH CH AT BE IE PT".split()
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 6, 7, 7, 6, 6, 6, 7, 8, 9, 9, 7, 4, 2]


def zipf(k, s):
    w = np.arange(1, k + 1, dtype=float) ** -s
    return w / w.sum()


def pick(rng, names, n, p=None):
    return rng.choice(np.asarray(names, dtype=object), n, p=p)


def features(rng, n, current):
    f = {}
    f["user_age"] = np.clip(np.rint(rng.normal(35, 12, n)), 13, 90)
    f["session_len_s"] = np.round(rng.lognormal(4.0, 1.0, n) * (1.2 if current else 1.0), 1)
    f["query_len"] = (rng.poisson(3, n) + 1 + ((rng.random(n) < 0.02) if current else 0)).astype(float)
    f["hour_of_day"] = rng.choice(24, n, p=np.asarray(HOUR_WEIGHTS) / sum(HOUR_WEIGHTS)).astype(float)
    f["ad_position"] = (rng.choice(8, n, p=zipf(8, 0.8)) + 1).astype(float)
    f["bid_cents"] = np.round(rng.gamma(2.0, 40.0, n), 2)
    f["hist_ctr"] = np.round(rng.beta(2.0, 60.0, n) * (1.1 if current else 1.0), 6)
    f["user_clicks_30d"] = rng.poisson(1.5, n).astype(float)
    f["ad_quality"] = np.round(rng.normal(0.0, 1.0, n), 4)
    f["page_load_ms"] = np.round(rng.lognormal(6.5, 0.5, n), 0)
    f["days_since_last_visit"] = np.rint(rng.exponential(10.0, n))
    f["price_usd"] = np.round(rng.lognormal(3.0, 1.0, n), 2)
    f["device"] = pick(rng, ["mobile", "desktop", "tablet"], n,
                       [0.70, 0.24, 0.06] if current else [0.60, 0.33, 0.07])
    f["country"] = pick(rng, COUNTRIES, n, zipf(len(COUNTRIES), 1.0))
    if current:
        f["country"][rng.random(n) < 0.01] = "XX"
    category = rng.choice(20, n, p=zipf(20, 0.9))
    f["ad_category"] = np.asarray(["adcat_%02d" % i for i in range(20)], dtype=object)[category]
    f["query_category"] = pick(rng, ["qcat_%02d" % i for i in range(50)], n, zipf(50, 1.0))
    f["browser"] = pick(rng, ["chrome", "safari", "firefox", "edge", "samsung", "other"], n,
                        [0.55, 0.2, 0.08, 0.08, 0.05, 0.04])
    f["campaign_id"] = pick(rng, ["camp_%04d" % i for i in range(1000)], n, zipf(1000, 1.1))
    f["day_of_week"] = pick(rng, ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], n)
    return f, category


def clicks(rng, f, category, current, pos_rate):
    """Logistic label model; the intercept is found by bisection so the mean probability is pos_rate."""
    category_effect = np.random.default_rng(7).normal(0.0, 0.4, 20)
    ctr_weight, position_weight = (0.45, -0.45) if current else (0.9, -0.30)
    score = (ctr_weight * (f["hist_ctr"] - 2 / 62) / 0.0223
             + position_weight * (f["ad_position"] - 1)
             + 0.5 * f["ad_quality"] + 0.4 * (f["device"] == "desktop")
             + category_effect[category] + 0.2 * (f["query_len"] > 4))
    lo, hi = -20.0, 20.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if (1 / (1 + np.exp(-(score + mid)))).mean() > pos_rate else (mid, hi)
    return (rng.random(len(score)) < 1 / (1 + np.exp(-(score + lo)))).astype(np.int64)


def flip(rng, y, share):
    """Flips `share` of the positives to 0 and as many negatives to 1: prevalence stays, both
    directions of noise occur."""
    flipped = np.zeros(len(y), dtype=np.int64)
    positives, negatives = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    k = int(round(share * len(positives)))
    if k:
        down = rng.choice(positives, k, replace=False)
        up = rng.choice(negatives, k, replace=False)
        y[down], y[up] = 0, 1
        flipped[down] = flipped[up] = 1
    return flipped


def generate(n, seed, current, pos_rate, noise):
    rng = np.random.default_rng(seed)
    f, category = features(rng, n, current)
    y = clicks(rng, f, category, current, pos_rate)
    flipped = flip(rng, y, noise)
    for column, rate in MISSING.items():
        hole = rng.random(n) < rate
        values = f[column].astype(object if f[column].dtype == object else float)
        values[hole] = None if values.dtype == object else np.nan
        f[column] = values
    df = pd.DataFrame({c: f[c] for c in NUMERIC + CATEGORICAL})
    df[LABEL], df[TRUTH] = y, flipped
    return df


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--variant", choices=["reference", "current"], default="reference")
    ap.add_argument("--pos-rate", type=float, default=0.03, help="mean click probability before noise")
    ap.add_argument("--noise", type=float, default=0.10, help="share of positives flipped (and as many negatives)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    start = time.perf_counter()
    current = a.variant == "current"
    seed = a.seed + current
    df = generate(a.rows, seed, current, a.pos_rate, a.noise)
    made = time.perf_counter() - start
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    df.to_csv(a.out, index=False, na_rep="", float_format="%.6g")
    with open((a.out[:-4] if a.out.endswith(".csv") else a.out) + ".schema.json", "w") as f:
        json.dump({"numeric": NUMERIC, "categorical": CATEGORICAL, "label": LABEL, "ignore": [TRUTH],
                   "variant": a.variant, "seed": seed, "rows": a.rows, "pos_rate": a.pos_rate,
                   "noise": a.noise, "drift_applied": DRIFT if current else {}}, f, indent=1)
    json.dump({"task": "generate", "out": a.out, "rows": a.rows, "variant": a.variant, "seed": seed,
               "positives": int(df[LABEL].sum()), "flipped": int(df[TRUTH].sum()),
               "generate_s": round(made, 3), "total_s": round(time.perf_counter() - start, 3)},
              sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
