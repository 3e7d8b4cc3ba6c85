"""Each translated lesson runs end to end on the course kernel, set to its language, and measures
exactly what the English lesson measures: the same facts (Facts.record), checks that pass in the
language's words, no error and nothing on stderr. Persian's HTML reads right to left."""
import pathlib
import re
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "classroom"))
import translations  # noqa: E402
from conftest import KERNEL  # noqa: E402
from run_notebooks import execute, translated_sources  # noqa: E402

FACTS_MIME = "application/vnd.mlcycle.facts+json"
LESSONS = sorted({p.stem for lang in translations.LANGUAGES for p in translations.translated_lessons(lang)})


# measured wall-clock times (lesson 8's serving latency) differ between any two runs, in any language
TIMINGS = {"latency_p50_ms", "latency_p99_ms"}


def facts_of(nb):
    out = {}
    for c in nb.cells:
        for o in c.get("outputs", []):
            if o.output_type == "display_data" and FACTS_MIME in o.data:
                out.update(o.data[FACTS_MIME])
    return out


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """English and every translation of the translated lessons, each language in its own folder and journal."""
    work = tmp_path_factory.mktemp("i18n")
    english = [ROOT / "lessons" / f"{stem}.ipynb" for stem in LESSONS]
    out = {}
    (work / "en" / "lessons").mkdir(parents=True)
    (work / "en" / "datasets").symlink_to(ROOT / "datasets", target_is_directory=True)
    for p in english:
        target = work / "en" / "lessons" / p.name
        target.write_bytes(p.read_bytes())
        out[("en", p.stem)] = execute(target, KERNEL, work / "en-out", 600)[0]
    for lang in translations.LANGUAGES:
        for path in translated_sources(lang, english, work / lang):
            nb, _ = execute(path, KERNEL, work / f"{lang}-out", 600)
            out[(lang, path.stem)] = nb
            out[(lang, path.stem, "html")] = (work / f"{lang}-out" / path.with_suffix(".html").name).read_text(
                encoding="utf-8")
    return out


CASES = [(lang, stem) for stem in LESSONS for lang in translations.LANGUAGES
         if stem in {p.stem for p in translations.translated_lessons(lang)}]


@pytest.mark.parametrize("lang,stem", CASES, ids=[f"{lang}-{stem[:2]}" for lang, stem in CASES])
def test_a_translated_lesson_runs_and_measures_what_english_measures(runs, lang, stem):
    nb = runs[(lang, stem)]
    assert nb.metadata["mlcycle"]["lang"] == lang
    for c in nb.cells:
        if c.cell_type != "code":
            continue
        assert c.execution_count is not None, f"cell {c.id} did not run"
        assert not [o for o in c.outputs if o.output_type == "error"], f"cell {c.id} raised"
        stderr = "".join(o.text for o in c.outputs if o.output_type == "stream" and o.name == "stderr")
        assert stderr == "", f"cell {c.id} wrote to stderr: {stderr[:300]}"
    english = {k: v for k, v in facts_of(runs[("en", stem)]).items() if k not in TIMINGS}
    translated = {k: v for k, v in facts_of(nb).items() if k not in TIMINGS}
    assert english and translated == english, "the translated lesson recorded other facts than English"
    correct = translations.correct_prefix(lang)
    assert correct != translations.correct_prefix("en")
    checks = [c for c in nb.cells if "check" in c.metadata.get("tags", [])]
    assert checks
    for c in checks:
        shown = "".join(o.data.get("text/plain", "") for o in c.outputs if o.output_type == "execute_result")
        assert shown.startswith(correct), f"check cell {c.id} showed {shown!r}"
    assert any("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", [])), "no chart"


def test_the_kernel_speaks_the_lessons_language(runs):
    """Report headings from the bundles: the stage table's 'covers' column and the path's summary line."""
    for lang in translations.LANGUAGES:
        nb = runs.get((lang, "00-production-cycle"))
        text = "".join(o.get("data", {}).get("text/html", "") + o.get("data", {}).get("text/plain", "")
                       for c in nb.cells for o in c.get("outputs", []))
        assert translations.message(lang, "stage.deployment.about") in text, lang
        loops = translations.message(lang, "path.loops").replace("%d", "").strip()
        assert loops in text, f"{lang}: no {loops!r} (the path's summary) in the outputs"


def test_persian_html_reads_right_to_left_with_code_left_to_right(runs):
    html = runs[("fa", "00-production-cycle", "html")]
    assert '<html lang="fa">' in html
    assert re.search(r'<div dir="rtl" class="[^"]*jp-MarkdownOutput', html)
    assert re.search(r'<div dir="rtl" class="[^"]*jp-RenderedText', html), "text outputs right to left"
    assert 'class="mlcycle-check" dir="rtl"' in html, "the check's verdict box right to left"
    assert translations.RTL_CSS in html, "code and tables stay left to right"
    assert "درست است" in html
