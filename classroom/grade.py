#!/usr/bin/env python3
"""Grades a class's submitted notebooks: runs each one in the real kernel, scores the graded cells.

    grade.py DIR [--out DIR] [--kernel NAME] [--timeout SECONDS]

DIR holds one folder per student (DIR/alice/*.ipynb, nbgrader's layout) or notebooks named after
their student (DIR/alice.ipynb). Each notebook runs with nbclient in a fresh kernel, with its
%variant cells set to its student and its graded cells put back to `%check_answer <grade_id>`, so an
edited check cannot award itself points. Scoring follows nbgrader: a graded cell with an error or
any stderr output scores 0. A notebook that cannot be read or whose kernel dies scores 0 with the
error shown; grading goes on with the next one.

Each student's notebooks run in OUT/STUDENT/, in file-name order, so they share one journal there
as a learner's run does; OUT/datasets links to the repository's datasets/, which the lessons read
as ../datasets. Writes OUT/grades.csv (one row per student and notebook, one column per exercise),
OUT/feedback/STUDENT.html, and each executed notebook with its HTML under OUT/STUDENT/.
"""
import argparse
import csv
import os
import pathlib
import sys
import time
import traceback

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import cells  # noqa: E402
import feedback  # noqa: E402


class Graded:
    """One student's notebook after grading."""

    def __init__(self, student, name):
        self.student, self.name = student, name
        self.status, self.error = "ok", ""  # error: for the instructor (grades.csv)
        self.reason = ""  # the same, in words for the student (feedback)
        self.exercises = []  # (grade_id, score, points, message)
        self.html = None

    @property
    def score(self):
        return 0.0 if self.status != "ok" else sum(e[1] for e in self.exercises)

    @property
    def max_score(self):
        return sum(e[2] for e in self.exercises)


def submissions(folder):
    """(student, notebook path) pairs, sorted."""
    found = []
    for p in sorted(folder.iterdir()):
        if p.is_dir() and not p.name.startswith("."):
            found += [(p.name, q) for q in sorted(p.rglob("*.ipynb")) if ".ipynb_checkpoints" not in q.parts]
        elif p.suffix == ".ipynb":
            found.append((p.stem, p))
    return found


def prepare(nb, student):
    cells.set_variant(nb, student)
    for cell in nb.cells:
        if cell.cell_type == "code" and cells.is_graded(cell) and not cells.is_solution(cell):
            cell.source = f"%check_answer {cells.grade_id(cell)}"
    cells.clear_outputs(nb)


def grade_one(student, path, args, out_dir):
    g = Graded(student, path.name)
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        bad = cells.problems(nb)
        if bad:
            raise ValueError("; ".join(bad))
    except Exception as e:  # any unreadable file is that student's 0, never the end of the run
        g.status, g.error = "malformed", f"{type(e).__name__}: {e}"
        g.reason = "the file is not a notebook that can be read: " + first_line(e)
        return g
    prepare(nb, student)
    work = (out_dir / student).resolve()
    work.mkdir(parents=True, exist_ok=True)
    # the kernel inherits this: the magics then write the journal the lessons open next to themselves
    os.environ["MLCYCLE_JOURNAL"] = str(work / ".mlcycle" / "journal.sqlite")
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout, allow_errors=True,
                            interrupt_on_timeout=True, resources={"metadata": {"path": str(work)}})
    try:
        client.execute()
    except Exception as e:  # the kernel died or would not start: the notebook did not run
        g.status = "failed to run"
        g.error = f"{type(e).__name__}: {e}".strip() or traceback.format_exc(limit=1)
        g.reason = stopped(e, args.timeout)
    for cell in nb.cells:
        if cells.is_graded(cell):
            g.exercises.append((cells.grade_id(cell), cells.score(cell), cells.points(cell), cells.message(cell)))
    nbformat.write(nb, work / path.name)
    html, _ = HTMLExporter().from_notebook_node(nb)
    g.html = work / path.with_suffix(".html").name
    g.html.write_text(html, encoding="utf-8")
    return g


def first_line(e):
    text = str(e).strip()
    return text.splitlines()[0] if text else "no details"


def stopped(e, timeout):
    """Why a notebook did not run to the end, for the student: no exception names, no trace."""
    name = type(e).__name__
    if name == "DeadKernelError":
        return ("the kernel stopped while your notebook ran (it ran out of memory or was ended), so the cells"
                " after that did not run")
    if name == "CellTimeoutError":
        return f"a cell ran longer than {timeout} seconds and was stopped, so the cells after it did not run"
    return "the notebook could not be run: " + first_line(e)


def write_csv(path, graded):
    ids = sorted({e[0] for g in graded for e in g.exercises})
    maxima = {}
    for g in graded:
        if g.status != "malformed":
            maxima[g.name] = max(maxima.get(g.name, 0.0), g.max_score)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "notebook", "score", "max_score", "status", *ids, "error"])
        for g in graded:
            by_id = {e[0]: e[1] for e in g.exercises} if g.status == "ok" else {e[0]: 0.0 for e in g.exercises}
            max_score = g.max_score if g.status != "malformed" else maxima.get(g.name, "")
            w.writerow([g.student, g.name, fmt(g.score), fmt(max_score), g.status,
                        *(fmt(by_id[i]) if i in by_id else "" for i in ids), g.error.splitlines()[0] if g.error else ""])


def fmt(x):
    return x if isinstance(x, str) else f"{x:g}"


def main(argv=None):
    ap = argparse.ArgumentParser(prog="mlcycle grade", description=__doc__.split("\n")[0])
    ap.add_argument("dir", help="the submissions: DIR/STUDENT/*.ipynb or DIR/STUDENT.ipynb")
    ap.add_argument("--out", help="where grades, feedback and executed notebooks go (default DIR/graded)")
    ap.add_argument("--kernel", default="mlcycle")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell before it is interrupted")
    args = ap.parse_args(argv)
    folder = pathlib.Path(args.dir)
    if not folder.is_dir():
        raise SystemExit(f"grade: {folder} is not a folder")
    out_dir = pathlib.Path(args.out) if args.out else folder / "graded"
    found = [(s, p) for s, p in submissions(folder) if out_dir.resolve() not in p.resolve().parents]
    if not found:
        raise SystemExit(f"grade: no notebooks in {folder} (expected {folder}/STUDENT/*.ipynb or {folder}/STUDENT.ipynb)")
    out_dir.mkdir(parents=True, exist_ok=True)
    datasets = pathlib.Path(__file__).resolve().parents[1] / "datasets"
    if datasets.is_dir() and not (out_dir / "datasets").exists():
        (out_dir / "datasets").symlink_to(datasets, target_is_directory=True)
    graded = []
    for i, (student, path) in enumerate(found, 1):
        start = time.time()
        g = grade_one(student, path, args, out_dir)
        graded.append(g)
        print(f"[{i}/{len(found)}] {student}/{path.name}: {fmt(g.score)}/{fmt(g.max_score)} {g.status}"
              f" in {time.time() - start:.1f}s" + (f"\n    {g.error.splitlines()[0]}" if g.error else ""),
              file=sys.stderr, flush=True)
    write_csv(out_dir / "grades.csv", graded)
    pages = feedback.write_pages(out_dir / "feedback", graded)
    print(f"grade: {len(graded)} notebook(s) of {len(pages)} student(s); {out_dir / 'grades.csv'}, "
          f"feedback in {out_dir / 'feedback'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
