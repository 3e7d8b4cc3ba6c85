"""One kernel run driven by a real Jupyter client, for the class-data-sharing archive.

    python3 archive_run.py KERNELS_DIR NAME TIMEOUT_S

The installer writes a kernelspec NAME under KERNELS_DIR whose JVM dumps the classes it loaded
when it exits (-XX:ArchiveClassesAtExit), and runs this: start the kernel, the requests a
notebook's first minute makes (kernel_info, cells with a value, output, an error and a magic,
completion, inspection, is_complete), then shutdown_request and a wait for the process to exit
by itself, so the JVM writes its archive. Exit status 0 only when all of that happened within
TIMEOUT_S; otherwise the kernel is killed and the status is 1 (the installer then keeps the
archive of its in-process warm-up). The kernel also exits when this process is gone
(JPY_PARENT_PID).
"""
import os
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

CELLS = [
    "1",
    '"text"',
    'System.out.println("out");',
    "var xs = new ArrayList<>(List.of(3, 1, 2)); xs.stream().sorted().map(i -> i * 2).toList()",
    "%lsmagic",
    "1 / 0",
    "int broken = ;",
]


def reply_to(kc, msg_id, left):
    """Waits for the shell reply to msg_id (the reply keyword is not there for every request in older clients)."""
    while kc.get_shell_msg(timeout=left())["parent_header"].get("msg_id") != msg_id:
        pass


def run(kernels_dir, name, deadline):
    def left():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("out of time")
        return remaining

    km = KernelManager(kernel_name=name, kernel_spec_manager=KernelSpecManager(kernel_dirs=[kernels_dir]))
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, MLCYCLE_HISTORY=os.path.join(tmp, "history.jsonl"))
        km.start_kernel(env=env, cwd=tmp)
        kc = km.client()
        try:
            kc.start_channels()
            kc.wait_for_ready(timeout=left())
            for code in CELLS:
                kc.execute_interactive(code, timeout=left(), output_hook=lambda msg: None)
            for msg_id in [kc.complete("xs.str", 6), kc.inspect("xs.stream(", 10),
                           kc.is_complete("for (int i = 0; i < 3; i++) {"), kc.comm_info()]:
                reply_to(kc, msg_id, left)
            kc.shutdown()  # its reply comes on the control channel; the exit is what counts
            process = km.provisioner.process
            # the JVM writes the archive as it exits: give it the time left, do not kill it
            status = process.wait(timeout=left())
            if status != 0:
                raise RuntimeError(f"the kernel exited with status {status}")
        except BaseException:
            if km.has_kernel:
                km.shutdown_kernel(now=True)
            raise
        finally:
            kc.stop_channels()
            km.cleanup_resources()


def main():
    kernels_dir, name, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
    try:
        run(kernels_dir, name, time.monotonic() + timeout)
    except Exception as e:  # noqa: BLE001 - any failure means: no archive from this run
        print(f"{type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
