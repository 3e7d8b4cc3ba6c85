"""The kernel's behaviour as a notebook user sees it, through the real protocol."""
import json
import os
import subprocess
import threading
import time
import uuid

import pytest
import zmq

from conftest import Kernel, cpu_share, reply_to


def test_state_lives_across_cells(kernel):
    kernel.run("int counter = 40;")
    kernel.run("counter += 2;")
    assert kernel.run("counter").text == "42"


def test_a_compile_error_names_line_and_column_and_the_next_cell_runs(kernel):
    cell = kernel.run("int ok = 1;\nString s = tabel.name();")
    assert cell.status == "error"
    assert cell.reply["ename"] == "CompileError"
    assert cell.reply["evalue"].startswith("line 2, column 12: cannot find symbol")
    assert "tabel" in cell.reply["evalue"]
    traceback = "\n".join(cell.reply["traceback"])
    assert "   2 | String s = tabel.name();" in traceback
    assert "^^^^^" in traceback
    assert kernel.run("ok + 1").text == "2"  # the first line of the failed cell did run


def test_a_runtime_exception_shows_the_cell_line_not_kernel_frames(kernel):
    cell = kernel.run("int[] xs = new int[2];\n\nint bad = xs[5];")
    assert cell.reply["ename"] == "ArrayIndexOutOfBoundsException"
    traceback = "\n".join(cell.reply["traceback"])
    assert "cell line 3" in traceback
    assert "mlcycle.kernel" not in traceback and "jdk.internal.reflect" not in traceback


def test_stdout_is_streamed_while_the_cell_runs(kernel):
    # no clock: "first" must arrive in a message of its own, before "second" is even printed
    msg_id = kernel.kc.execute('System.out.println("first"); Thread.sleep(1500); System.out.println("second");')
    texts = []
    while True:
        msg = kernel.kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            texts.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply_to(kernel.kc, msg_id)
    assert texts == ["first\n", "second\n"], f"not streamed while the cell ran: {texts}"


def test_system_exit_fails_the_cell_and_keeps_the_kernel(kernel):
    kernel.run("int keep = 7;")
    cell = kernel.run("System.out.println(\"bye\");\nSystem.exit(3);")
    assert cell.status == "error" and cell.reply["ename"] == "SystemExit"
    assert "System.exit(3)" in cell.reply["evalue"]
    assert kernel.run("Runtime.getRuntime().exit(1)").reply["ename"] == "SystemExit"
    assert kernel.run("keep").text == "7"


def test_stack_overflow_fails_the_cell_and_keeps_the_kernel(kernel):
    kernel.run("int down(int n) { return down(n + 1) + 1; }")
    cell = kernel.run("down(0)")
    assert cell.reply["ename"] == "StackOverflowError"
    traceback = "\n".join(cell.reply["traceback"])
    assert "repeated" in traceback and len(cell.reply["traceback"]) < 60
    assert kernel.run("1 + 1").text == "2"


def test_one_huge_allocation_fails_the_cell_and_keeps_the_kernel(kernel):
    cell = kernel.run("long[] huge = new long[Integer.MAX_VALUE - 8];")
    assert cell.reply["ename"] == "OutOfMemoryError"
    assert "The kernel is alive" in "\n".join(cell.reply["traceback"])
    assert kernel.run("2 + 2").text == "4"


def test_interrupt_stops_a_busy_loop_and_keeps_state(kernel):
    kernel.run("int before = 5;")
    msg_id = kernel.kc.execute("long n = 0; while (true) { n++; }")
    time.sleep(1.5)
    assert cpu_share(kernel.pid(), 1.0) > 0.2, "the loop should be running"
    kernel.km.interrupt_kernel()
    reply = reply_to(kernel.kc, msg_id)
    assert reply["status"] == "error"
    assert reply["ename"] == "Interrupted"
    first = kernel.run("n").text
    time.sleep(0.5)
    assert kernel.run("n").text == first, "the loop still counts after the interrupt"
    # the core goes quiet (allowing a few seconds for the JIT's own work after the loop to end)
    shares = [cpu_share(kernel.pid(), 1.0) for _ in range(5)]
    assert min(shares) < 0.1, f"the kernel kept burning CPU after the interrupt: {shares}"
    assert kernel.run("before + 1").text == "6"


def test_interrupt_stops_a_cell_of_magics(kernel):
    # a cell holding only magics runs without JShell; the interrupt must still reach it
    msg_id = kernel.kc.execute("%time Thread.sleep(60_000)")
    time.sleep(1.5)
    kernel.km.interrupt_kernel()
    reply = reply_to(kernel.kc, msg_id, timeout=20)
    assert reply["ename"] == "Interrupted"
    assert kernel.run("%lsmagic").status == "ok"
    assert kernel.run("21 * 2").text == "42"


def test_interrupt_stops_a_sleeping_cell(kernel):
    msg_id = kernel.kc.execute("Thread.sleep(60_000);")
    time.sleep(1.0)
    kernel.km.interrupt_kernel()
    assert reply_to(kernel.kc, msg_id)["ename"] == "Interrupted"
    assert kernel.run("3").text == "3"


def test_scanner_on_system_in_asks_the_front_end(kernel):
    answers = []

    def stdin_hook(msg):
        answers.append(msg["content"]["prompt"])
        kernel.kc.input("Ada")

    cell = kernel.run(
        'System.out.print("name? ");\nString who = new Scanner(System.in).nextLine();\n"hello " + who',
        stdin=stdin_hook,
    )
    assert cell.status == "ok", cell.reply
    assert cell.text == '"hello Ada"' or cell.text == "hello Ada"
    assert len(answers) == 1


def test_magic_return_values_are_kept_and_shown(kernel):
    cell = kernel.run("var magics = %lsmagic\nmagics.toString().contains(\"%maven\")")
    assert cell.text == "true"


def test_a_magic_returning_null_shows_nothing(tmp_path, kernel):
    (tmp_path / "quiet.jsh").write_text("int quiet = 1;\n")
    cell = kernel.run(f"%load {tmp_path}/quiet.jsh")  # a declaration: the magic's value is null
    assert cell.status == "ok" and cell.result is None


def test_unknown_magic_is_one_line_and_nothing_in_the_cell_runs(kernel):
    kernel.run("int untouched = 1;")
    cell = kernel.run("untouched = 99;\n%mavne org.example:x:1")
    assert cell.reply["ename"] == "UsageError"
    assert "%mavne" in cell.reply["evalue"] and "%maven" in cell.reply["evalue"]
    assert len(cell.reply["traceback"]) == 1
    assert kernel.run("untouched").text == "1"


def test_help_prints_a_magics_usage(kernel):
    assert kernel.run("%help maven").text.startswith("%maven GROUP:ARTIFACT")
    assert kernel.run("%help nosuch").reply["ename"] == "UsageError"


def test_bad_magic_arguments_give_the_usage(kernel):
    cell = kernel.run("%mavenRepo only-one-argument")
    assert cell.reply["ename"] == "UsageError"
    assert "%maven_repo ID URL" in cell.reply["evalue"]


def test_percent_starting_a_continued_line_is_the_remainder_operator(kernel):
    cell = kernel.run("int r = 17\n    %5;\nr")
    assert cell.status == "ok", cell.reply
    assert cell.text == "2"


def test_magic_names_match_without_case_when_unambiguous(kernel, tmp_path):
    pom = tmp_path / "pom.xml"
    pom.write_text("<project><dependencies></dependencies></project>")
    cell = kernel.run(f"%loadFromPom {pom}")
    assert cell.reply["ename"] == "UsageError"
    assert "no <dependency>" in cell.reply["evalue"]


def test_time_and_timeit(kernel):
    cell = kernel.run("%time Math.sqrt(2)")
    assert cell.status == "ok", cell.reply
    assert "Wall time" in cell.stdout and cell.text.startswith("1.414")
    cell = kernel.run("%timeit -n 1000 -r 3 Math.sqrt(2)")
    assert "per loop (mean ± std. dev. of 3 runs, 1000 loops each)" in cell.text
    cell = kernel.run("%%time\nint t = 0;\nfor (int i = 0; i < 10; i++) t += i;\nt")
    assert cell.text == "45" and "Wall time" in cell.stdout


def test_classpath_adds_a_jar_built_on_the_spot(kernel, tmp_path):
    src = tmp_path / "src" / "demo"
    src.mkdir(parents=True)
    (src / "Greeter.java").write_text(
        "package demo; public class Greeter { public static String hi() { return \"hi from a jar\"; } }"
    )
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src / "Greeter.java")], check=True)
    jar = tmp_path / "greeter.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)
    cell = kernel.run(f"%classpath {tmp_path}/*.jar")
    assert cell.status == "ok", cell.reply
    assert kernel.run("demo.Greeter.hi()").text == "hi from a jar"
    listing = kernel.run("%classpath").text
    assert "added in this session:" in listing and str(jar) in listing
    missing = kernel.run("%jars /no/such/file.jar")
    assert missing.reply["ename"] == "UsageError" and "/no/such/file.jar" in missing.reply["evalue"]
    # IJava's idiom: the magic as an expression gives the added paths as a List<String>
    cell = kernel.run(f"List<String> added = %jars {jar}\nadded.get(0)")
    assert cell.status == "ok", cell.reply
    assert cell.text == str(jar)
    assert kernel.run("%addMavenDependencies").reply["ename"] == "UsageError"  # the alias exists


def test_load_runs_a_script(kernel, tmp_path):
    script = tmp_path / "helpers.jsh"
    script.write_text("int triple(int x) { return 3 * x; }\n")
    assert kernel.run(f"%load {tmp_path}/helpers").status == "ok"
    assert kernel.run("triple(5)").text == "15"


def test_is_complete_and_inspect(kernel):
    kc = kernel.kc
    assert reply_to(kc, kc.is_complete("}"))["status"] == "invalid"
    reply = reply_to(kc, kc.is_complete("if (true) {"))
    assert reply["status"] == "incomplete" and reply["indent"] == "    "
    for code, cursor in [("Math.max", 8), ("Math.max", 6), ("Math.max(1, 2)", 7)]:
        reply = reply_to(kc, kc.inspect(code, cursor))
        assert reply["found"], (code, cursor)
        assert "max(" in reply["data"]["text/plain"]


def test_completion_offers_magic_names(kernel):
    reply = reply_to(kernel.kc, kernel.kc.complete("%mav", 4))
    assert {"maven", "mavenRepo"} <= set(reply["matches"])
    assert reply["cursor_start"] == 1


def _idle_for(kc, msg_id, timeout=30):
    """Waits for the idle status that ends the request msg_id on iopub."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return
    raise AssertionError(f"no idle status for {msg_id}")


def test_after_a_failed_cell_the_queued_cells_are_aborted_not_run(kernel):
    kc = kernel.kc
    # "Run All": three cells sent at once; the first fails while the others wait
    failing = kc.execute("Thread.sleep(400); throw new IllegalStateException(\"first cell fails\");")
    second = kc.execute("int ranAfterFailure = 2;")
    third = kc.execute("System.out.println(\"third ran\");")
    assert reply_to(kc, failing)["status"] == "error"
    assert reply_to(kc, second)["status"] == "aborted"
    assert reply_to(kc, third)["status"] == "aborted"
    _idle_for(kc, third)  # every aborted request still ends with idle, so clients stop waiting
    assert kernel.run("ranAfterFailure").reply["ename"] == "CompileError"
    assert kernel.run("1 + 1").text == "2"  # a cell sent after the failure runs


def test_a_cell_sent_after_the_failure_was_seen_runs(kernel):
    # a client that waits for the failed cell's reply and idle status and then sends the next
    # cell must get it run, every time (it is not "queued behind" the failure)
    for i in range(15):
        assert kernel.run(f"throw new IllegalStateException(\"fail {i}\");").reply["ename"] == "IllegalStateException"
        assert kernel.run(f"{i} + 1").text == str(i + 1), f"round {i}"


def test_without_stop_on_error_the_queued_cells_run(kernel):
    kc = kernel.kc
    failing = kc.execute("Thread.sleep(400); throw new IllegalStateException(\"fails\");", stop_on_error=False)
    second = kc.execute("int ranAnyway = 3;")
    assert reply_to(kc, failing)["status"] == "error"
    assert reply_to(kc, second)["status"] == "ok"
    _idle_for(kc, second)
    assert kernel.run("ranAnyway").text == "3"


def test_comm_info_has_status_ok(kernel):
    reply = reply_to(kernel.kc, kernel.kc.comm_info())
    assert reply["status"] == "ok" and reply["comms"] == {}


def test_kernel_info_carries_the_poms_version(kernel):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(root, "pom.xml"), encoding="utf-8") as f:
        # the project's own version: the first <version> at two spaces' indent, as ./mlcycle reads it
        version = next(line.strip()[len("<version>"):-len("</version>")]
                       for line in f if line.startswith("  <version>"))
    reply = reply_to(kernel.kc, kernel.kc.kernel_info())
    assert reply["implementation"] == "mlcycle"
    assert reply["implementation_version"] == version


def test_a_message_with_a_bad_signature_is_ignored(kernel):
    info = kernel.km.get_connection_info()
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    header = {"msg_id": uuid.uuid4().hex, "username": "x", "session": uuid.uuid4().hex,
              "date": "2026-01-01T00:00:00Z", "msg_type": "execute_request", "version": "5.3"}
    content = {"code": "int forged = 1;", "silent": False, "store_history": True,
               "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
    frames = [b"<IDS|MSG>", b"0" * 64, json.dumps(header).encode(), b"{}", b"{}", json.dumps(content).encode()]
    sock.send_multipart(frames)
    time.sleep(0.5)
    sock.close()
    assert kernel.run("1 + 1").text == "2"  # still serving
    assert kernel.run("forged").reply["ename"] == "CompileError"  # the forged cell never ran


def test_binds_only_the_address_in_the_connection_file(kernel):
    info = kernel.km.get_connection_info()
    out = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
    pid = str(kernel.pid())
    mine = [line for line in out.splitlines() if f"pid={pid}," in line]
    assert mine, out
    for line in mine:
        local = line.split()[3]
        # a dual-stack socket shows an IPv4 address as [::ffff:a.b.c.d]
        assert local.startswith(info["ip"] + ":") or local.startswith(f"[::ffff:{info['ip']}]:"), line


def test_history_survives_a_restart(tmp_path):
    history = tmp_path / "history.jsonl"
    k = Kernel(MLCYCLE_HISTORY=str(history))
    try:
        k.run("int remembered = 123;")
    finally:
        k.shutdown()
    k = Kernel(MLCYCLE_HISTORY=str(history))
    try:
        msg_id = k.kc.history(hist_access_type="search", pattern="*remembered*", output=False, raw=True)
        reply = reply_to(k.kc, msg_id)
        assert reply["status"] == "ok"
        assert [h[2] for h in reply["history"]] == ["int remembered = 123;"]
        assert reply["history"][0][0] == 1  # the first session; this kernel is session 2
    finally:
        k.shutdown()


def test_shutdown_ends_the_process(tmp_path):
    # how fast it exits is the benchmark's business (./mlcycle bench: exit_s), not a test's
    k = Kernel(MLCYCLE_HISTORY=str(tmp_path / "h.jsonl"))
    k.run("int x = 1;")
    process = k.km.provisioner.process
    k.kc.shutdown()
    assert process.wait(timeout=60) == 0
    k.kc.stop_channels()


def test_restart_gives_a_fresh_kernel(tmp_path):
    k = Kernel(MLCYCLE_HISTORY=str(tmp_path / "h.jsonl"))
    try:
        k.run("int gone = 1;")
        k.km.restart_kernel(now=False)
        k.kc.wait_for_ready(timeout=60)
        assert k.run("gone").reply["ename"] == "CompileError"
        assert k.run("40 + 2").text == "42"
    finally:
        k.shutdown()


def test_ijava_environment_variables(tmp_path):
    startup = tmp_path / "startup"
    startup.mkdir()
    (startup / "a.jshell").write_text("String greeting = \"from a startup script\";\n")
    k = Kernel(
        MLCYCLE_HISTORY=str(tmp_path / "h.jsonl"),
        IJAVA_STARTUP_SCRIPTS_PATH=str(startup / "*.jshell"),
        IJAVA_STARTUP_SCRIPT="int fromEnv = 7;",
        IJAVA_TIMEOUT="2 SECONDS",
        IJAVA_COMPILER_OPTS="-Xlint:none",
    )
    try:
        assert k.run("greeting").text == "from a startup script"
        assert k.run("fromEnv").text == "7"
        cell = k.run("while (true) { }")
        assert cell.reply["ename"] == "Timeout" and "2000 ms" in cell.reply["evalue"]
        assert k.run("fromEnv + 1").text == "8"
    finally:
        k.shutdown()


def test_maven_resolves_with_dependencies_from_central(kernel):
    cell = kernel.run("List<String> jars = %maven org.apache.commons:commons-text:1.11.0\njars.size()")
    assert cell.status == "ok", cell.reply
    assert int(cell.text) >= 2  # commons-text and commons-lang3
    result = kernel.run("org.apache.commons.text.WordUtils.capitalize(\"mlcycle kernel\")")
    assert result.text == "Mlcycle Kernel"


def test_maven_names_what_it_could_not_resolve(kernel):
    cell = kernel.run("%maven org.mlcycle.nothing:not-published:0.0.1")
    assert cell.reply["ename"] == "MagicError"
    assert "could not resolve org.mlcycle.nothing:not-published:0.0.1" in cell.reply["evalue"]
    assert kernel.run("5").text == "5"


def test_a_name_followed_by_a_question_mark_pages_its_documentation(kernel):
    cell = kernel.run("String.valueOf?")
    assert cell.status == "ok", cell.reply
    page = cell.reply["payload"][0]
    assert page["source"] == "page" and "valueOf(" in page["data"]["text/plain"]
    missing = kernel.run("noSuchThing?")
    assert missing.reply["ename"] == "UsageError" and "noSuchThing" in missing.reply["evalue"]


def test_the_shutdown_reply_carries_a_status(tmp_path):
    k = Kernel(MLCYCLE_HISTORY=str(tmp_path / "h.jsonl"))
    process = k.km.provisioner.process
    msg_id = k.kc.shutdown()
    reply = k.kc.get_control_msg(timeout=10)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = k.kc.get_control_msg(timeout=10)
    process.wait(timeout=10)
    k.kc.stop_channels()
    assert reply["msg_type"] == "shutdown_reply"
    assert reply["content"] == {"status": "ok", "restart": False}


def test_errors_show_no_jshell_wrapper_names(kernel):
    kernel.run("String nothing = null;")
    cell = kernel.run("nothing.length()")
    text = cell.reply["evalue"] + "\n".join(cell.reply["traceback"])
    assert cell.reply["ename"] == "NullPointerException"
    assert '"nothing" is null' in cell.reply["evalue"]
    assert "JShell" not in text and "REPL." not in text and "do_it$" not in text
    cell = kernel.run("Runnable r = () -> { throw new IllegalStateException(\"inside\"); };\nr.run();")
    text = "\n".join(cell.reply["traceback"])
    assert "at lambda (cell line 1)" in text, text
    assert "JShell" not in text and "lambda$" not in text


def test_a_cause_shows_only_the_frames_it_does_not_share(kernel):
    cell = kernel.run(
        "void inner() { throw new IllegalArgumentException(\"root\"); }\n"
        "void outer() { try { inner(); } catch (RuntimeException e) { throw new IllegalStateException(\"wrapped\", e); } }\n"
        "outer();")
    tb = [line for line in cell.reply["traceback"]]
    caused = next(i for i, line in enumerate(tb) if line.startswith("Caused by: java.lang.IllegalArgumentException: root"))
    after = tb[caused + 1:]
    assert after[0].strip() == "at inner (cell line 1)"
    assert after[-1].strip().endswith("more"), after
    assert not any("outer" in line for line in after), "the cause repeats frames shown above it"


def test_time_shows_the_codes_own_error(kernel):
    for code in ("%time 1/0", "%%time\nint q = 1 / 0;"):
        cell = kernel.run(code)
        assert cell.status == "error"
        assert cell.reply["ename"] == "ArithmeticException", cell.reply
        assert cell.reply["evalue"] == "/ by zero"
        assert any("cell line" in line for line in cell.reply["traceback"])
        assert "MagicError" not in "\n".join(cell.reply["traceback"])


def test_cell_timeit_honours_its_options_and_runs_what_a_cell_runs(kernel):
    cell = kernel.run("%%timeit -n 3 -r 2\nThread.sleep(10);")
    assert cell.status == "ok", cell.reply
    assert "of 2 runs, 3 loops each" in cell.text
    cell = kernel.run("%timeit -n 2 -r 1 Thread.sleep(5)")
    assert cell.status == "ok", cell.reply
    assert "of 1 runs, 2 loops each" in cell.text


def test_a_url_or_uri_value_shows_as_a_link(kernel):
    for code in ('new java.net.URL("https://example.org/a?b=1&c=2")', 'java.net.URI.create("https://example.org/x")'):
        cell = kernel.run(code)
        html = cell.result["text/html"]
        assert html.startswith('<a href="https://example.org/') and "</a>" in html
        assert "&amp;" in html or "/x" in html
        assert cell.text.startswith("https://example.org/")
