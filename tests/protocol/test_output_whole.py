"""Every byte a cell prints reaches the client, gathered into few stream messages, in order."""
import time

import pytest

from conftest import Kernel


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    kernel = Kernel(MLCYCLE_HISTORY=str(tmp_path_factory.mktemp("h") / "h.jsonl"))
    yield kernel
    kernel.shutdown()


def streams(cell):
    return [m for m in cell.messages if m["msg_type"] == "stream"]


def test_twenty_thousand_printlns_arrive_whole_in_few_messages(k):
    cell = k.run("for (int i = 0; i < 20000; i++) System.out.println(i);", timeout=120)
    assert cell.status == "ok"
    expected = "".join(f"{i}\n" for i in range(20000))
    assert len(cell.stdout) == len(expected) == 108890
    assert cell.stdout == expected
    assert len(streams(cell)) < 2000  # coalesced, not one message per line
    assert cell.messages[-1]["msg_type"] == "status"
    assert cell.messages[-1]["content"]["execution_state"] == "idle"


def test_twenty_thousand_prints_without_newline_arrive_whole(k):
    cell = k.run('for (int i = 0; i < 20000; i++) System.out.print("y");', timeout=120)
    assert cell.stdout == "y" * 20000


def test_a_twenty_megabyte_print_arrives_whole(k):
    cell = k.run('System.out.print("z".repeat(20_000_000));', timeout=180)
    assert cell.status == "ok"
    assert len(cell.stdout) == 20_000_000
    assert set(cell.stdout) == {"z"}


def test_characters_split_across_writes_are_not_broken(k):
    # the bytes of one character arrive in separate writes
    cell = k.run(
        'byte[] b = "é€😀".getBytes(java.nio.charset.StandardCharsets.UTF_8);\n'
        'for (byte x : b) { System.out.write(x); System.out.flush(); Thread.sleep(60); }',
        timeout=30)
    assert cell.stdout == "é€😀"


def test_printed_text_comes_before_the_value_and_the_display_after_it(k):
    cell = k.run('System.out.println("before"); display("shown"); System.out.println("after"); 7')
    order = []
    for m in cell.messages:
        if m["msg_type"] == "stream":
            order.append(m["content"]["text"])
        elif m["msg_type"] in ("display_data", "execute_result"):
            order.append(m["msg_type"])
    text = "".join(o if o not in ("display_data", "execute_result") else f"<{o}>" for o in order)
    assert text == "before\n<display_data>after\n<execute_result>"


def test_stderr_and_stdout_both_arrive(k):
    cell = k.run('for (int i = 0; i < 3000; i++) { System.out.println("o" + i); System.err.println("e" + i); }', timeout=60)
    assert cell.stdout == "".join(f"o{i}\n" for i in range(3000))
    assert cell.stderr == "".join(f"e{i}\n" for i in range(3000))


def test_a_thread_that_prints_after_its_cell_still_reaches_the_notebook(k):
    k.run('new Thread(() -> { try { Thread.sleep(500); } catch (Exception e) {} System.out.println("late"); }).start();')
    deadline = time.time() + 10
    seen = ""
    while time.time() < deadline and "late" not in seen:
        try:
            msg = k.kc.get_iopub_msg(timeout=1)
        except Exception:
            continue
        if msg["msg_type"] == "stream":
            seen += msg["content"]["text"]
    assert "late" in seen
