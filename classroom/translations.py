#!/usr/bin/env python3
"""The lessons in other languages: translations kept beside the English notebooks, and the
translated notebooks built from the two.

A translation is one Markdown file per lesson and language, lessons/i18n/LANG/LESSON.md. Each
section translates one English cell and starts with a line naming that cell and the hash of the
English text it was made from:

    <!-- cell c04 en:3f2a9c0d41b7 -->
    ## ...the translated markdown...

A code cell's section holds the whole cell in a ```java fence, with its comments and the strings a
student reads translated; everything else in it must stay as in English (`code_differs` checks).
Code cells without a section run as they are in English. When an English cell changes, its hash no
longer matches and `check` names the lesson, language and cell, so a translation never drifts
silently behind the English text.

    translations.py check                      stale, missing or orphaned sections (exit 1 if any)
    translations.py show LANG LESSON [CELL]    the English text of the cells to (re)translate
    translations.py stamp LANG LESSON CELL...  record the English text the updated sections now follow
    translations.py new LANG LESSON            a file to translate: every markdown cell, in English, marked new
    translations.py build LANG LESSON... --out DIR   the translated notebooks (LESSON: a name or a path)
"""
import argparse
import copy
import hashlib
import pathlib
import re
import sys

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
I18N = LESSONS / "i18n"
LANGUAGES = {"fa": "فارسی", "zh": "中文", "pt": "Português"}
RTL = {"fa"}
HEADER = re.compile(r"^<!-- cell (\S+) en:([0-9a-f]{12}|new) -->$")
FENCE = re.compile(r"^```[a-z]*\n(.*)\n```$", re.S)


def digest(text):
    """The first 12 hex digits of the SHA-256 of a cell's source, its line endings made \\n."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()[:12]


def lesson_path(name):
    """lessons/NAME.ipynb for "00-production-cycle", "00" or a path."""
    p = pathlib.Path(name)
    if p.suffix == ".ipynb" and p.exists():
        return p
    found = sorted(LESSONS.glob(f"{p.stem}*.ipynb"))
    if len(found) != 1:
        raise SystemExit(f"no single lesson named {name!r} in lessons/")
    return found[0]


def translation_path(lang, lesson, i18n=None):
    return (i18n or I18N) / lang / f"{lesson}.md"


def shown(path):
    """A path as the messages show it: from the repository's root where it is inside it."""
    try:
        return path.relative_to(ROOT)
    except ValueError:
        return path


class Section:
    def __init__(self, cell_id, hash_, text, line):
        self.cell_id, self.hash, self.text, self.line = cell_id, hash_, text, line


def parse(path):
    """The sections of a translation file, in order; text before the first section is a comment."""
    sections, current, body = [], None, []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        m = HEADER.match(line)
        if m:
            if current:
                current.text = "\n".join(body).strip("\n")
                sections.append(current)
            current, body = Section(m.group(1), m.group(2), "", number), []
        elif current:
            body.append(line)
    if current:
        current.text = "\n".join(body).strip("\n")
        sections.append(current)
    ids = [s.cell_id for s in sections]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ValueError(f"{path}: cells translated twice: {', '.join(twice)}")
    return sections


def code_of(section):
    """A code cell's section without its ```java fence."""
    m = FENCE.match(section.text)
    return m.group(1) if m else section.text


_TOKENS = re.compile(r'"""(?:.|\n)*?"""|"(?:\\.|[^"\\\n])*"|//[^\n]*|/\*(?:.|\n)*?\*/')


def skeleton(code):
    """Code with its comments, string literals and magic arguments after the first taken out and
    blanks squeezed: what a translation must leave as it is."""
    out = []
    for line in code.splitlines():
        if line.startswith("%"):
            line = " ".join(line.split()[:2])   # %stage scoping <a note in any language>
        out.append(line)
    text = _TOKENS.sub(lambda m: '""' if m.group(0).startswith('"') else " ", "\n".join(out))
    return " ".join(text.split())


def code_differs(english, translated):
    return skeleton(english) != skeleton(translated)


def problems(lang, lesson_file, i18n=None):
    """Every way the translation of one lesson into `lang` is behind its English cells, one line each."""
    nb = nbformat.read(lesson_file, as_version=4)
    lesson = lesson_file.stem
    path = translation_path(lang, lesson, i18n)
    rel = f"lessons/i18n/{lang}/{path.name}"
    cells = {c.id: c for c in nb.cells}
    out = []
    sections = parse(path)
    translated = {s.cell_id for s in sections}
    how = (f"update the section in {rel} to follow the English cell (`python3 classroom/translations.py show {lang}"
           f" {lesson} CELL` prints it), then record it with `python3 classroom/translations.py stamp {lang} {lesson} CELL`")
    for s in sections:
        cell = cells.get(s.cell_id)
        where = f"{lesson} [{lang}] cell {s.cell_id} (line {s.line})"
        if cell is None:
            out.append(f"{where}: the English lesson has no such cell any more; remove the section from {rel}")
        elif s.hash == "new":
            out.append(f"{where}: not translated yet; translate it, then stamp it. To do: {how}")
        elif s.hash != digest(cell.source):
            out.append(f"{where}: the English cell changed since it was translated ({s.hash} -> "
                       f"{digest(cell.source)}); {how}")
        elif cell.cell_type == "code" and code_differs(cell.source, code_of(s)):
            out.append(f"{where}: the translated code differs from English beyond comments and strings; "
                       f"translate only comments, strings and magic notes")
    for c in nb.cells:
        if c.cell_type == "markdown" and c.id not in translated:
            out.append(f"{lesson} [{lang}] cell {c.id}: a markdown cell without a translation (new in English?); "
                       f"add a section `<!-- cell {c.id} en:{digest(c.source)} -->` to {rel} with its translation")
    return out


def translated_lessons(lang):
    """The English lessons that have a translation into `lang`, in course order."""
    return [lesson_path(p.stem) for p in sorted((I18N / lang).glob("[0-9][0-9]-*.md"))]


def check_all():
    out = []
    for lang in LANGUAGES:
        for lesson_file in translated_lessons(lang):
            out += problems(lang, lesson_file)
    return out


def rtl_markdown(text):
    """Markdown that Jupyter and nbconvert show right to left: wrapped in a <div dir="rtl">, with a blank
    line on each side so the Markdown inside is still read as Markdown; fenced code inside stays ltr."""
    text = re.sub(r"(?ms)^```.*?^```$", lambda m: f'<div dir="ltr">\n\n{m.group(0)}\n\n</div>', text)
    return f'<div dir="rtl">\n\n{text}\n\n</div>'


def build(lang, lesson_file):
    """The notebook of `lesson_file` in `lang`: translated sections in place of the English cells,
    the language in metadata.mlcycle.lang (which run_notebooks passes to the kernel as MLCYCLE_LANG)."""
    nb = nbformat.read(lesson_file, as_version=4)
    sections = {s.cell_id: s for s in parse(translation_path(lang, lesson_file.stem))}
    out = copy.deepcopy(nb)
    for cell in out.cells:
        s = sections.get(cell.id)
        if s is None:
            continue
        if cell.cell_type == "code":
            cell.source = code_of(s)
        else:
            cell.source = rtl_markdown(s.text) if lang in RTL else s.text
    out.metadata["mlcycle"] = {"lang": lang, "translated_from": lesson_file.name}
    return out


def show(lang, lesson, cells):
    lesson_file = lesson_path(lesson)
    nb = nbformat.read(lesson_file, as_version=4)
    sections = {s.cell_id: s for s in parse(translation_path(lang, lesson_file.stem))}
    for c in nb.cells:
        stale = c.id in sections and sections[c.id].hash != digest(c.source)
        if (cells and c.id in cells) or (not cells and (stale or (c.cell_type == "markdown" and c.id not in sections))):
            print(f"<!-- cell {c.id} en:{digest(c.source)} -->  ({c.cell_type}, English now)\n{c.source}\n")


def stamp(lang, lesson, cells):
    lesson_file = lesson_path(lesson)
    nb = nbformat.read(lesson_file, as_version=4)
    hashes = {c.id: digest(c.source) for c in nb.cells}
    path = translation_path(lang, lesson_file.stem)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    done = set()
    for i, line in enumerate(lines):
        m = HEADER.match(line.rstrip("\n"))
        if m and m.group(1) in cells:
            lines[i] = f"<!-- cell {m.group(1)} en:{hashes[m.group(1)]} -->\n"
            done.add(m.group(1))
    missing = set(cells) - done
    if missing:
        raise SystemExit(f"{shown(path)} has no section for {', '.join(sorted(missing))}")
    path.write_text("".join(lines), encoding="utf-8")
    print(f"stamped {len(done)} section(s) of {shown(path)}")


def new(lang, lesson):
    lesson_file = lesson_path(lesson)
    path = translation_path(lang, lesson_file.stem)
    if path.exists():
        raise SystemExit(f"{shown(path)} exists already")
    nb = nbformat.read(lesson_file, as_version=4)
    parts = [f"<!-- {lesson_file.stem} in {LANGUAGES[lang]} ({lang}); the terms as in ../glossary.{lang}.md -->\n"]
    for c in nb.cells:
        if c.cell_type == "markdown":
            parts.append(f"<!-- cell {c.id} en:new -->\n{c.source}\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {shown(path)}: translate each section, then stamp it")


BUNDLES = ROOT / "kernel-ext/toolkit/src/main/resources/org/mlcycle/toolkit/i18n"


def message(lang, key):
    """A message pattern from the kernel's bundles (English where `lang` lacks it), as the kernel shows it."""
    for name in (f"messages_{lang}.properties", "messages.properties"):
        path = BUNDLES / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                k, sep, v = line.partition("=")
                if sep and k.strip() == key:
                    return v.strip()
    raise KeyError(key)


def correct_prefix(lang):
    """What a passed check starts with in `lang`: "Correct:" in English."""
    return message(lang or "en", "check.correct").split("%s")[0].strip()


# Persian reads right to left, and code, tables and numbers in code stay left to right inside it.
RTL_CSS = """<style>
[dir="rtl"] { text-align: right; }
.jp-InputArea, .jp-InputArea pre, .jp-InputArea code, table, pre code { direction: ltr; text-align: left; }
[dir="rtl"] code { direction: ltr; unicode-bidi: isolate; }
.jp-RenderedText[dir="rtl"] pre { direction: rtl; text-align: right; unicode-bidi: plaintext; }
</style>"""
_RTL_TARGETS = re.compile(r'<div class="([^"]*\b(?:jp-MarkdownOutput|jp-RenderedText)\b[^"]*)"')


def localize_html(html, lang):
    """nbconvert's HTML for a lesson in `lang`: the page's language, and for Persian the markdown and text
    outputs right to left (dir="rtl") while code cells and tables stay left to right."""
    html = re.sub(r"<html(\s[^>]*)?>", f'<html lang="{lang}">', html, count=1)
    if lang not in RTL:
        return html
    html = _RTL_TARGETS.sub(lambda m: f'<div dir="rtl" class="{m.group(1)}"', html)
    return html.replace("</head>", RTL_CSS + "\n</head>", 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check")
    for name in ("show", "stamp"):
        p = sub.add_parser(name)
        p.add_argument("lang", choices=sorted(LANGUAGES))
        p.add_argument("lesson")
        p.add_argument("cells", nargs="*" if name == "show" else "+")
    p = sub.add_parser("new")
    p.add_argument("lang", choices=sorted(LANGUAGES))
    p.add_argument("lesson")
    p = sub.add_parser("build")
    p.add_argument("lang", choices=sorted(LANGUAGES))
    p.add_argument("lessons", nargs="+")
    p.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.cmd == "check":
        found = check_all()
        print("\n".join(found) if found else "every translation follows its English cells")
        return 1 if found else 0
    if args.cmd == "show":
        show(args.lang, args.lesson, args.cells)
    elif args.cmd == "stamp":
        stamp(args.lang, args.lesson, args.cells)
    elif args.cmd == "new":
        new(args.lang, args.lesson)
    else:
        out = pathlib.Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for name in args.lessons:
            lesson_file = lesson_path(name)
            nbformat.write(build(args.lang, lesson_file), out / lesson_file.name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
