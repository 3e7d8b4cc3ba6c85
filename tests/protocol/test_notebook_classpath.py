"""Notebook code sees the user's libraries, the extension and the toolkit, not the kernel's internals."""
import pytest

from conftest import Kernel


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    kernel = Kernel(MLCYCLE_HISTORY=str(tmp_path_factory.mktemp("h") / "h.jsonl"))
    yield kernel
    kernel.shutdown()


def test_the_kernels_own_libraries_are_hidden(k):
    for name in ("org.zeromq.ZMQ", "org.eclipse.aether.RepositorySystem", "org.objectweb.asm.ClassReader"):
        cell = k.run(f"Class<?> c = {name}.class;")
        assert cell.status == "error" and cell.reply["ename"] == "CompileError", name
        k.run("class Probe {}")
        cell = k.run(f'Class.forName("{name}", false, Probe.class.getClassLoader())')
        assert cell.status == "error" and cell.reply["ename"] == "ClassNotFoundException", (name, cell.reply)


def test_the_toolkit_and_its_libraries_are_visible(k):
    assert k.run("tech.tablesaw.api.Table.create(\"t\").name().length()").text == "1"
    assert k.run("new com.google.gson.Gson().toJson(12).length()").text == "2"


def test_a_hidden_library_can_be_added_in_another_version(k):
    cell = k.run("%maven org.ow2.asm:asm:9.5", timeout=180)
    assert cell.status == "ok", cell.reply
    where = k.run("org.objectweb.asm.ClassReader.class.getProtectionDomain().getCodeSource().getLocation().toString()")
    assert where.status == "ok", where.reply
    assert "asm-9.5.jar" in where.text, where.text


def test_another_version_of_a_toolkit_library_is_named_in_the_cell(k):
    cell = k.run("%maven com.google.code.gson:gson:2.8.9", timeout=180)
    assert cell.status == "ok", cell.reply
    assert "gson 2.8.9 was added, but the toolkit needs gson 2.11.0, which notebook code keeps seeing" in cell.stdout
