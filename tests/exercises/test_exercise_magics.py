"""%check, %progress, %reveal and %variant in the real kernel, with the journal on disk."""
import sqlite3
import sys
import pathlib

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import Kernel  # noqa: E402

DATA = """
import org.mlcycle.course.practice.PracticeData;
Table ads = PracticeData.ads(seed);
"""
RIGHT_CTR = 'ctr = ads.intColumn("clicks").sum() / ads.intColumn("impressions").sum();'


@pytest.fixture(scope="module")
def nb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exercises")
    k = Kernel(MLCYCLE_HISTORY=str(folder / "history.jsonl"), MLCYCLE_JOURNAL=str(folder / "journal.sqlite"))
    k.journal = folder / "journal.sqlite"
    yield k
    k.shutdown()


def ok(cell):
    assert cell.status == "ok", cell.reply
    assert cell.stderr == "", "graders score a cell with stderr output 0"
    return cell


JAVA_NAMES = ("MagicError", "Exception", "Error:", "org.mlcycle", "java.")


def box(cell):
    """The text of the box a check that did not pass shows. The cell counts as failed by nbgrader's rules
    (one stderr line), yet nothing in it is an error: no error output, no Java error name."""
    assert cell.status == "ok", cell.reply
    assert not cell.of("error")
    shown = [d for d in cell.of("display_data") if "check" in d.get("metadata", {}).get("mlcycle", {})]
    assert len(shown) == 1, cell.messages
    data = shown[0]["data"]
    assert "mlcycle-hint" in data["text/html"] and data["text/plain"]
    assert cell.stderr.count("\n") == 1 and cell.stderr.strip().split(": ", 1)[1] in (
        "no answer yet", f"not passed yet (attempt {shown[0]['metadata']['mlcycle']['check']['attempt']})")
    everything = cell.stderr + "".join(str(d["data"]) for d in cell.of("display_data"))
    assert not [n for n in JAVA_NAMES if n in everything], everything
    return data["text/plain"]


def hint(cell):
    """The one-line hint of a failed check, as its box shows it."""
    text = box(cell)
    assert text.startswith("Hint ("), text
    assert "\n" not in text
    return text


def test_a_check_before_the_answer_says_what_to_define(nb):
    ok(nb.run("%variant alice"))
    ok(nb.run(DATA))

    assert box(nb.run("%check practice-ctr")) == (
        "No answer yet (practice-ctr): 'ctr' is not defined yet: write your answer where the cell above says"
        " // YOUR CODE HERE, run that cell, then run this check again.")


def test_an_answer_cell_left_as_the_template_gets_no_answer_yet_not_a_hint(nb):
    ok(nb.run("double ctr = 0;\n// YOUR CODE HERE\nctr"))

    blank = box(nb.run("%check practice-ctr"))

    assert blank.startswith("No answer yet (practice-ctr): write your answer"), blank
    assert "integer division" not in blank
    ok(nb.run("ctr = ads.intColumn(\"clicks\").sum() / 1e9;  // YOUR CODE HERE was left in"))
    assert hint(nb.run("%check practice-ctr")).startswith("Hint (practice-ctr, attempt 1): ctr is ")


def test_a_wrong_answer_gets_the_hint_for_that_mistake_and_the_right_one_passes(nb):
    ok(nb.run("""double ctr = 0;
for (int i = 0; i < ads.rowCount(); i++) ctr += ads.intColumn("clicks").getInt(i) / (double) ads.intColumn("impressions").getInt(i);
ctr /= ads.rowCount();"""))
    wrong = hint(nb.run("%check practice-ctr"))
    assert "averaged each ad's own CTR" in wrong
    expected = nb.run("ads.intColumn(\"clicks\").sum() / ads.intColumn(\"impressions\").sum()").text
    assert expected[:6] not in wrong, "the hint must not give the answer away"

    ok(nb.run(RIGHT_CTR))
    passed = ok(nb.run("%check practice-ctr"))
    assert passed.text.startswith("Correct: the day's CTR is ")
    assert "practice-ctr" in passed.result["text/html"]


def test_two_students_get_different_numbers_and_each_answer_passes_only_for_its_student(nb):
    ok(nb.run("%variant alice"))
    ok(nb.run(DATA))
    ok(nb.run(RIGHT_CTR))
    alice = nb.run("ctr").text
    ok(nb.run("double alicesCtr = ctr;"))

    ok(nb.run("%variant bob"))
    ok(nb.run(DATA))
    ok(nb.run(RIGHT_CTR))
    assert nb.run("ctr").text != alice, "two seeds should give two different expected values"
    ok(nb.run("%check practice-ctr"))

    ok(nb.run("ctr = alicesCtr;"))  # bob hands in alice's number
    assert hint(nb.run("%check practice-ctr")).startswith("Hint (practice-ctr, attempt 5): ctr is ")


def test_partial_credit_is_the_cell_value_with_the_message_shown(nb):
    ok(nb.run("%variant s1"))  # a student whose two middle bids differ
    ok(nb.run(DATA))
    lower = nb.run("double[] b = ads.doubleColumn(\"bid_cpc\").asDoubleArray(); java.util.Arrays.sort(b);"
                   " b[b.length / 2 - 1] != b[b.length / 2]")
    assert lower.text == "true", "s1's middle bids are equal; pick another student for this test"
    ok(nb.run("double medianBid = b[b.length / 2 - 1];"))

    cell = ok(nb.run("%check practice-median-bid"))

    assert cell.text == "0.5"
    shown = [d["data"]["text/plain"] for d in cell.of("display_data")]
    assert shown and shown[0].startswith("Partly right (0.5 of 1 points): close")


def test_reveal_shows_the_model_answer_and_progress_counts_everything(nb):
    revealed = ok(nb.run("%reveal practice-why-ctr"))
    assert "click-through rate" in revealed.text

    progress = ok(nb.run("%progress")).text

    lines = progress.splitlines()
    assert lines[0].startswith("progress: 1 of 3 exercises passed")
    ctr_line = next(line for line in lines if "practice-ctr" in line)
    assert "passed" in ctr_line and "attempts 5, hints 3" in ctr_line, "a blank answer is no attempt"
    assert "answer revealed" in next(line for line in lines if "practice-why-ctr" in line)


def test_every_attempt_is_in_the_journal_file_with_its_lesson_and_kind(nb):
    with sqlite3.connect(nb.journal) as db:
        rows = db.execute("SELECT exercise, lesson, kind, passed FROM exercise_results ORDER BY id").fetchall()
    assert ("practice-ctr", "practice", "check", 1) in rows
    assert ("practice-why-ctr", "practice", "reveal", 0) in rows
    assert sum(1 for r in rows if r[0] == "practice-ctr") == 5


def test_an_unknown_exercise_names_the_near_ones(nb):
    cell = nb.run("%check practice-ctx")
    assert cell.reply["ename"] == "UsageError"
    assert "did you mean practice-ctr, practice-median-bid, practice-why-ctr?" in cell.reply["evalue"]
