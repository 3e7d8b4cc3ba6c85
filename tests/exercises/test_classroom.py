"""The classroom commands on a lesson-like notebook: student versions, then grading a class folder.

The notebooks run in the real kernel through nbclient, as `./mlcycle grade` runs them.
"""
import copy
import csv
import pathlib
import shutil
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import KERNEL  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
PRACTICE = pathlib.Path(__file__).with_name("practice.ipynb")
LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]-*.ipynb"))
sys.path.insert(0, str(ROOT / "classroom"))
import cells  # noqa: E402


def run(*args):
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, cwd=ROOT)


def execute(nb, folder):
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=120, allow_errors=True,
                            resources={"metadata": {"path": str(folder)}})
    client.execute()
    return nb


def graded_cells(nb):
    return [c for c in nb.cells if cells.is_graded(c)]


def errors(cell):
    return [o for o in cell.outputs if o.output_type == "error"]


@pytest.fixture(scope="module")
def student_versions(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    ids = out / "ids.txt"
    ids.write_text("alice\nbob  # a comment\n\n", encoding="utf-8")
    done = run(ROOT / "classroom/student.py", "--seed-from", ids, "--out", out / "class", PRACTICE, *LESSONS)
    assert done.returncode == 0, done.stderr
    return out / "class"


def test_student_strips_every_solution_and_nothing_else(student_versions):
    for source in [PRACTICE, *LESSONS]:
        original = nbformat.read(source, as_version=4)
        for student in ("alice", "bob"):
            version = nbformat.read(student_versions / student / source.name, as_version=4)
            assert len(version.cells) == len(original.cells), source.name
            for before, after in zip(original.cells, version.cells):
                assert after.metadata == before.metadata, f"{source.name}: cell metadata changed"
                if cells.is_solution(before) and before.cell_type == "markdown":
                    assert after.source == "YOUR ANSWER HERE"  # a written answer (lesson 11's questions)
                elif cells.is_solution(before):
                    assert "SOLUTION" not in after.source and "// YOUR CODE HERE" in after.source
                    kept = [line for line in after.source.splitlines() if line != "// YOUR CODE HERE"]
                    outside = before.source.split("// BEGIN SOLUTION")[0].splitlines() + \
                        before.source.split("// END SOLUTION")[1].splitlines()
                    assert kept == [line for line in outside if line], f"{source.name}: starter lines changed"
                elif before.source.startswith("%variant"):
                    assert after.source == f"%variant {student}"
                else:
                    assert after.source == before.source, f"{source.name}: a non-solution cell changed"
                if after.cell_type == "code":
                    assert after.outputs == [] and after.execution_count is None
            assert version.metadata.mlcycle.student == student


def test_an_unclosed_solution_region_is_refused_with_the_cell_named(tmp_path):
    nb = nbformat.read(PRACTICE, as_version=4)
    solution = next(c for c in nb.cells if cells.is_solution(c))
    solution.source = solution.source.replace("// END SOLUTION", "")
    nbformat.write(nb, tmp_path / "broken.ipynb")

    done = run(ROOT / "classroom/student.py", "--out", tmp_path / "out", tmp_path / "broken.ipynb")

    assert done.returncode != 0
    assert "cell 4 (practice-ctr-answer): BEGIN SOLUTION without END SOLUTION" in done.stderr
    assert not (tmp_path / "out" / "broken.ipynb").exists()


def test_the_solved_notebook_passes_every_check(tmp_path):
    nb = execute(nbformat.read(PRACTICE, as_version=4), tmp_path)

    for cell in graded_cells(nb):
        assert not errors(cell), cell.source
        assert cell.outputs[0].data["text/plain"].startswith("Correct: ")
        assert cells.score(cell) == cells.points(cell)


def test_the_student_version_fails_every_check_with_a_hint(student_versions, tmp_path):
    nb = execute(nbformat.read(student_versions / "alice" / PRACTICE.name, as_version=4), tmp_path)

    hints = {}
    for cell in graded_cells(nb):
        (error,) = errors(cell)
        hints[cells.grade_id(cell)] = error.evalue
        assert cells.score(cell) == 0
    assert hints["practice-ctr"].startswith("%check: practice-ctr: ctr is 0: an integer division?")
    assert hints["practice-median-bid"].startswith("%check: practice-median-bid: medianBid is 0.0000: sort")


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_lesson_in_its_student_version_runs_and_fails_its_check_with_a_hint(student_versions, lesson):
    course = student_versions / "alice"
    if not (student_versions / "datasets").exists():  # lessons read ../datasets
        shutil.copytree(ROOT / "datasets", student_versions / "datasets")
    nb = execute(nbformat.read(course / lesson.name, as_version=4), course)

    graded = graded_cells(nb)
    assert graded, lesson.name
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell in graded:
            (error,) = errors(cell)
            assert error.evalue.startswith(f"%check: {cells.grade_id(cell)}: "), error.evalue
            assert cells.score(cell) == 0
        else:
            assert not errors(cell), f"{lesson.name}: {cell.source[:80]!r} failed in the student version"


def submission(nb, folder, student, edit=None):
    nb = copy.deepcopy(nb)
    if edit:
        edit(nb)
    (folder / student).mkdir(parents=True)
    nbformat.write(nb, folder / student / PRACTICE.name)


def test_grade_scores_a_class_and_keeps_going_past_broken_notebooks(tmp_path):
    solved = nbformat.read(PRACTICE, as_version=4)
    folder = tmp_path / "submitted"

    def mean_for_median_and_forged_check(nb):
        answer = next(c for c in nb.cells if cells.grade_id(c) == "practice-median-bid-answer")
        answer.source = 'double medianBid = ads.doubleColumn("bid_cpc").mean();\nmedianBid'
        check = next(c for c in nb.cells if cells.grade_id(c) == "practice-median-bid")
        check.source = 'System.out.println("Correct: trust me");'  # grade puts the real check back

    def kernel_dies(nb):
        # System.exit and halt only fail their cell in this kernel; a killed process is a real crash
        nb.cells.insert(3, nbformat.v4.new_code_cell(
            'new ProcessBuilder("kill", "-9", "" + ProcessHandle.current().pid()).start().waitFor();'))

    submission(solved, folder, "ann")
    submission(solved, folder, "ben", mean_for_median_and_forged_check)
    submission(solved, folder, "cy", kernel_dies)
    (folder / "dee").mkdir()
    (folder / "dee" / PRACTICE.name).write_text('{"cells": [', encoding="utf-8")

    done = run(ROOT / "classroom/grade.py", folder, "--out", tmp_path / "graded", "--kernel", KERNEL, "--timeout", "120")

    assert done.returncode == 0, done.stderr
    with open(tmp_path / "graded" / "grades.csv", encoding="utf-8") as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    assert sorted(rows) == ["ann", "ben", "cy", "dee"]
    assert (rows["ann"]["score"], rows["ann"]["max_score"], rows["ann"]["status"]) == ("3", "3", "ok")
    assert (rows["ben"]["score"], rows["ben"]["practice-ctr"], rows["ben"]["practice-median-bid"]) == ("2", "2", "0")
    assert (rows["cy"]["score"], rows["cy"]["status"]) == ("0", "failed to run")
    assert rows["cy"]["error"], "the crash should be named"
    assert (rows["dee"]["score"], rows["dee"]["status"], rows["dee"]["max_score"]) == ("0", "malformed", "3")
    assert "JSON" in rows["dee"]["error"] or "Expecting" in rows["dee"]["error"] or "Unterminated" in rows["dee"]["error"]

    feedback = {p.stem: p.read_text(encoding="utf-8") for p in (tmp_path / "graded" / "feedback").glob("*.html")}
    assert sorted(feedback) == ["ann", "ben", "cy", "dee"]
    assert "3 of 3 points" in feedback["ann"]
    assert "that is the mean" in feedback["ben"] and "trust me" not in feedback["ben"]
    assert "did not run to the end" in feedback["cy"]
    assert "could not be read" in feedback["dee"]
    assert (tmp_path / "graded" / "ann" / "practice.html").is_file()
