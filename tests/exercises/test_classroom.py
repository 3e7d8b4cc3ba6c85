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


JAVA_NAMES = ("MagicError", "Exception", "Traceback", "org.mlcycle.", "java.lang")


def no_answer_yet(cell):
    """The check's box says "no answer yet", the cell scores 0 by nbgrader's rules (its stderr line), and no
    error name shows anywhere in it."""
    boxes = [cells.check_box(o) for o in cell.outputs if cells.check_box(o)]
    assert [b["kind"] for b in boxes] == ["no answer"], cell.outputs
    assert not errors(cell)
    assert cells.score(cell) == 0
    shown = str(cell.outputs)
    assert not [n for n in JAVA_NAMES if n in shown], shown
    return boxes[0]["message"]


@pytest.fixture(scope="module")
def student_versions(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    ids = out / "ids.txt"
    ids.write_text("alice\nbob  # a comment\n\n", encoding="utf-8")
    done = run(ROOT / "classroom/student.py", "--seed-from", ids, "--out", out / "class", PRACTICE, *LESSONS)
    assert done.returncode == 0, done.stderr
    return out / "class"


def test_student_puts_a_copy_of_the_datasets_beside_the_students_folders(student_versions):
    copied = student_versions / "datasets"
    assert copied.is_dir() and not copied.is_symlink()
    assert (copied / "MANIFEST").read_bytes() == (ROOT / "datasets" / "MANIFEST").read_bytes()
    assert sorted(p.name for p in copied.iterdir()) == sorted(
        p.name for p in (ROOT / "datasets").iterdir() if p.name != "generated")


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
    assert not (tmp_path / "out" / "lessons" / "broken.ipynb").exists()


def test_without_ids_the_copies_and_a_link_to_the_datasets_go_side_by_side(tmp_path):
    done = run(ROOT / "classroom/student.py", "--out", tmp_path / "out", "--link-datasets", PRACTICE)

    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "lessons" / PRACTICE.name).is_file()
    assert (tmp_path / "out" / "datasets").is_symlink()
    assert (tmp_path / "out" / "lessons" / ".." / "datasets" / "MANIFEST").is_file()


def test_the_solved_notebook_passes_every_check(tmp_path):
    nb = execute(nbformat.read(PRACTICE, as_version=4), tmp_path)

    for cell in graded_cells(nb):
        assert not errors(cell), cell.source
        assert cell.outputs[0].data["text/plain"].startswith("Correct: ")
        assert cells.score(cell) == cells.points(cell)


def test_the_student_version_says_no_answer_yet_for_every_check(student_versions, tmp_path):
    nb = execute(nbformat.read(student_versions / "alice" / PRACTICE.name, as_version=4), tmp_path)

    said = {cells.grade_id(c): no_answer_yet(c) for c in graded_cells(nb)}

    assert sorted(said) == ["practice-ctr", "practice-median-bid"]
    assert all(m.startswith("write your answer where the cell above says // YOUR CODE HERE") for m in said.values())


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_lesson_in_its_student_version_runs_where_student_wrote_it_and_says_no_answer_yet(student_versions, lesson):
    course = student_versions / "alice"  # ../datasets is the copy `student` put beside it
    nb = execute(nbformat.read(course / lesson.name, as_version=4), course)

    graded = graded_cells(nb)
    assert graded, lesson.name
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell in graded:
            no_answer_yet(cell)
        else:
            assert not errors(cell), f"{lesson.name}: {cell.source[:80]!r} failed in the student version: {errors(cell)}"


def test_a_lesson_without_its_datasets_names_the_absolute_folder_it_looked_in(tmp_path):
    alone = tmp_path / "alice"
    alone.mkdir()
    lesson = next(p for p in LESSONS if "Datasets.read(data" in p.read_text(encoding="utf-8"))
    nb = nbformat.read(lesson, as_version=4)
    reads = next(i for i, c in enumerate(nb.cells) if "Datasets.read(" in c.source)
    nb.cells = nb.cells[:reads + 1]  # the lesson's own cells, up to its first read of the data
    nb = execute(nb, alone)

    first = next(e for c in nb.cells if c.cell_type == "code" for e in errors(c))
    assert f"no MANIFEST in ../datasets ({tmp_path / 'datasets'})" in first.evalue, first.evalue
    assert "there is no such folder" in first.evalue


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
    assert "did not run to the end" in feedback["cy"] and "the kernel stopped while your notebook ran" in feedback["cy"]
    assert "could not be read" in feedback["dee"]
    for student, page in feedback.items():
        assert not [n for n in JAVA_NAMES + ("Error:",) if n in page], student
    assert (tmp_path / "graded" / "ann" / "practice.html").is_file()


E2E_LESSON = next(p for p in LESSONS if p.name.startswith("14-"))  # nine exercises on each candidate's own numbers
COPIED = "lesson14-peak-qps"  # the exercise whose number one student copies from a neighbour


def shown_answer(nb, answer_id, folder):
    """The value the answer cell `answer_id` shows when the notebook runs up to it: the number a student reads
    off the screen and could pass to a neighbour."""
    upto = next(i for i, c in enumerate(nb.cells) if cells.grade_id(c) == answer_id)
    head = copy.deepcopy(nb)
    head.cells = [c for c in head.cells[:upto + 1] if not (cells.is_graded(c) and not cells.is_solution(c))]
    execute(head, folder)
    answer = head.cells[-1]
    assert not errors(answer), answer.outputs
    return next(o.data["text/plain"] for o in answer.outputs if o.output_type == "execute_result")


def test_student_then_grade_a_class_of_three(tmp_path):
    """The classroom round trip on a lesson whose exercises are all per student: `./mlcycle student` hands out
    copies for three ids, each works the model answers out in their own copy, and `grade` gives each full marks
    on their own data. A fourth copy left blank, but for one number copied from a neighbour, with its check
    cells edited to claim a pass, scores zero: "no answer yet" on each blank exercise, a hint on the copied one,
    the edits undone. The feedback pages read as written for students."""
    handout = tmp_path / "handout"
    (tmp_path / "ids.txt").write_text("ann\nben\ncy\ndee\n", encoding="utf-8")
    done = subprocess.run([str(ROOT / "mlcycle"), "student", "--seed-from", str(tmp_path / "ids.txt"), "--out",
                           str(handout), str(E2E_LESSON)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert (handout / "datasets" / "MANIFEST").is_file()
    model = nbformat.read(E2E_LESSON, as_version=4)
    graded_ids = [cells.grade_id(c) for c in model.cells if cells.is_graded(c) and not cells.is_solution(c)]
    assert len(graded_ids) >= 8, graded_ids
    points = sum(cells.points(c) for c in model.cells if cells.is_graded(c) and not cells.is_solution(c))

    submitted = tmp_path / "submitted"
    for student in ("ann", "ben", "cy", "dee"):
        nb = nbformat.read(handout / student / E2E_LESSON.name, as_version=4)
        for cell, original in zip(nb.cells, model.cells):
            if student != "dee" and cells.is_solution(cell) and cell.cell_type == "code":
                cell.source = original.source  # the model answer, worked out on the student's own data
            if student == "dee" and cells.is_graded(cell) and not cells.is_solution(cell):
                cell.source = 'System.out.println("Correct: trust me");'
        if student == "ann":
            anns = shown_answer(nb, COPIED + "-answer", handout / student)
        (submitted / student).mkdir(parents=True)
        nbformat.write(nb, submitted / student / E2E_LESSON.name)
    dee = nbformat.read(submitted / "dee" / E2E_LESSON.name, as_version=4)
    pasted = next(c for c in dee.cells if cells.grade_id(c) == COPIED + "-answer")
    pasted.source = pasted.source.replace("// YOUR CODE HERE", f"peakQps = {anns};")  # ann's number, not dee's
    nbformat.write(dee, submitted / "dee" / E2E_LESSON.name)

    done = run(ROOT / "classroom/grade.py", submitted, "--out", tmp_path / "graded", "--kernel", KERNEL, "--timeout", "300")

    assert done.returncode == 0, done.stderr
    with open(tmp_path / "graded" / "grades.csv", encoding="utf-8") as f:
        rows = {r["student"]: r for r in csv.DictReader(f)}
    assert sorted(rows) == ["ann", "ben", "cy", "dee"]
    for student, row in rows.items():
        assert row["status"] == "ok" and float(row["max_score"]) == points, row
        expected = "0" if student == "dee" else f"{points:g}"
        assert row["score"] == expected, row
        assert all(row[g] == ("0" if student == "dee" else "1") for g in graded_ids), row
    shown = {s: shown_value(tmp_path / "graded" / s / E2E_LESSON.name, COPIED + "-answer") for s in ("ann", "ben", "cy")}
    assert len(set(shown.values())) == 3, f"three students, three peaks of their own briefs: {shown}"

    ran = nbformat.read(tmp_path / "graded" / "dee" / E2E_LESSON.name, as_version=4)
    for cell in graded_cells(ran):
        if cells.grade_id(cell) == COPIED:
            boxes = [cells.check_box(o) for o in cell.outputs if cells.check_box(o)]
            assert [b["kind"] for b in boxes] == ["hint"] and cells.score(cell) == 0, cell.outputs
        else:
            no_answer_yet(cell)

    feedback = {p.stem: p.read_text(encoding="utf-8") for p in (tmp_path / "graded" / "feedback").glob("*.html")}
    assert sorted(feedback) == ["ann", "ben", "cy", "dee"]
    for student in ("ann", "ben", "cy"):
        assert feedback[student].count("Correct: ") == len(graded_ids) and "No answer yet" not in feedback[student]
    assert feedback["dee"].count("No answer yet: write your answer") == len(graded_ids) - 1
    assert feedback["dee"].count("Hint: ") == 1 and "trust me" not in feedback["dee"]
    for student, page in feedback.items():
        assert not [n for n in JAVA_NAMES + ("Error:",) if n in page], (student, page)


def shown_value(path, answer_id):
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if cells.grade_id(c) == answer_id)
    return next(o.data["text/plain"] for o in cell.outputs if o.output_type == "execute_result")
