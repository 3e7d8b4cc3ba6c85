"""A seeded fuzz of generated cells: the kernel never dies, never hangs, and `1 + 1` is still 2
after each one (no cell may leave the session silently wrong)."""
import random

import pytest

from conftest import Kernel

SEED = 20261204
CELLS = 150


def garbage(rng):
    return "".join(rng.choice("{}()[];.,+-*/%<>=!&|^~?:'\"\\@#$ \n\tabcXYZ0123456789") for _ in range(rng.randint(1, 200)))


def truncated_java(rng):
    full = rng.choice([
        "for (int i = 0; i < 10; i++) { System.out.println(i); }",
        "class Point { int x; int y; Point(int x, int y) { this.x = x; this.y = y; } }",
        "java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(\"a\", \"b\"));",
        "int twice(int n) { return 2 * n; }",
        "String s = \"text\"; s.substring(1, 3)",
    ])
    return full[: rng.randint(1, len(full) - 1)]


def unicode_text(rng):
    return "String u = \"" + "".join(rng.choice("éß漢字😀Ωж\u200b") for _ in range(rng.randint(1, 50))) + "\"; u.length()"


def class_file_limits(rng):
    return rng.choice([
        "String huge = \"" + "a" * rng.randint(65_536, 70_000) + "\";",
        "void big() { String s = \"" + "b" * 70_000 + "\"; }",
        "int[] many = {" + "1," * 20_000 + "1};",
        "int[]" + "[]" * rng.randint(255, 300) + " deep = null;",
        "int " + "x" * 70_000 + " = 1;",
    ])


def hiding_types(rng):
    return "class " + rng.choice(["Object", "String", "Integer", "Throwable", "Exception"]) + " {}"


def runtime_failures(rng):
    return rng.choice([
        "int r = 1 / 0;",
        "Object o = null; o.toString();",
        "int down(int n) { return down(n + 1) + 1; } down(0);",
        "long[] big = new long[Integer.MAX_VALUE - 8];",
        "throw new IllegalStateException(\"fuzz\");",
        "System.exit(1);",
        "java.util.function.IntConsumer e = System::exit; e.accept(2);",
        "Integer.parseInt(\"x\")",
    ])


def long_line(rng):
    return "int sum = 0" + " + 1" * rng.randint(1_000, 5_000) + ";"


KINDS = [garbage, truncated_java, unicode_text, class_file_limits, hiding_types, runtime_failures, long_line]


@pytest.fixture(scope="module")
def k(tmp_path_factory):
    kernel = Kernel(MLCYCLE_HISTORY=str(tmp_path_factory.mktemp("h") / "h.jsonl"))
    yield kernel
    kernel.shutdown()


def test_generated_cells_never_kill_hang_or_corrupt_the_kernel(k):
    rng = random.Random(SEED)
    for n in range(CELLS):
        kind = rng.choice(KINDS)
        code = kind(rng)
        cell = k.run(code, timeout=60)
        assert cell.status in ("ok", "error"), (n, kind.__name__, code[:80])
        assert k.km.is_alive(), f"cell {n} ({kind.__name__}) killed the kernel: {code[:80]!r}"
        after = k.run("1 + 1", timeout=60)
        assert after.text == "2", f"after cell {n} ({kind.__name__}: {code[:80]!r}) 1 + 1 gave {after.text!r}: {after.reply}"
