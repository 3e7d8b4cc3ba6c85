#!/usr/bin/env python3
"""Executes notebooks with nbclient against a kernel and writes the executed notebook and its HTML.

    run_notebooks.py --kernel NAME --out DIR PATH...

PATH is a notebook or a folder of them. Each notebook runs in a fresh kernel with its own folder
as the working directory. Progress goes to stderr, one line per notebook; the exit code is the
number of notebooks that failed (capped at 100).
"""
import argparse
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter


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
    for i, path in enumerate(found, 1):
        start = time.time()
        print(f"[{i}/{len(found)}] {path} ...", file=sys.stderr, flush=True)
        _, error = execute(path, args.kernel, pathlib.Path(args.out), args.timeout)
        took = time.time() - start
        if error is None:
            print(f"[{i}/{len(found)}] {path}: ok in {took:.1f}s", file=sys.stderr, flush=True)
        else:
            failed += 1
            print(f"[{i}/{len(found)}] {path}: FAILED in {took:.1f}s\n{error}", file=sys.stderr, flush=True)
    print(f"{len(found) - failed} passed, {failed} failed", flush=True)
    return min(failed, 100)


if __name__ == "__main__":
    sys.exit(main())
