"""A kernelspec installed with --warm: a waiting spare JVM takes a notebook, never two."""
import glob
import json
import os
import pwd
import shutil
import tempfile
import threading
import time

import pytest

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

from conftest import KERNEL


def warm_spec(spare_dir):
    """The test kernelspec with `warm` before the connection file; spares kept under spare_dir."""
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    kernels = tempfile.mkdtemp(prefix="warm-spec")
    argv = [a.replace("{resource_dir}", spec.resource_dir) for a in spec.argv]
    at = argv.index("{connection_file}")
    argv[at:at] = ["warm"]
    argv.insert(1, f"-Djava.io.tmpdir={spare_dir}")
    os.makedirs(os.path.join(kernels, "mlcycle-warm"))
    with open(os.path.join(kernels, "mlcycle-warm", "kernel.json"), "w") as f:
        json.dump({"argv": argv, "display_name": "warm", "language": "java", "interrupt_mode": "message"}, f)
    return kernels


class Notebook:
    def __init__(self, kernels):
        self.km = KernelManager(kernel_name="mlcycle-warm", kernel_spec_manager=KernelSpecManager(kernel_dirs=[kernels]))
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=60)

    def value(self, code):
        out = []
        reply = self.kc.execute_interactive(code, timeout=60, output_hook=out.append)
        assert reply["content"]["status"] == "ok", reply["content"]
        return [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"][0]

    def launched(self):
        return self.km.provisioner.process.pid

    def shutdown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=False)


def test_two_notebooks_never_share_a_jvm():
    spare_dir = tempfile.mkdtemp(prefix="sp")  # short: a socket's path has a length limit
    kernels = warm_spec(spare_dir)
    notebooks = []
    try:
        first = Notebook(kernels)
        notebooks.append(first)
        deadline = time.time() + 90
        while not glob.glob(os.path.join(spare_dir, "mlcycle-spares-*", "*.sock")):
            assert time.time() < deadline, "no spare came up"
            time.sleep(0.5)
        pair = [None, None]

        def start(i):
            pair[i] = Notebook(kernels)

        threads = [threading.Thread(target=start, args=(i,)) for i in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        notebooks += pair
        pids = [int(nb.value("ProcessHandle.current().pid()")) for nb in notebooks]
        assert len(set(pids)) == 3, f"notebooks share a JVM: {pids}"
        assert any(pid != nb.launched() for pid, nb in zip(pids[1:], pair)), "no notebook was handed to the spare"
        assert pair[0].value("int mine = 1; mine") == "1"
        out = []
        pair[1].kc.execute_interactive("mine", timeout=60, output_hook=out.append)
        assert any(m["msg_type"] == "error" for m in out), "one notebook sees another's variable"
    finally:
        for nb in notebooks:
            nb.shutdown()
        shutil.rmtree(kernels, ignore_errors=True)



def test_a_claimed_spare_is_a_fresh_kernel():
    """The spare rehearsed its first requests before it waited: its notebook must not see them."""
    spare_dir = tempfile.mkdtemp(prefix="sp")
    kernels = warm_spec(spare_dir)
    notebooks = []
    try:
        notebooks.append(Notebook(kernels))
        deadline = time.time() + 90
        while not glob.glob(os.path.join(spare_dir, "mlcycle-spares-*", "*.sock")):
            assert time.time() < deadline, "no spare came up"
            time.sleep(0.5)
        logs = glob.glob(os.path.join(spare_dir, "mlcycle-spares-*", "*.log"))
        assert logs and any(os.path.getsize(p) > 0 for p in logs), "the spare's output did not reach its log"
        nb = Notebook(kernels)
        notebooks.append(nb)
        assert int(nb.value("ProcessHandle.current().pid()")) != nb.launched(), "the launch was not handed to the spare"
        reply = nb.kc.execute_interactive("40 + 2", timeout=60, output_hook=lambda m: None)
        assert reply["content"]["execution_count"] == 2, "the spare's rehearsal took execution counts"
        msg_id = nb.kc.history(hist_access_type="tail", n=20, output=False, raw=True)
        history = nb.kc.get_shell_msg(timeout=60)
        assert history["parent_header"]["msg_id"] == msg_id
        mine = [h for h in history["content"]["history"] if h[0] == history["content"]["history"][-1][0]]
        assert [h[2] for h in mine] == ["ProcessHandle.current().pid()", "40 + 2"], mine
    finally:
        for nb in notebooks:
            nb.shutdown()
        shutil.rmtree(kernels, ignore_errors=True)


@pytest.mark.skipif(os.getuid() != 0, reason="giving a folder to another user needs root")
def test_a_spares_folder_of_another_user_is_not_used():
    """Whoever owns the folder could hand this user's spare a connection of theirs."""
    spare_dir = tempfile.mkdtemp(prefix="sp")
    folder = os.path.join(spare_dir, "mlcycle-spares-" + pwd.getpwuid(os.getuid()).pw_name)
    os.mkdir(folder)
    os.chmod(spare_dir, 0o755)
    os.chmod(folder, 0o777)
    os.chown(folder, 65534, 65534)  # nobody's
    kernels = warm_spec(spare_dir)
    nb = Notebook(kernels)
    try:
        assert nb.value("ProcessHandle.current().pid()") == str(nb.launched()), "the launched process runs the kernel"
        time.sleep(6)  # a spare would start 3 s after a launch
        assert not glob.glob(os.path.join(folder, "*")), "nothing is put in another user's folder"
        assert os.stat(folder).st_uid == 65534 and os.stat(folder).st_mode & 0o777 == 0o777, "it is left as it was"
    finally:
        nb.shutdown()
        shutil.rmtree(kernels, ignore_errors=True)
        shutil.rmtree(spare_dir, ignore_errors=True)


def test_an_own_spares_folder_open_to_others_is_made_private():
    spare_dir = tempfile.mkdtemp(prefix="sp")
    folder = os.path.join(spare_dir, "mlcycle-spares-" + pwd.getpwuid(os.getuid()).pw_name)
    os.mkdir(folder)
    os.chmod(folder, 0o777)  # as an older version, or a umask of 0, left it
    kernels = warm_spec(spare_dir)
    nb = Notebook(kernels)
    try:
        assert nb.value("1") == "1"
        assert os.stat(folder).st_mode & 0o777 == 0o700
    finally:
        nb.shutdown()
        shutil.rmtree(kernels, ignore_errors=True)
        shutil.rmtree(spare_dir, ignore_errors=True)
