"""Toolkit results in the real kernel: records as cards, lists of them as tables, the multiclass
report as a table with its chart, and progress for slow work as one display redrawn in place."""
import pytest

from conftest import Kernel

SETUP = """
Table ads = Table.create("ads",
        StringColumn.create("device", "mobile", "desktop", "mobile", "tablet", "mobile", "desktop"),
        DoubleColumn.create("bid", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0));
ProfileReport prof = %profile ads
"""


@pytest.fixture(scope="module")
def nb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebook")
    k = Kernel(MLCYCLE_HISTORY=str(folder / "history.jsonl"), MLCYCLE_JOURNAL=str(folder / "journal.sqlite"))
    cell = k.run(SETUP)
    assert cell.status == "ok", cell.reply
    yield k
    k.shutdown()


def html(cell):
    assert cell.status == "ok", cell.reply
    assert "text/html" in cell.result, cell.result
    return cell.result["text/html"]


def test_a_column_profile_is_a_card_not_a_raw_record(nb):
    shown = html(nb.run('prof.column("bid")'))

    assert "mlcycle-card" in shown and "ColumnProfile" in shown
    assert ">histogram</th>" in shown
    assert "ColumnProfile[" not in shown


def test_a_list_of_column_profiles_is_a_table_with_a_row_each(nb):
    shown = html(nb.run("prof.columns()"))

    assert "<table" in shown
    assert shown.count('<tr><td style="color:#777">') == 2, shown  # one row per column of ads
    assert "(mobile, 3)" in shown, "the top values inline in their cell"
    assert "2 items" in shown


def test_a_list_of_strings_keeps_its_plain_text(nb):
    cell = nb.run('List.of("a", "b")')

    assert cell.status == "ok"
    assert "text/html" not in cell.result
    assert cell.text == "[a, b]"


def test_the_multiclass_report_shows_per_class_rows_the_matrix_and_its_chart(nb):
    shown = html(nb.run(
        'Multiclass.of(new String[] {"cat", "dog", "fox", "fox"}, new String[] {"cat", "fox", "fox", "fox"})'))

    for word in ("macro avg", "weighted avg", "actual \\ predicted", "<img"):
        assert word in shown, word
    assert "never predicted: dog" in shown


SLOW = """
Progress.during("slow work", 4, p -> {
    for (int i = 0; i < 4; i++) {
        java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
        p.step();
    }
    return "finished";
})
"""


def test_a_slow_cell_shows_one_progress_bar_updated_in_place_and_ending_done(nb):
    cell = nb.run(SLOW, timeout=60)

    assert cell.status == "ok", cell.reply
    shown = [m for m in cell.messages if m["msg_type"] == "display_data"
             and "mlcycle-progress" in m["content"]["data"].get("text/html", "")]
    assert len(shown) == 1, [m["msg_type"] for m in cell.messages]
    display_id = shown[0]["content"]["transient"]["display_id"]
    updates = [m["content"] for m in cell.messages if m["msg_type"] == "update_display_data"]
    assert updates, "the bar is redrawn"
    assert all(u["transient"]["display_id"] == display_id for u in updates)
    assert len(updates) <= 4 * 2 + 2, "at most about four redraws a second over two seconds"
    last = updates[-1]["data"]["text/plain"]
    assert last.startswith("slow work 100% (4/4)") and last.endswith("done"), last
    assert cell.text == "finished"


def test_quick_work_shows_no_progress(nb):
    cell = nb.run('Progress.during("quick work", 2, p -> { p.step(2); return 1; })')

    assert cell.status == "ok", cell.reply
    assert not [m for m in cell.messages if m["msg_type"] in ("display_data", "update_display_data")]
