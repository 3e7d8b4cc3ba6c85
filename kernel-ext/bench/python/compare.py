#!/usr/bin/python3
"""Compares the Java and Python sides of a benchmark value by value.

  ./mlcycle bench quality --ref ads_ref.csv --cur ads_cur.csv > java.jsonl
  /usr/bin/python3 bench_profile.py ads_ref.csv > python.jsonl
  /usr/bin/python3 bench_drift.py ads_ref.csv ads_cur.csv >> python.jsonl
  ./mlcycle bench compare java.jsonl python.jsonl        # or: /usr/bin/python3 compare.py ...

Each file holds JSON lines as the benchmarks print them; lines are matched by "task" and their
"result" objects are walked together. Integers and text must be equal; numbers within a
tolerance: relative --rel (default 1e-9) for statistics, --p-rel (default 5e-3) for p-values
(keys ending in "_p": asymptotic p-values differ slightly between libraries; commons-math3 gave
0.0314203 where SciPy gave 0.03138 for the same D), and the --model
tolerances for the cross-validation task, whose two sides train different learners (Tribuo and
scikit-learn), so only closeness is asked there. A key on one side only is listed, not failed,
except a column missing from one side. Exit status 1 when any value differs.
"""
import argparse
import json
import math
import sys

# cv_cl: the two sides fit different models; these keys are compared loosely, the rest skipped
MODEL_ABS = {"oof_roc_auc": 0.02, "oof_average_precision": 0.03, "oof_log_loss": 0.02, "oof_brier": 0.005,
             "precision": 0.05, "recall": 0.05, "thresholds": 0.02}
MODEL_REL = {"flagged": 0.15}
MODEL_EXACT = {"true_flipped", "class_counts", "classes"}


class Comparison:
    def __init__(self, rel, p_rel, model_scale):
        self.rel, self.p_rel, self.model_scale = rel, p_rel, model_scale
        self.compared, self.failures, self.one_sided = 0, [], {}

    def fail(self, path, java, python, why):
        self.failures.append("%s: java %s, python %s (%s)" % (path, short(java), short(python), why))

    def number(self, path, key, java, python, task):
        self.compared += 1
        if java is None or python is None:
            if java is not python:
                self.fail(path, java, python, "one side is null")
            return
        if task == "cv_cl" and key in MODEL_ABS:
            tol = MODEL_ABS[key] * self.model_scale
            if abs(java - python) > tol:
                self.fail(path, java, python, "|diff| > %g" % tol)
            return
        if task == "cv_cl" and key in MODEL_REL:
            tol = MODEL_REL[key] * self.model_scale
            if abs(java - python) > tol * max(abs(java), abs(python)):
                self.fail(path, java, python, "relative diff > %g" % tol)
            return
        if isinstance(java, bool) or isinstance(python, bool) or (isinstance(java, int) and isinstance(python, int)):
            if java != python:
                self.fail(path, java, python, "must be equal")
            return
        rel = self.p_rel if key.endswith("_p") else self.rel
        if not math.isclose(java, python, rel_tol=rel, abs_tol=1e-12):
            self.fail(path, java, python, "relative diff > %g" % rel)

    def walk(self, path, key, java, python, task):
        if task == "cv_cl" and key not in MODEL_ABS and key not in MODEL_REL and key not in MODEL_EXACT \
                and not isinstance(java, dict):
            return  # a model's own numbers (joints, ranked rows): not comparable across learners
        if isinstance(java, dict) and isinstance(python, dict):
            for k in java.keys() | python.keys():
                where = "%s.%s" % (path, k)
                if k not in python or k not in java:
                    side = "java" if k in java else "python"
                    if key in ("column", "columns"):
                        self.failures.append("%s: only on the %s side" % (where, side))
                    else:
                        self.one_sided[(side, k)] = self.one_sided.get((side, k), 0) + 1
                    continue
                self.walk(where, k, java[k], python[k], task)
        elif isinstance(java, list) and isinstance(python, list):
            if len(java) != len(python):
                self.compared += 1
                self.fail(path, java, python, "lengths %d and %d" % (len(java), len(python)))
                return
            for i, (j, p) in enumerate(zip(java, python)):
                self.walk("%s[%d]" % (path, i), key, j, p, task)
        elif is_number(java) and is_number(python) or java is None or python is None:
            self.number(path, key, java, python, task)
        else:
            self.compared += 1
            if java != python and str(java) != str(python):  # class labels: "1" on one side, 1 on the other
                self.fail(path, java, python, "must be equal")


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) or v is None


def short(v):
    text = json.dumps(v)
    return text if len(text) <= 60 else text[:57] + "..."


def by_task(path):
    tasks = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit("compare: %s line %d is not JSON: %s" % (path, n, e))
            if "task" in record:
                tasks[record["task"]] = record
    return tasks


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("java")
    ap.add_argument("python")
    ap.add_argument("--rel", type=float, default=1e-9, help="relative tolerance of statistics")
    ap.add_argument("--p-rel", type=float, default=5e-3, help="relative tolerance of p-values")
    ap.add_argument("--model", type=float, default=1.0, help="scales the cross-validation tolerances")
    a = ap.parse_args(argv)
    java, python = by_task(a.java), by_task(a.python)
    both = sorted(java.keys() & python.keys())
    if not both:
        sys.exit("compare: no task in both files (java: %s; python: %s)"
                 % (", ".join(sorted(java)) or "none", ", ".join(sorted(python)) or "none"))
    bad = 0
    for task in both:
        j, p = java[task].get("result"), python[task].get("result")
        if j is None or p is None:
            print("%s: no result on the %s side (run it without --no-result)" % (task, "java" if j is None else "python"))
            bad += 1
            continue
        c = Comparison(a.rel, a.p_rel, a.model)
        c.walk(task, None, j, p, task)
        times = "java read %.2fs + compute %.2fs; python read %.2fs + compute %.2fs" % (
            java[task].get("read_s") or 0, min_compute(java[task]), python[task].get("read_s") or 0,
            min_compute(python[task]))
        verdict = "same" if not c.failures else "%d differ" % len(c.failures)
        print("%s: %d values compared, %s (%s)" % (task, c.compared, verdict, times))
        for line in c.failures:
            print("  DIFFERS " + line)
        for side in ("java", "python"):
            keys = ["%s (%dx)" % (k, n) if n > 1 else k for (sd, k), n in sorted(c.one_sided.items()) if sd == side]
            if keys:
                print("  only on the %s side, not compared: %s" % (side, ", ".join(keys)))
        bad += len(c.failures)
    return 1 if bad else 0


def min_compute(record):
    for key in ("compute", "cv"):
        if isinstance(record.get(key), dict):
            return record[key].get("min_s") or 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
