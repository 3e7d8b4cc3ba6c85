#!/usr/bin/env python3
"""Executes notebooks with nbclient against a kernel and writes the executed notebook and its HTML.

    run_notebooks.py --kernel NAME --out DIR PATH...

PATH is a notebook or a folder of them. Each notebook runs in a fresh kernel with its own folder
as the working directory. Progress goes to stderr, one line per notebook; DIR/index.html links the
executed lessons in order (a static course to read without Jupyter); a summary table goes to
stdout. The exit code is the number of notebooks that failed (capped at 100).
"""
import html
import argparse
import pathlib
import sys
import time
import warnings

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

# The course's facts (application/vnd.mlcycle.facts+json) are for its tests: HTML shows nothing of
# them, as intended, and nbconvert need not warn about it.
warnings.filterwarnings("ignore", message=r"Your element with mimetype\(s\) dict_keys\(\['application/vnd\.mlcycle\.facts\+json'\]\)")


def notebooks(paths):
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*.ipynb") if ".ipynb_checkpoints" not in q.parts)
        else:
            yield p


def execute(path, kernel, out_dir, timeout):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout,
                            resources={"metadata": {"path": str(path.parent)}})
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = e
    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out_dir / path.name)
    html, _ = HTMLExporter().from_notebook_node(nb)
    (out_dir / path.with_suffix(".html").name).write_text(html, encoding="utf-8")
    return nb, error


def exercises_of(nb):
    """(passed, total) over the graded check cells: a check passed when its value says "Correct"."""
    checks = [c for c in nb.cells if c.cell_type == "code"
              and (c.metadata.get("nbgrader", {}).get("grade") or "check" in c.metadata.get("tags", []))]
    passed = 0
    for c in checks:
        values = [o.get("data", {}).get("text/plain", "") for o in c.get("outputs", [])
                  if o.get("output_type") == "execute_result"]
        texts = values + [o.get("text", "") for o in c.get("outputs", []) if o.get("output_type") == "stream"]
        errors = [o for o in c.get("outputs", []) if o.get("output_type") == "error"]
        passed += 1 if not errors and any(t.lstrip().startswith("Correct") for t in texts) else 0
    return passed, len(checks)


def title_of(nb, path):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def write_index(out_dir, rows):
    out_dir.mkdir(parents=True, exist_ok=True)
    items = "\n".join(
        f'<li><a href="{html.escape(pathlib.Path(name).with_suffix(".html").name)}">{html.escape(title)}</a>'
        f'{"" if ok else " <em>(failed to run)</em>"}</li>'
        for name, _, ok, title, _ in rows)
    (out_dir / "index.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>mlcycle lessons</title></head>"
        "<body style='font-family:sans-serif;max-width:48em;margin:2em auto'>"
        "<h1>mlcycle: the machine-learning production cycle, in Java</h1>"
        f"<ol>\n{items}\n</ol></body></html>\n", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="mlcycle")
    ap.add_argument("--out", default="build/lessons")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    failed = 0
    found = list(notebooks(args.paths))
    if not found:
        print(f"no notebooks under {' '.join(args.paths)}", file=sys.stderr)
        return 1
    rows = []
    for i, path in enumerate(found, 1):
        start = time.time()
        print(f"[{i}/{len(found)}] {path} ...", file=sys.stderr, flush=True)
        nb, error = execute(path, args.kernel, pathlib.Path(args.out), args.timeout)
        took = time.time() - start
        rows.append((path.name, took, error is None, title_of(nb, path), exercises_of(nb)))
        if error is None:
            print(f"[{i}/{len(found)}] {path}: ok in {took:.1f}s", file=sys.stderr, flush=True)
        else:
            failed += 1
            print(f"[{i}/{len(found)}] {path}: FAILED in {took:.1f}s\n{error}", file=sys.stderr, flush=True)
    write_index(pathlib.Path(args.out), rows)
    width = max(len(r[0]) for r in rows)
    print(f"{'notebook':<{width}}  seconds  result  exercises passed")
    for name, seconds, ok, title, (passed, total) in rows:
        print(f"{name:<{width}}  {seconds:7.1f}  {'ok' if ok else 'FAILED':<6}  {passed}/{total}")
    passed = sum(r[4][0] for r in rows)
    total = sum(r[4][1] for r in rows)
    print(f"{len(found) - failed} passed, {failed} failed; exercises {passed}/{total} passed with the solutions in",
          flush=True)
    return min(failed, 100)


if __name__ == "__main__":
    sys.exit(main())
