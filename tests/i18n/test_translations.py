"""The translations follow their English cells, keep the code as it is, use the glossary, and the
Persian HTML reads right to left with its code left to right. No kernel: these run in seconds."""
import pathlib
import re
import shutil
import sys

import nbformat
import pytest
from nbconvert import HTMLExporter

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "classroom"))
import translations  # noqa: E402

TRANSLATED = [(lang, p) for lang in translations.LANGUAGES for p in translations.translated_lessons(lang)]
IDS = [f"{lang}-{p.stem[:2]}" for lang, p in TRANSLATED]


def test_every_language_has_lesson_0():
    for lang in translations.LANGUAGES:
        assert "00-production-cycle" in [p.stem for p in translations.translated_lessons(lang)], lang


def test_translations_follow_their_english_cells():
    """Fails when an English cell changed after it was translated, naming lesson, language and cell."""
    found = translations.check_all()
    assert not found, "translations behind their English cells:\n" + "\n".join(found)


def test_a_changed_english_cell_is_named_with_how_to_update(tmp_path):
    lesson = ROOT / "lessons" / "00-production-cycle.ipynb"
    nb = nbformat.read(lesson, as_version=4)
    changed = next(c for c in nb.cells if c.id == "c04")
    changed.source += "\n\nOne more sentence in English."
    nb.cells = [c for c in nb.cells if c.id != "c13"]   # and a translated cell English no longer has
    nb.cells.append(nbformat.v4.new_markdown_cell("A new English cell.", id="c99"))
    copy = tmp_path / lesson.name
    nbformat.write(nb, copy)
    (tmp_path / "i18n" / "pt").mkdir(parents=True)
    shutil.copy(translations.translation_path("pt", lesson.stem), tmp_path / "i18n" / "pt")
    found = "\n".join(translations.problems("pt", copy, tmp_path / "i18n"))
    assert "00-production-cycle [pt] cell c04" in found and "English cell changed" in found, found
    assert "translations.py stamp pt 00-production-cycle" in found, "the message says how to update"
    assert "cell c13" in found and "no such cell" in found, found
    assert "cell c99: a markdown cell without a translation" in found, found


def test_stamp_records_the_english_text_the_section_follows(tmp_path, monkeypatch):
    monkeypatch.setattr(translations, "I18N", tmp_path)
    (tmp_path / "fa").mkdir()
    path = translations.translation_path("fa", "00-production-cycle")
    text = translations.translation_path("fa", "00-production-cycle", ROOT / "lessons" / "i18n").read_text(encoding="utf-8")
    path.write_text(text.replace("<!-- cell c06 en:bc38470dd751 -->", "<!-- cell c06 en:000000000000 -->"), encoding="utf-8")
    lesson = ROOT / "lessons" / "00-production-cycle.ipynb"
    assert any("cell c06" in p for p in translations.problems("fa", lesson))
    translations.stamp("fa", "00", ["c06"])
    assert translations.problems("fa", lesson) == []


@pytest.mark.parametrize("english,translated,differs", [
    ('int x = 1; // one', 'int x = 1; // یک', False),
    ('String s = "the route";', 'String s = "路线";', False),
    ('%stage scoping lesson 0: the course begins', '%stage scoping lição 0: o curso começa', False),
    ('int x = 1;', 'int y = 1;', True),
    ('name.append(s.label());', 'name.append(s.title());', True),
    ('%stage scoping lesson 0', '%stage data lesson 0', True),
])
def test_a_code_translation_may_change_comments_strings_and_notes_only(english, translated, differs):
    assert translations.code_differs(english, translated) == differs


def glossary(lang):
    rows = (ROOT / "lessons" / "i18n" / f"glossary.{lang}.md").read_text(encoding="utf-8").splitlines()
    out = {}
    for row in rows:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("English", "---"):
            out[cells[0]] = cells[1]
    return out


def prose(nb):
    """The translated markdown of a notebook, without headings, code spans and HTML tags."""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return re.sub(r"`[^`]*`|<[^>]+>", " ", text)


@pytest.mark.parametrize("lang", list(translations.LANGUAGES))
def test_the_glossary_covers_the_course_terms(lang):
    terms = glossary(lang)
    for term in ("precision", "recall", "drift", "calibration", "confident learning", "click-through rate",
                 "label", "feature", "threshold", "stage", "deployment", "monitoring"):
        assert terms.get(term), f"glossary.{lang}.md has no {term}"
    assert len(set(terms.values())) == len(terms), "two terms share one translation"


@pytest.mark.parametrize("lang,lesson", TRANSLATED, ids=IDS)
def test_each_term_has_its_english_beside_it_on_first_use(lang, lesson):
    text = prose(translations.build(lang, lesson)).lower()
    used = []
    for english, word in glossary(lang).items():
        at = text.find(word.lower())
        if at < 0:
            continue
        used.append(english)
        after = re.sub(r"\s+", " ", text[at + len(word): at + len(word) + 60])
        assert re.search(r"[(（]" + re.escape(english.lower()) + r"[)）]", after), \
            f"{lesson.stem} [{lang}]: first use of {word!r} without '({english})' beside it: ...{word}{after}..."
    assert len(used) >= 10, f"only {used} of the glossary's terms appear in {lesson.stem} [{lang}]"


def test_persian_reads_right_to_left_with_code_left_to_right():
    nb = translations.build("fa", ROOT / "lessons" / "00-production-cycle.ipynb")
    for c in nb.cells:
        if c.cell_type == "markdown":
            assert c.source.startswith('<div dir="rtl">\n\n') and c.source.endswith("\n\n</div>"), c.id
    html, _ = HTMLExporter().from_notebook_node(nb)
    html = translations.localize_html(html, "fa")
    assert '<html lang="fa">' in html
    markdown = re.findall(r'<div dir="rtl" class="[^"]*jp-MarkdownOutput', html)
    assert len(markdown) == sum(c.cell_type == "markdown" for c in nb.cells)
    assert not re.search(r'<div(?! dir="rtl")[^>]*class="[^"]*jp-MarkdownOutput', html), "a markdown cell left ltr"
    css = html[html.index(translations.RTL_CSS):][:len(translations.RTL_CSS)]
    assert ".jp-InputArea" in css and "table" in css and "direction: ltr" in css, "code and tables stay ltr"
    # the code is untouched: the input areas hold no rtl attribute
    assert not re.search(r'class="[^"]*jp-InputArea[^"]*"[^>]*dir="rtl"', html)
    zh, _ = HTMLExporter().from_notebook_node(translations.build("zh", ROOT / "lessons" / "00-production-cycle.ipynb"))
    assert 'dir="rtl"' not in translations.localize_html(zh, "zh")
