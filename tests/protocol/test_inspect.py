"""Inspect (Shift-Tab, inspect_request) over the real kernel: the signatures of the call around the
cursor wherever the cursor is in it, and Javadoc from the JDK's and the toolkit's sources."""
import os
import shutil

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL, reply_to


def inspect(kernel, code, cursor=None):
    kc = kernel.kc
    reply = reply_to(kc, kc.inspect(code, len(code) if cursor is None else cursor))
    assert reply["status"] == "ok", reply
    return reply["data"].get("text/plain", "") if reply["found"] else None


@pytest.fixture(scope="module")
def with_s(kernel):
    assert kernel.run('String s = "hello";').status == "ok"
    return kernel


SUBSTRINGS = ("substring(int beginIndex)", "substring(int beginIndex, int endIndex)")


def test_right_after_the_parenthesis_both_substrings_show(with_s):
    text = inspect(with_s, "s.substring(")
    assert text is not None, "nothing shown right after '('"
    for sig in SUBSTRINGS:
        assert sig in text, text


@pytest.mark.parametrize("code, cursor", [
    ("s.substring(1", None),            # inside the first argument
    ("s.substring(1, ", None),          # after the comma
    ("s.substring(1, 3)", len("s.substring(1, 3")),  # before the closing parenthesis
    ("int n = 1;\nString t = s.substring(n, 2);", len("int n = 1;\nString t = s.substring(n")),
])
def test_inside_the_arguments_the_call_shows(with_s, code, cursor):
    text = inspect(with_s, code, cursor)
    assert text is not None, (code, cursor)
    for sig in SUBSTRINGS:
        assert sig in text, (code, text)


def _java_home():
    argv = KernelSpecManager().get_kernel_spec(KERNEL).argv
    return os.path.dirname(os.path.dirname(os.path.realpath(argv[0])))


def _need_jdk_sources():
    home = _java_home()
    if os.path.exists(os.path.join(home, "lib", "src.zip")) or os.path.exists(os.path.join(os.path.dirname(home), "src.zip")):
        return
    if os.geteuid() == 0 and shutil.which("apt-get") and home.startswith("/usr/lib/jvm/"):
        pytest.fail(f"no {home}/lib/src.zip: ./mlcycle install, run as root on Debian, installs openjdk-17-source")
    pytest.skip(f"the JDK at {home} has no src.zip: Javadoc cannot show")


def test_math_max_shows_its_javadoc(kernel):
    _need_jdk_sources()
    text = inspect(kernel, "Math.max")
    assert "int Math.max(int a, int b)" in text, text
    assert "double Math.max(double a, double b)" in text, text
    assert "Returns the greater of two int values." in text, text
    assert "Parameters:" in text, text
    assert "{@code" not in text, text


def test_a_toolkit_type_shows_its_javadoc_summary(kernel):
    text = inspect(kernel, "org.mlcycle.toolkit.quality.Profile")
    assert text is not None
    assert "Profiles a table: per column count, missing, distinct" in text, text


def test_a_toolkit_method_call_shows_signatures_and_javadoc(kernel):
    text = inspect(kernel, "org.mlcycle.toolkit.quality.Profile.of(")
    assert text is not None
    assert "of(tech.tablesaw.api.Table table)" in text, text
    assert "of(tech.tablesaw.api.Table table, org.mlcycle.toolkit.quality.ProfileOptions options)" in text, text
    assert "Profiles table with ProfileOptions.defaults()" in text, text


def test_nothing_inside_a_string(kernel):
    assert inspect(kernel, '"s.substring(', len('"s.substring(')) is None
