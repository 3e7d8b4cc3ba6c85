"""%progress LESSON in the real kernel: how each exercise of the design walkthrough was solved."""
import sys
import pathlib

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import Kernel  # noqa: E402

BRIEF = """
import org.mlcycle.course.interview.ClickDesignBrief;
ClickDesignBrief brief = ClickDesignBrief.of(seed);
"""
PEAK = "brief.dailyUsers() * brief.searchesPerUser() / 86_400.0 * brief.peakFactor()"
BUDGET = ("(brief.latencyMs() - brief.retrievalMs() - brief.featuresMs() - brief.otherMs()) * 1000.0"
          " / brief.candidatesPerRequest()")
CALIBRATED = "brief.scoreDownsampled() / (brief.scoreDownsampled() + (1 - brief.scoreDownsampled()) / brief.negativeKeep())"


@pytest.fixture(scope="module")
def nb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("progress")
    k = Kernel(MLCYCLE_HISTORY=str(folder / "history.jsonl"), MLCYCLE_JOURNAL=str(folder / "journal.sqlite"))
    yield k
    k.shutdown()


def ran(cell):
    assert cell.status == "ok", cell.reply
    return cell


def rows(progress):
    """exercise id -> its line of %progress's text."""
    return {line.split()[0]: line for line in progress.splitlines()[2:]}


def test_progress_of_a_lesson_says_unaided_with_hints_or_after_the_answer(nb):
    ran(nb.run("%variant carol"))
    ran(nb.run(BRIEF))
    # unaided: right at the first attempt
    ran(nb.run(f"double microsPerCandidate = {BUDGET};"))
    assert ran(nb.run("%check lesson14-rank-budget")).text.startswith("Correct")
    # with hints: the day's average first (a hint), then the peak
    ran(nb.run(f"double peakQps = {PEAK} / brief.peakFactor();"))
    assert "that is the day's average" in "".join(
        d["data"]["text/plain"] for d in nb.run("%check lesson14-peak-qps").of("display_data"))
    ran(nb.run(f"peakQps = {PEAK};"))
    assert ran(nb.run("%check lesson14-peak-qps")).text.startswith("Correct")
    # after the answer: the model answer read first, then a right answer
    assert "p / (p + (1 - p) / w)" in ran(nb.run("%reveal lesson14-recalibrate")).text
    ran(nb.run(f"double calibrated = {CALIBRATED};"))
    assert ran(nb.run("%check lesson14-recalibrate")).text.startswith("Correct")

    progress = ran(nb.run("%progress 14")).text

    assert progress.startswith("progress: 3 of 17 exercises passed, 4 attempts, 1 hints, 1 model answers read"), progress
    assert progress.splitlines()[1] == "14-design-ad-click-prediction"
    line = rows(progress)
    assert line["lesson14-rank-budget"].split()[1:3] == ["passed", "unaided"], line["lesson14-rank-budget"]
    assert " passed      with hints " in line["lesson14-peak-qps"] and "attempts 2, hints 1" in line["lesson14-peak-qps"]
    assert " passed      after the answer " in line["lesson14-recalibrate"]
    assert line["lesson14-window"].split()[1:3] == ["not", "tried"], "the untried steps are listed too"
    html = "".join(d["data"].get("text/html", "") for d in nb.run("%progress 14").of("execute_result"))
    assert ">how<" in html and ">with hints<" in html and ">after the answer<" in html


def test_progress_of_an_unknown_lesson_names_the_lessons(nb):
    cell = nb.run("%progress 99")
    shown = cell.stderr + "".join(str(m.get("content", {})) for m in cell.messages)
    assert "no lesson '99'" in shown and "14-design-ad-click-prediction" in shown, shown


def test_progress_without_a_lesson_still_lists_every_lesson_started(nb):
    progress = ran(nb.run("%progress")).text
    assert "14-design-ad-click-prediction" in progress and "with hints" in progress
