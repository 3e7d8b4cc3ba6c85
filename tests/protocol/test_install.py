"""./mlcycle install as a user meets it: it writes where Jupyter looks, and says how it is used."""
import json
import os
import pathlib
import subprocess

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ROOT = pathlib.Path(__file__).resolve().parents[2]


def launcher(args, env):
    return subprocess.run([str(ROOT / "mlcycle"), *args], env=env, capture_output=True, text=True, timeout=300)


def run_one_plus_one(spec_dir, env, tmp_path):
    """Starts the kernelspec in spec_dir as Jupyter would, runs `1 + 1`, shuts it down; the values shown."""
    km = KernelManager(kernel_name=spec_dir.name, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec_dir.parent)]))
    km.start_kernel(env=dict(env, MLCYCLE_HISTORY=str(tmp_path / "history.jsonl")), cwd=str(tmp_path))
    kc = km.client()
    try:
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        results = []
        reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=results.append)
        assert reply["content"]["status"] == "ok"
        return [m["content"]["data"]["text/plain"] for m in results if m["msg_type"] == "execute_result"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


def test_install_writes_under_home_and_jupyter_lists_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_DATA_DIR", "XDG_DATA_HOME", "JUPYTER_PATH")}
    env["HOME"] = str(tmp_path)
    done = launcher(["install", "--user", "--name", "mlcycle-home-test"], env)
    assert done.returncode == 0, done.stderr
    spec = tmp_path / ".local/share/jupyter/kernels/mlcycle-home-test/kernel.json"
    assert spec.is_file(), done.stderr
    listed = subprocess.run(["jupyter", "kernelspec", "list", "--json"], env=env, capture_output=True, text=True, timeout=60)
    specs = json.loads(listed.stdout)["kernelspecs"]
    assert "mlcycle-home-test" in specs
    assert specs["mlcycle-home-test"]["resource_dir"].startswith(str(tmp_path))


def test_the_installed_kernel_runs_cells_with_its_class_archive(tmp_path):
    # the archive comes from one run of the kernel under a Jupyter client (stopped after 120 s at most)
    env = dict(os.environ, JUPYTER_DATA_DIR=str(tmp_path / "jupyter"))
    done = launcher(["install", "--user", "--name", "mlcycle-archive-test"], env)
    assert done.returncode == 0, done.stderr
    assert "no class-data-sharing archive" not in done.stdout and "in-process warm-up" not in done.stdout, done.stderr
    spec_dir = tmp_path / "jupyter/kernels/mlcycle-archive-test"
    argv = json.loads((spec_dir / "kernel.json").read_text())["argv"]
    assert "-XX:SharedArchiveFile={resource_dir}/mlcycle.jsa" in argv and (spec_dir / "mlcycle.jsa").is_file()
    # Java runs without an archive that does not fit, and says so only in its class-loading log
    load_log = tmp_path / "classes.log"
    argv.insert(1, f"-Xlog:class+load=info:file={load_log}")
    (spec_dir / "kernel.json").write_text(json.dumps(dict(json.loads((spec_dir / "kernel.json").read_text()), argv=argv)))
    assert run_one_plus_one(spec_dir, env, tmp_path) == ["2"]
    loaded = {line.split()[1]: line for line in load_log.read_text().splitlines() if " source: " in line}
    # the kernel's, and those only a real client's requests load: ZeroMQ's engine, the kernel_info reply
    for name in ["org.mlcycle.kernel.MlcycleKernel", "zmq.io.StreamEngine", "org.mlcycle.kernel.protocol.Replies$KernelInfo"]:
        assert "shared objects file" in loaded[name], loaded[name]


def test_an_archive_run_that_overruns_is_stopped_and_the_kernel_still_works(tmp_path):
    # one second is too short for any kernel run: both are stopped, install goes on without an archive
    env = dict(os.environ, JUPYTER_DATA_DIR=str(tmp_path / "jupyter"), MLCYCLE_ARCHIVE_SECONDS="1")
    done = launcher(["install", "--user", "--name", "mlcycle-no-archive-test"], env)
    assert done.returncode == 0, done.stderr
    assert "no class-data-sharing archive" in done.stdout and "after 1 s" in done.stderr
    spec_dir = tmp_path / "jupyter/kernels/mlcycle-no-archive-test"
    assert not (spec_dir / "mlcycle.jsa").exists()
    assert not any("SharedArchiveFile" in a for a in json.loads((spec_dir / "kernel.json").read_text())["argv"])
    assert run_one_plus_one(spec_dir, env, tmp_path) == ["2"]


def test_install_help_explains_the_options(tmp_path):
    env = dict(os.environ, HOME=str(tmp_path))
    done = launcher(["install", "--help"], env)
    assert done.returncode == 0
    assert "--jvm-option" in done.stdout and "JUPYTER_DATA_DIR" in done.stdout
    assert not (tmp_path / ".local").exists()  # asking for help installs nothing


def test_an_unknown_option_names_it_and_shows_the_usage(tmp_path):
    done = launcher(["install", "--frobnicate"], dict(os.environ, HOME=str(tmp_path)))
    assert done.returncode == 2
    assert "unknown option '--frobnicate'" in done.stderr and "--prefix DIR" in done.stderr
