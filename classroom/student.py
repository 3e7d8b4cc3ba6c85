#!/usr/bin/env python3
"""Writes student versions of notebooks: every solution region replaced by a placeholder, outputs cleared.

    student.py [--seed-from IDS.txt] [--out DIR] [--link-datasets] [PATH ...]

PATH is a notebook or a folder of them (default: lessons/). Without --seed-from the versions go to
DIR/lessons/ (default build/student/lessons/); with it, one folder per student id (one id a line,
'#' starts a comment) holding that student's copy, whose %variant cells name the student so the
seeded exercises give each one their own data. Nothing else in a notebook changes.

The lessons read their data from ../datasets, so DIR/datasets is a copy of the repository's
datasets/ (a link to it with --link-datasets): each folder of notebooks opens and runs as it is,
and DIR can be handed out whole.
"""
import argparse
import pathlib
import shutil
import sys

import nbformat

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import cells  # noqa: E402

DATASETS = pathlib.Path(__file__).resolve().parents[1] / "datasets"
SHARED = "lessons"  # the folder of the copies without --seed-from


def notebooks(paths):
    for p in map(pathlib.Path, paths):
        if p.is_dir():
            yield from sorted(q for q in p.glob("*.ipynb"))
        elif p.suffix == ".ipynb":
            yield p
        else:
            raise SystemExit(f"student: {p} is neither a notebook nor a folder")


def student_version(nb, where):
    """Strips the solutions of `nb` in place; returns how many cells were stripped."""
    bad = cells.problems(nb)
    if bad:
        raise ValueError(f"{where}: " + "; ".join(bad))
    language = nb.metadata.get("kernelspec", {}).get("language", "java")
    stripped = 0
    for i, cell in enumerate(nb.cells):
        if cells.is_solution(cell):
            stub = cells.STUB["code"] if cell.cell_type == "code" else cells.STUB["markdown"]
            if cell.cell_type == "code" and language != "java":
                raise ValueError(f"{where}: kernel language '{language}', but only Java stubs are known")
            try:
                cell.source = cells.strip_solution(cell.source, stub)
            except ValueError as e:
                raise ValueError(f"{where}, cell {i} ({cells.grade_id(cell)}): {e}") from None
            stripped += 1
    cells.clear_outputs(nb)
    return stripped


def read_ids(path):
    ids = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            if not cells.GRADE_ID.match(line):
                raise SystemExit(f"student: '{line}' in {path} is not a usable student id (letters, digits, _ and -)")
            ids.append(line)
    if not ids:
        raise SystemExit(f"student: no student ids in {path}")
    if len(set(ids)) != len(ids):
        raise SystemExit(f"student: {path} lists a student twice")
    if "datasets" in ids:
        raise SystemExit(f"student: {path} lists a student 'datasets', the name of the data folder beside theirs")
    return ids


def place_datasets(out, link):
    """Puts datasets/ in `out`, beside the notebook folders, as the lessons' ../datasets expects; a copy (or
    a link) already there is kept. Returns what was done, for the summary line."""
    target = out / "datasets"
    if target.exists():
        return f"kept {target}"
    if not (DATASETS / "MANIFEST").is_file():
        raise SystemExit(f"student: no datasets to put beside the notebooks: {DATASETS} has no MANIFEST")
    out.mkdir(parents=True, exist_ok=True)
    if link:
        target.symlink_to(DATASETS, target_is_directory=True)
        return f"linked {target} to {DATASETS}"
    shutil.copytree(DATASETS, target, ignore=shutil.ignore_patterns("generated"))  # made again on first use
    return f"copied the datasets to {target}"


def main(argv=None):
    ap = argparse.ArgumentParser(prog="mlcycle student", description=__doc__.split("\n")[0])
    ap.add_argument("--seed-from", metavar="IDS.txt", help="one student id per line: a seeded copy each")
    ap.add_argument("--out", default="build/student", help="where the versions go (default build/student)")
    ap.add_argument("--link-datasets", action="store_true",
                    help="link DIR/datasets to the repository's datasets/ instead of copying them")
    ap.add_argument("paths", nargs="*", default=["lessons"])
    args = ap.parse_args(argv)
    found = list(notebooks(args.paths))
    if not found:
        raise SystemExit(f"student: no notebooks under {' '.join(args.paths)}")
    ids = read_ids(args.seed_from) if args.seed_from else [None]
    out = pathlib.Path(args.out)
    for path in found:
        for sid in ids:
            nb = nbformat.read(path, as_version=4)
            try:
                stripped = student_version(nb, path)
            except ValueError as e:
                raise SystemExit(f"student: {e}")
            target = out / (SHARED if sid is None else sid)
            if sid is not None:
                cells.set_variant(nb, sid)
                nb.metadata.setdefault("mlcycle", {})["student"] = sid
            target.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, target / path.name)
        print(f"student: {path.name}: {stripped} solution cell(s) stripped, {len(ids)} cop{'y' if len(ids) == 1 else 'ies'}",
              file=sys.stderr)
    placed = place_datasets(out, args.link_datasets)
    print(f"student: wrote {len(found) * len(ids)} notebook(s) under {out}; {placed}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
