"""Writes the multiclass reference the toolkit's MulticlassReport is tested against.

Two models are fitted on scikit-learn's digits (1,797 images of 8x8 pixels, ten classes) and
score a held-out quarter: a logistic regression (good, soft probabilities) and a Gaussian naive
Bayes (worse, probabilities pinned at 0 and 1, which exercises log-loss clipping). Each model's
rows go to digits_<model>.csv (label, prediction, p_0..p_9 rounded to 6 decimals) and
scikit-learn's metrics, computed on exactly those rounded values, to digits_<model>.json.

Run with a Python that has scikit-learn (Debian: python3-sklearn):
    python3 make_digits_reference.py
"""
import csv
import json

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, confusion_matrix, log_loss,
                             precision_recall_fscore_support)
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
models = {
    "logistic": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000, C=0.05)),
    "naive_bayes": GaussianNB(),
}
labels = list(range(10))
for name, model in models.items():
    model.fit(X_train, y_train)
    proba = np.round(model.predict_proba(X_test), 6)
    pred = proba.argmax(axis=1)
    with open(f"digits_{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["label", "prediction"] + [f"p_{k}" for k in labels])
        for yt, yp, row in zip(y_test, pred, proba):
            w.writerow([int(yt), int(yp)] + [f"{v:.6f}" for v in row])
    p, r, f1, s = precision_recall_fscore_support(y_test, pred, labels=labels, zero_division=0)
    ref = {
        "sklearn": sklearn.__version__,
        "classes": [str(k) for k in labels],
        "precision": p.tolist(), "recall": r.tolist(), "f1": f1.tolist(), "support": s.tolist(),
        "accuracy": accuracy_score(y_test, pred),
        "log_loss": log_loss(y_test, proba, labels=labels),
        "confusion": confusion_matrix(y_test, pred, labels=labels).tolist(),
    }
    for avg in ("macro", "weighted", "micro"):
        ap, ar, af, _ = precision_recall_fscore_support(y_test, pred, labels=labels, average=avg, zero_division=0)
        ref[avg] = {"precision": ap, "recall": ar, "f1": af}
    with open(f"digits_{name}.json", "w") as f:
        json.dump(ref, f, indent=1)
        f.write("\n")
    print(name, "accuracy", ref["accuracy"], "log_loss", ref["log_loss"])
