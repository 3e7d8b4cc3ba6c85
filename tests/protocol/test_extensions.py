"""Extensions found by ServiceLoader: installed when %classpath adds their jar, with per-cell hooks."""
import pathlib
import subprocess

from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL, Kernel

EXTENSION = """
package probe;

import java.nio.file.*;
import java.util.List;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.mlcycle.hooks.CellHooks;
import org.mlcycle.hooks.HookRegistry;

public class ProbeExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        kernel.getMagicsRegistry().registerLineMagic("shout", (k, args) -> String.join(" ", args).toUpperCase());
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "probe-" + ProcessHandle.current().pid() + ".log");
        HookRegistry.of(kernel).ifPresent(r -> r.addHooks(new CellHooks() {
            @Override
            public void afterCell(int count, String code, Throwable error, long nanos) {
                try {
                    Files.writeString(log, count + (error == null ? " ok" : " " + error.getClass().getSimpleName()) + "\\n",
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }));
    }
}
"""


def build_extension(tmp_path):
    lib = pathlib.Path(KernelSpecManager().get_kernel_spec(KERNEL).resource_dir) / "lib"
    classpath = ":".join(str(p) for p in lib.glob("*.jar") if "jjava-jupyter" in p.name or "mlcycle-hooks" in p.name)
    src = tmp_path / "src" / "probe"
    src.mkdir(parents=True)
    (src / "ProbeExtension.java").write_text(EXTENSION)
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-cp", classpath, "-d", str(classes), str(src / "ProbeExtension.java")], check=True)
    services = classes / "META-INF" / "services"
    services.mkdir(parents=True)
    (services / "org.dflib.jjava.jupyter.Extension").write_text("probe.ProbeExtension\n")
    jar = tmp_path / "probe.jar"
    subprocess.run(["jar", "cf", str(jar), "-C", str(classes), "."], check=True)
    return jar


def test_an_extension_added_with_classpath_brings_its_magics_and_hears_every_cell(tmp_path):
    jar = build_extension(tmp_path)
    k = Kernel(MLCYCLE_HISTORY=str(tmp_path / "h.jsonl"))
    try:
        assert k.run("%shout hi").reply["ename"] == "UsageError"  # not there yet
        assert k.run(f"%classpath {jar}").status == "ok"
        assert k.run("%shout hello there").text == "HELLO THERE"
        k.run("int z = 1/0;")
        k.run("1 + 1")
        log = pathlib.Path("/tmp") / f"probe-{k.pid()}.log"
        lines = log.read_text().splitlines()
        assert lines[-3:] == [f"{lines[-3].split()[0]} ok", f"{int(lines[-3].split()[0]) + 1} ArithmeticException",
                              f"{int(lines[-3].split()[0]) + 2} ok"]
    finally:
        k.shutdown()


def test_an_extension_on_ijava_classpath_is_installed_at_start(tmp_path):
    jar = build_extension(tmp_path)
    k = Kernel(MLCYCLE_HISTORY=str(tmp_path / "h.jsonl"), IJAVA_CLASSPATH=str(jar))
    try:
        assert k.run("%shout at start").text == "AT START"
    finally:
        k.shutdown()
