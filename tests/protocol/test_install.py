"""./mlcycle install as a user meets it: it writes where Jupyter looks, and says how it is used."""
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def launcher(args, env):
    return subprocess.run([str(ROOT / "mlcycle"), *args], env=env, capture_output=True, text=True, timeout=300)


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
