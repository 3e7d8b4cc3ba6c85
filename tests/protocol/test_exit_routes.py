"""Every route to System.exit, Runtime.exit and Runtime.halt from notebook code fails the cell
and keeps the kernel: method references, lambdas, reflection, method handles, threads, and code
in a jar added to the class path."""
import pathlib
import subprocess

import pytest

from conftest import Kernel

ROUTES = {
    "System::exit as an IntConsumer": "java.util.function.IntConsumer ex = System::exit; ex.accept(3);",
    "Runtime::halt bound to the runtime": "java.util.function.IntConsumer h = Runtime.getRuntime()::halt; h.accept(4);",
    "a lambda": "Runnable r = () -> System.exit(5); r.run();",
    "reflection on Runtime.halt": 'Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 6);',
    "reflection on System.exit": 'System.class.getMethod("exit", int.class).invoke(null, 7);',
    "a MethodHandle to System.exit": (
        "var mh = java.lang.invoke.MethodHandles.lookup().findStatic(System.class, \"exit\", "
        "java.lang.invoke.MethodType.methodType(void.class, int.class)); mh.invoke(8);"),
    "a stream's forEach": "java.util.stream.IntStream.of(9).forEach(System::exit);",
}


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    kernel = Kernel(MLCYCLE_HISTORY=str(tmp_path_factory.mktemp("h") / "h.jsonl"))
    kernel.run("int kept = 41;")
    yield kernel
    kernel.shutdown()


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_an_exit_route_fails_the_cell_and_the_kernel_lives(k, route):
    cell = k.run(ROUTES[route], timeout=30)
    assert cell.status == "error", route
    text = cell.reply["evalue"] + "\n".join(cell.reply["traceback"])
    assert "the kernel stays alive" in text, text
    assert k.km.is_alive()
    assert k.run("kept + 1", timeout=30).text == "42"


def test_an_exit_in_a_background_thread_leaves_the_kernel_alive(k):
    k.run("Thread t = new Thread(() -> System.exit(10)); t.start(); t.join();", timeout=30)
    assert k.km.is_alive()
    assert k.run("kept + 1", timeout=30).text == "42"


def test_an_exit_inside_a_jar_on_the_class_path_is_stopped(k, tmp_path):
    src = tmp_path / "src" / "quitter"
    src.mkdir(parents=True)
    (src / "Quitter.java").write_text(
        "package quitter; public final class Quitter { public static void quit() { Runtime.getRuntime().halt(11); } }")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src / "Quitter.java")], check=True)
    jar = tmp_path / "quitter.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)
    assert k.run(f'%classpath {jar}', timeout=60).status == "ok"
    cell = k.run("quitter.Quitter.quit();", timeout=30)
    assert cell.status == "error"
    assert "Runtime.halt(11)" in cell.reply["evalue"]
    assert k.km.is_alive()
    assert k.run("kept + 1", timeout=30).text == "42"
