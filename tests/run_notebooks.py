#!/usr/bin/env python3
"""Executes notebooks with nbclient against a kernel and writes the executed notebook and its HTML.

    run_notebooks.py --kernel NAME --out DIR [--langs fa,zh,pt] PATH...

PATH is a notebook or a folder of them. With --langs, each language's translations of those
lessons (lessons/i18n/LANG/) are built and executed too, into DIR/LANG/, the kernel set to the
language (MLCYCLE_LANG); each index.html switches between the languages. Each notebook runs in a fresh kernel with its own folder
as the working directory. Progress goes to stderr, one line per notebook; DIR/index.html links the
executed lessons in order (a static course to read without Jupyter); a summary table goes to
stdout. The exit code is the number of notebooks that failed (capped at 100).
"""
import html
import argparse
import os
import pathlib
import shutil
import sys
import time
import warnings

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "classroom"))
import translations  # noqa: E402

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
    """Runs one notebook; a translated one (metadata.mlcycle.lang) in a kernel set to its language."""
    nb = nbformat.read(path, as_version=4)
    lang = nb.metadata.get("mlcycle", {}).get("lang", "en")
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout,
                            resources={"metadata": {"path": str(path.parent)}})
    error = None
    try:
        client.execute(env=dict(os.environ, MLCYCLE_LANG=lang))
    except CellExecutionError as e:
        error = e
    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out_dir / path.name)
    html, _ = HTMLExporter().from_notebook_node(nb)
    if lang != "en":
        html = translations.localize_html(html, lang)
    (out_dir / path.with_suffix(".html").name).write_text(html, encoding="utf-8")
    return nb, error


def exercises_of(nb):
    """(passed, total) over the graded check cells: a check passed when its value says "Correct" (in the
    notebook's language)."""
    correct = translations.correct_prefix(nb.metadata.get("mlcycle", {}).get("lang"))
    checks = [c for c in nb.cells if c.cell_type == "code"
              and (c.metadata.get("nbgrader", {}).get("grade") or "check" in c.metadata.get("tags", []))]
    passed = 0
    for c in checks:
        values = [o.get("data", {}).get("text/plain", "") for o in c.get("outputs", [])
                  if o.get("output_type") == "execute_result"]
        texts = values + [o.get("text", "") for o in c.get("outputs", []) if o.get("output_type") == "stream"]
        errors = [o for o in c.get("outputs", []) if o.get("output_type") == "error"]
        passed += 1 if not errors and any(t.lstrip().startswith(correct) for t in texts) else 0
    return passed, len(checks)


def title_of(nb, path):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


LANGUAGE_NAMES = {"en": "English", **translations.LANGUAGES}


def write_index(out_dir, rows, lang="en", langs=()):
    """DIR/index.html (English) or DIR/LANG/index.html: the lessons in order, and links to the other languages."""
    out_dir.mkdir(parents=True, exist_ok=True)
    items = "\n".join(
        f'<li><a href="{html.escape(pathlib.Path(name).with_suffix(".html").name)}">{html.escape(title)}</a>'
        f'{"" if ok else " <em>(failed to run)</em>"}</li>'
        for name, _, ok, title, _ in rows)
    home = "" if lang == "en" else "../"
    switch = " | ".join(
        f"<b>{LANGUAGE_NAMES[code]}</b>" if code == lang else
        f'<a href="{home}{"" if code == "en" else code + "/"}index.html" hreflang="{code}">{LANGUAGE_NAMES[code]}</a>'
        for code in ["en", *langs])
    direction = ' dir="rtl"' if lang in translations.RTL else ""
    (out_dir / "index.html").write_text(
        f"<!doctype html><html lang='{lang}'{direction}><head><meta charset='utf-8'><title>mlcycle lessons</title></head>"
        "<body style='font-family:sans-serif;max-width:48em;margin:2em auto'>"
        f"<nav dir='ltr' style='text-align:right'>{switch}</nav>"
        "<h1>mlcycle: the machine-learning production cycle, in Java</h1>"
        f"<ol>\n{items}\n</ol></body></html>\n", encoding="utf-8")


def translated_sources(lang, english, work):
    """The notebooks to run for `lang` in folder `work`, with datasets/ beside it as the lessons expect:
    each English lesson's translation, and up to the last translated lesson, English where a lesson has none
    yet (the lessons share one journal, as a learner's run does)."""
    if work.exists():
        shutil.rmtree(work)   # a fresh journal each run
    lessons = work / "lessons"
    lessons.mkdir(parents=True)
    (work / "datasets").symlink_to(translations.ROOT / "datasets", target_is_directory=True)
    done = {p.stem for p in translations.translated_lessons(lang)}
    order = [p for p in english if p.suffix == ".ipynb"]
    last = max((i for i, p in enumerate(order) if p.stem in done), default=-1)
    out = []
    for p in order[:last + 1]:
        nb = translations.build(lang, p) if p.stem in done else nbformat.read(p, as_version=4)
        nbformat.write(nb, lessons / p.name)
        out.append(lessons / p.name)
    return out


def run_all(found, kernel, out, timeout, label=""):
    rows, failed = [], 0
    for i, path in enumerate(found, 1):
        start = time.time()
        print(f"[{label}{i}/{len(found)}] {path} ...", file=sys.stderr, flush=True)
        nb, error = execute(path, kernel, out, timeout)
        took = time.time() - start
        rows.append((path.name, took, error is None, title_of(nb, path), exercises_of(nb)))
        if error is None:
            print(f"[{label}{i}/{len(found)}] {path}: ok in {took:.1f}s", file=sys.stderr, flush=True)
        else:
            failed += 1
            print(f"[{label}{i}/{len(found)}] {path}: FAILED in {took:.1f}s\n{error}", file=sys.stderr, flush=True)
    return rows, failed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="mlcycle")
    ap.add_argument("--out", default="build/lessons")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    ap.add_argument("--langs", default="", help="translations to run too, e.g. fa,zh,pt")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    langs = [code for code in args.langs.split(",") if code and code != "en"]
    unknown = [code for code in langs if code not in translations.LANGUAGES]
    if unknown:
        print(f"unknown language {', '.join(unknown)} (one of {', '.join(translations.LANGUAGES)})", file=sys.stderr)
        return 2
    found = list(notebooks(args.paths))
    if not found:
        print(f"no notebooks under {' '.join(args.paths)}", file=sys.stderr)
        return 1
    out = pathlib.Path(args.out)
    rows, failed = run_all(found, args.kernel, out, args.timeout)
    write_index(out, rows, "en", langs)
    for lang in langs:
        # beside OUT and named after it: two runs with different --out never share a journal
        sources = translated_sources(lang, found, out.parent / f"{out.name}-i18n" / lang)
        lang_rows, lang_failed = run_all(sources, args.kernel, out / lang, args.timeout, f"{lang} ")
        write_index(out / lang, lang_rows, lang, langs)
        rows += [(f"{lang}/{r[0]}", *r[1:]) for r in lang_rows]
        failed += lang_failed
    width = max(len(r[0]) for r in rows)
    print(f"{'notebook':<{width}}  seconds  result  exercises passed")
    for name, seconds, ok, title, (passed, total) in rows:
        print(f"{name:<{width}}  {seconds:7.1f}  {'ok' if ok else 'FAILED':<6}  {passed}/{total}")
    passed = sum(r[4][0] for r in rows)
    total = sum(r[4][1] for r in rows)
    print(f"{len(rows) - failed} passed, {failed} failed; exercises {passed}/{total} passed with the solutions in",
          flush=True)
    return min(failed, 100)


if __name__ == "__main__":
    sys.exit(main())
