#!/usr/bin/python3
"""Out-of-fold probabilities by stratified k-fold logistic regression (scikit-learn), then
confident learning; one JSON line with the read, cross-validation and confident-learning times and,
unless --no-result, the numbers, to compare with `./mlcycle bench labels` (see compare.py).

  /usr/bin/python3 bench_cv_cl.py ads_ref.csv [--nrows 200000] [--folds 5] [--model lbfgs|sgd5]

Cross-validation (cv): StratifiedKFold(folds, shuffle=True, random_state=seed); in each fold a
pipeline fitted on the training rows only: numeric columns -> median imputation -> standard
scaling; categorical columns -> missing as the value "(missing)" -> one-hot, unknown categories
ignored. Model: lbfgs = LogisticRegression(C=1, max_iter=100), scikit-learn's defaults; sgd5 =
SGDClassifier(log_loss, 5 epochs, tol=None), nearer to Tribuo's default trainer (AdaGrad, 5 epochs).

Confident learning (cl), as the paper states it (Northcutt, Jiang, Chuang, JAIR 2021):
  threshold t_k: mean probability of class k over the rows labelled k
  a row's confident class: among the classes with p_k >= t_k the one with the largest p_k (rows
  with none are left out); confident joint C[i][j]: rows labelled i, confident class j
  calibration: each row of C scaled to the count of label i, then the whole matrix to n rows
  prune by noise rate: for each i != j, among rows labelled i flag the round(C[i][j]) rows with
  the largest p_j - p_i; then unflag rows whose most probable class is their label
  ranking: flagged rows by p(given label), ascending
Reported: flagged, precision and recall against _flipped, and the out-of-fold ROC-AUC, average
precision, log loss and Brier score (against the noisy labels, as a user sees them).
"""
import argparse
import time
import warnings

from sklearn.compose import ColumnTransformer
from sklearn.exceptions import ConvergenceWarning
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from common import emit, environment, np, read, schema_for, timing


def model(numeric, categorical, kind, seed):
    prepare = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="(missing)"),
                              OneHotEncoder(handle_unknown="ignore")), categorical)])
    if kind == "lbfgs":
        learner = LogisticRegression(solver="lbfgs", C=1.0, max_iter=100)
    else:
        learner = SGDClassifier(loss="log_loss", max_iter=5, tol=None, random_state=seed)
    return make_pipeline(prepare, learner)


def confident_learning(y, p):
    n, k = p.shape
    label_counts = np.bincount(y, minlength=k).astype(float)
    thresholds = np.array([p[y == c, c].mean() if label_counts[c] else 2.0 for c in range(k)])
    confident = p >= thresholds
    counted = confident.any(axis=1)
    guess = np.where(confident, p, -np.inf).argmax(axis=1)
    joint = np.zeros((k, k))
    np.add.at(joint, (y[counted], guess[counted]), 1)
    per_label = joint.sum(axis=1, keepdims=True)
    calibrated = joint / np.where(per_label == 0, 1, per_label) * label_counts[:, None]
    calibrated *= n / calibrated.sum()
    flagged = np.zeros(n, dtype=bool)
    for i in range(k):
        rows = np.flatnonzero(y == i)
        for j in range(k):
            take = int(round(calibrated[i, j]))
            if i == j or take <= 0 or not len(rows):
                continue
            margin = p[rows, j] - p[rows, i]
            flagged[rows[np.argsort(-margin, kind="stable")[:take]]] = True
    flagged &= p.argmax(axis=1) != y
    ranked = np.flatnonzero(flagged)
    ranked = ranked[np.argsort(p[ranked, y[ranked]], kind="stable")]
    return thresholds, joint, calibrated, flagged, ranked


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv")
    ap.add_argument("--schema", help="column roles (default: NAME.schema.json beside NAME.csv)")
    ap.add_argument("--nrows", type=int, default=200_000)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--model", choices=["lbfgs", "sgd5"], default="lbfgs")
    ap.add_argument("--jobs", type=int, default=1, help="folds trained at once")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-result", action="store_true", help="timings only")
    a = ap.parse_args()
    df, schema, read_s = read(a.csv, schema_for(a.csv, a.schema), a.nrows)
    if not schema.get("label"):
        raise SystemExit("bench_cv_cl: the schema names no label column")
    numeric, categorical = list(schema["numeric"]), list(schema["categorical"])
    classes, y = np.unique(df[schema["label"]].to_numpy(), return_inverse=True)

    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        p = cross_val_predict(model(numeric, categorical, a.model, a.seed), df[numeric + categorical], y,
                              cv=StratifiedKFold(a.folds, shuffle=True, random_state=a.seed),
                              method="predict_proba", n_jobs=a.jobs)
    cv_s = time.perf_counter() - start
    start = time.perf_counter()
    thresholds, joint, calibrated, flagged, ranked = confident_learning(y, p)
    cl_s = time.perf_counter() - start

    out = {"task": "cv_cl", "csv": a.csv, "rows": len(df), "folds": a.folds, "model": a.model,
           "jobs": a.jobs, "read_s": round(read_s, 4), "cv": timing([cv_s]), "cl": timing([cl_s]),
           "total_s": round(read_s + cv_s + cl_s, 4),
           "convergence_warnings": sum(issubclass(w.category, ConvergenceWarning) for w in caught),
           "env": environment()}
    if not a.no_result:
        positive = len(classes) - 1
        is_positive, score = y == positive, p[:, positive]
        result = {"classes": classes, "class_counts": np.bincount(y),
                  "oof_roc_auc": roc_auc_score(is_positive, score),
                  "oof_average_precision": average_precision_score(is_positive, score),
                  "oof_log_loss": log_loss(y, p, labels=list(range(len(classes)))),
                  "oof_brier": brier_score_loss(is_positive, score),
                  "thresholds": thresholds, "confident_joint": joint,
                  "calibrated_joint": calibrated.round(3), "flagged": int(flagged.sum()),
                  "first_ranked_rows": ranked[:20]}
        if "_flipped" in df.columns:
            truth = df["_flipped"].to_numpy() == 1
            hits = int((flagged & truth).sum())
            result.update(true_flipped=int(truth.sum()), precision=hits / max(1, int(flagged.sum())),
                          recall=hits / max(1, int(truth.sum())))
        out["result"] = result
    emit(out)


if __name__ == "__main__":
    main()
