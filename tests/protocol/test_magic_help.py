"""One table of magics in the real kernel: %help, %NAME?, %lsmagic, aliases, bare calls that need arguments."""
import os
import pathlib

import pytest

from conftest import Kernel


@pytest.fixture(scope="module")
def nb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebook")
    started_in = os.getcwd()
    os.chdir(folder)  # the kernel's working folder, where a journal would appear
    try:
        k = Kernel(MLCYCLE_HISTORY=str(folder / "history.jsonl"))
    finally:
        os.chdir(started_in)
    k.folder = folder
    yield k
    k.shutdown()


def page(cell):
    assert cell.status == "ok", cell.reply
    pages = [p for p in cell.reply.get("payload", []) if p.get("source") == "page"]
    assert pages, cell.reply
    return pages[0]["data"]["text/plain"]


def test_help_shows_an_extension_magics_usage(nb):
    text = nb.run("%help profile").text

    assert text.startswith("%profile TABLE"), text
    assert "call it with no arguments" not in text
    assert "double quotes" in text, "the usage says how to write a name with spaces"


def test_magic_name_with_a_question_mark_pages_its_usage(nb):
    assert page(nb.run("%profile?")).startswith("%profile TABLE")
    assert "%%checks TABLE" in page(nb.run("%%checks?"))
    assert page(nb.run("lsmagic?")).startswith("%lsmagic"), "no Java name lsmagic: the magic's usage"
    assert "valueOf(" in page(nb.run("String.valueOf?")), "Java names keep their documentation"


def test_lsmagic_lists_kernel_and_extension_magics_with_old_names(nb):
    text = nb.run("%lsmagic").text

    assert "%load_from_pom (%loadFromPOM)" in text, text
    assert "%check_answer (%check)" in text, text
    assert "%profile" in text and "%%checks" in text and "%drift_windows" in text


def test_an_old_name_still_works_and_help_names_the_new_one(nb):
    old = nb.run("%help check").text
    cell = nb.run("%check")

    assert old.startswith("%check_answer ID"), old
    assert "%check is an older name of %check_answer" in old
    assert cell.reply["ename"] == "UsageError"
    assert "missing ID; usage: %check_answer ID" in cell.reply["evalue"], cell.reply["evalue"]


def test_a_magic_called_without_its_arguments_shows_the_usage_and_does_nothing(nb):
    folder = nb.folder
    for magic in ["%profile", "%drift", "%snapshot", "%stage", "%read", "%track"]:
        cell = nb.run(magic)
        assert cell.status == "error", magic
        assert cell.reply["ename"] == "UsageError", cell.reply
        assert "usage: " + magic + " " in cell.reply["evalue"], cell.reply["evalue"]
    assert not (folder / ".mlcycle").exists()


def test_datasets_alone_lists_the_datasets_without_making_a_journal(nb):
    cell = nb.run("%datasets")

    assert cell.status == "ok", cell.reply
    assert pathlib.Path(nb.run('System.getProperty("user.dir")').text.strip('"')) == nb.folder
    assert not (nb.folder / ".mlcycle").exists()


def test_imports_lists_the_defaults_the_extensions_and_a_cells(nb):
    assert nb.run("import java.awt.Point;").status == "ok"
    lines = nb.run("%imports").text.splitlines()

    assert "java.util.*" in lines, lines
    assert "tech.tablesaw.api.*" in lines and "org.mlcycle.toolkit.quality.*" in lines, lines
    assert lines[-1] == "java.awt.Point", "a cell's import comes last"
