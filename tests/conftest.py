"""Shared helpers for the tests that drive the real kernel through Debian's jupyter_client.

The kernel under test is the kernelspec named by $MLCYCLE_KERNEL (default "mlcycle-test"),
which `./mlcycle test` installs into $JUPYTER_DATA_DIR before running pytest.
"""
import os
import queue
import time

import pytest
from jupyter_client.manager import start_new_kernel

KERNEL = os.environ.get("MLCYCLE_KERNEL", "mlcycle-test")


def pytest_configure(config):
    # heavy tests that start Apache Spark in a kernel installed with the Spark module; -m "not spark" skips them
    config.addinivalue_line("markers", "spark: starts Spark in a kernel installed with --with-spark (heavy)")
    # The course's facts (application/vnd.mlcycle.facts+json) are meant to render as nothing;
    # nbconvert warns about each one when it writes HTML.
    config.addinivalue_line(
        "filterwarnings", r"ignore:Your element with mimetype\(s\) dict_keys\(\['application/vnd\.mlcycle\.facts\+json'\]\)")


class Cell:
    """What one execute_request produced: the reply and every iopub message."""

    def __init__(self, reply, messages):
        self.reply = reply["content"]
        self.messages = messages

    @property
    def status(self):
        return self.reply["status"]

    def of(self, msg_type):
        return [m["content"] for m in self.messages if m["msg_type"] == msg_type]

    @property
    def stdout(self):
        return "".join(c["text"] for c in self.of("stream") if c["name"] == "stdout")

    @property
    def stderr(self):
        return "".join(c["text"] for c in self.of("stream") if c["name"] == "stderr")

    @property
    def result(self):
        results = self.of("execute_result")
        return results[0]["data"] if results else None

    @property
    def text(self):
        return (self.result or {}).get("text/plain")


class Kernel:
    def __init__(self, **env):
        full_env = dict(os.environ)
        full_env.update(env)
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL, env=full_env, startup_timeout=60)

    def run(self, code, timeout=60, stdin=None, allow_stdin=False):
        messages = []

        def hook(msg):
            messages.append(msg)

        kwargs = {}
        if stdin is not None:
            kwargs["stdin_hook"] = stdin
            allow_stdin = True
        reply = self.kc.execute_interactive(
            code, timeout=timeout, output_hook=hook, allow_stdin=allow_stdin, **kwargs
        )
        return Cell(reply, messages)

    def pid(self):
        return self.km.provisioner.process.pid

    def shutdown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    history = tmp_path_factory.mktemp("history") / "history.jsonl"
    k = Kernel(MLCYCLE_HISTORY=str(history))
    yield k
    k.shutdown()


def reply_to(kc, msg_id, timeout=20):
    """The content of the shell reply to msg_id (a late kernel_info reply may come first)."""
    while True:
        msg = kc.get_shell_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg["content"]


def cpu_seconds(pid):
    """utime+stime of a process from /proc, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def cpu_share(pid, seconds=1.0):
    """The share of one core the process used over `seconds`."""
    before = cpu_seconds(pid)
    time.sleep(seconds)
    return (cpu_seconds(pid) - before) / seconds
