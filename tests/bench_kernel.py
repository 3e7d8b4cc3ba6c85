#!/usr/bin/env python3
"""Kernel benchmark: start -> first result, round trip of `1`, memory, exit time. Prints JSON.

    bench_kernel.py --kernel NAME [--kernels 5] [--round-trips 50]

Per fresh kernel: the time from launching the process to the execute_result of `1` (and, as
"ready_s", to its first kernel_info reply: the JVM up and the channels bound); the
median round trip of `1` over N cells after 5 warm-up cells; the same for a blank cell
("blank_cell_ms": busy, execute_input, reply and idle without JShell) and a kernel_info request
("kernel_info_ms"), which is what the protocol and this client cost on their own; the kernel process's resident set
(VmRSS) after those cells; and the time from shutdown_request to the process's exit. The summary
gives the median over kernels. Nothing else should run on the machine meanwhile.

Wall times on a busy machine mostly measure the wait for a core; the CPU times beside them
(read from /proc, every thread of the process: the JIT's and the collector's too) do not:
"first_cpu_s" is the kernel's CPU up to its first result, "round_trip_cpu_ms" its CPU per cell of
`1`, "blank_cell_and_kernel_info_cpu_ms" per blank cell plus kernel_info request.

"jshell_floor" runs a bare JShell (JShellFloor) with the kernelspec's own java, JVM options,
class-data-sharing archive and classpath, as many times: the time from launching it to its first
value of `1` ("first_cpu_s": its CPU by then), and the median of its in-process `eval("1")`
("eval_cpu_ms": the process's CPU per evaluation). No kernel built on JShell can start
or answer faster than that on this machine; the difference is the kernel's own cost.
"jshell_floor_with_imports" is the same bare JShell given the kernel's imports first (read from a
fresh kernel's %imports, evaluated as one group as the kernel does): a notebook kernel must offer
them, and javac resolves them in every later compile, so this is the floor for a kernel with them.

"ipykernel" runs the same client loop against Python's own kernel (the kernelspec --python-kernel,
python3 by default; skipped when it is not installed): Jupyter's reference kernel, whose round trip
of `1` is almost all protocol and client, since evaluating `1` in Python takes microseconds. A
kernel on JShell cannot answer faster than JShell's eval with the imports it offers plus what the
protocol and this client cost, so "ratios_to_floor_with_imports_and_protocol" divides the round
trip by the floor with imports plus ipykernel's round trip, measured in the same run.

With --warm NAME (a kernelspec installed with `install --warm`), "warm" measures the same for
kernels handed to a waiting spare JVM: each launch waits until the spare is listening (as a
notebook opened a few seconds after the last one would), and the idle spare's resident set is
read before it is claimed; "rss_mib" there is the launched stand-in process, "spare_rss_mib" the
kernel's own JVM while it waited, "spare_cpu_s" the CPU it spent starting and warming up.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_ms(pid):
    """CPU time the process has used so far (every thread, ended ones too), in ms."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def one_kernel(name, round_trips):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    ready = time.perf_counter() - t0
    quiet = lambda msg: None
    reply = kc.execute_interactive("1", timeout=120, output_hook=quiet)
    first = time.perf_counter() - t0
    pid = km.provisioner.process.pid
    first_cpu = cpu_ms(pid)
    assert reply["content"]["status"] == "ok"
    for _ in range(5):
        kc.execute_interactive("1", timeout=60, output_hook=quiet)
    trips = []
    cpu = cpu_ms(pid)
    for _ in range(round_trips):
        t = time.perf_counter()
        kc.execute_interactive("1", timeout=60, output_hook=quiet)
        trips.append(time.perf_counter() - t)
    trip_cpu = (cpu_ms(pid) - cpu) / round_trips
    rss = rss_mib(pid)
    # after the resident set is read: the same round trip without JShell: the protocol and this client alone
    blank, info = [], []
    cpu = cpu_ms(pid)
    for _ in range(round_trips):
        t = time.perf_counter()
        kc.execute_interactive("", timeout=60, output_hook=quiet)
        blank.append(time.perf_counter() - t)
        t = time.perf_counter()
        kc.kernel_info(reply=True, timeout=60)
        info.append(time.perf_counter() - t)
    protocol_cpu = (cpu_ms(pid) - cpu) / round_trips
    process = km.provisioner.process
    t = time.perf_counter()
    kc.shutdown()
    process.wait(timeout=120)
    exit_s = time.perf_counter() - t
    kc.stop_channels()
    km.cleanup_resources()
    return {"first_result_s": round(first, 3), "ready_s": round(ready, 3), "first_cpu_s": round(first_cpu / 1000, 3),
            "round_trip_ms": round(statistics.median(trips) * 1000, 2), "round_trip_cpu_ms": round(trip_cpu, 2),
            "blank_cell_ms": round(statistics.median(blank) * 1000, 2),
            "kernel_info_ms": round(statistics.median(info) * 1000, 2),
            "blank_cell_and_kernel_info_cpu_ms": round(protocol_cpu, 2),
            "rss_mib": round(rss, 1), "exit_s": round(exit_s, 3)}


def spare_socket(resource_dir, timeout=120):
    """(pid, socket) of the waiting spare of a --warm kernelspec, once its socket exists."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    args = f.read().decode(errors="replace").split("\0")
            except OSError:
                continue
            if "spare" in args and any(resource_dir in a for a in args):
                socket = args[args.index("spare") + 1]
                if os.path.exists(socket):
                    return int(pid), socket
        time.sleep(0.2)
    raise SystemExit("no warm spare came up")


def warm_runs(name, kernels, round_trips):
    resource_dir = KernelSpecManager().get_kernel_spec(name).resource_dir
    one_kernel(name, 1)  # a first launch starts the spares
    runs = []
    for _ in range(kernels):
        pid, _socket = spare_socket(resource_dir)
        time.sleep(1)  # the spare's own start-up tail
        spare_rss, spare_cpu = rss_mib(pid), cpu_ms(pid)
        run = one_kernel(name, round_trips)
        run["spare_rss_mib"] = round(spare_rss, 1)
        run["spare_cpu_s"] = round(spare_cpu / 1000, 2)
        runs.append(run)
    return runs


def kernelspec_argv(name):
    spec = KernelSpecManager().get_kernel_spec(name)
    argv = [a.replace("{resource_dir}", spec.resource_dir) for a in spec.argv]
    main = argv.index("org.mlcycle.kernel.launch.Main")
    return argv[:main]


def kernel_imports(name):
    """What a fresh kernel of this kernelspec imports (its %imports), for the floor with imports."""
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    texts = []
    reply = kc.execute_interactive("%imports", timeout=120, output_hook=lambda msg: texts.append(
        msg["content"].get("data", {}).get("text/plain", "") if msg["msg_type"] == "execute_result" else ""))
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    assert reply["content"]["status"] == "ok", reply["content"]
    return [line for line in "".join(texts).splitlines() if line.strip()]


def one_floor(java_argv, evals, imports=()):
    t0 = time.perf_counter()
    p = subprocess.Popen(java_argv + ["org.mlcycle.kernel.launch.JShellFloor", str(evals), *imports],
                         stdout=subprocess.PIPE, text=True)
    first_line = p.stdout.readline().strip()
    first = time.perf_counter() - t0
    first_cpu = cpu_ms(p.pid)
    rest = p.stdout.read().split()
    if p.wait(timeout=120) != 0 or first_line != "first" or rest[:1] != ["eval_ms"]:
        raise SystemExit(f"JShellFloor failed: {first_line} {rest}")
    floor = {"first_result_s": round(first, 3), "first_cpu_s": round(first_cpu / 1000, 3), "eval_ms": float(rest[1])}
    if rest[2:3] == ["eval_cpu_ms"]:
        floor["eval_cpu_ms"] = float(rest[3])
    return floor


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="mlcycle")
    ap.add_argument("--kernels", type=int, default=5)
    ap.add_argument("--round-trips", type=int, default=50)
    ap.add_argument("--warm", help="a kernelspec installed with --warm, measured beside the others")
    ap.add_argument("--python-kernel", default="python3",
                    help="Python's kernelspec, measured beside the others ('' to skip)")
    args = ap.parse_args()
    runs = [one_kernel(args.kernel, args.round_trips) for _ in range(args.kernels)]
    summary = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    java_argv = kernelspec_argv(args.kernel)
    floors = [one_floor(java_argv, args.round_trips) for _ in range(args.kernels)]
    floor = {k: statistics.median(r[k] for r in floors) for k in floors[0]}
    imports = kernel_imports(args.kernel)
    ifloors = [one_floor(java_argv, args.round_trips, imports) for _ in range(args.kernels)]
    ifloor = {k: statistics.median(r[k] for r in ifloors) for k in ifloors[0]}
    python = {}
    if args.python_kernel and args.python_kernel in KernelSpecManager().find_kernel_specs():
        pruns = [one_kernel(args.python_kernel, args.round_trips) for _ in range(args.kernels)]
        pmedian = {k: statistics.median(r[k] for r in pruns) for k in pruns[0]}
        python = {"ipykernel": {"kernel": args.python_kernel, "median": pmedian, "runs": pruns},
                  "ratios_to_floor_with_imports_and_protocol": {
                      "round_trip": round(summary["round_trip_ms"] / (ifloor["eval_ms"] + pmedian["round_trip_ms"]), 2)}}
    warm = {}
    if args.warm:
        wruns = warm_runs(args.warm, args.kernels, args.round_trips)
        wmedian = {k: statistics.median(r[k] for r in wruns) for k in wruns[0]}
        warm = {"warm": {"kernel": args.warm, "median": wmedian, "runs": wruns}}
        if python:
            warm["warm"]["first_result_to_ipykernel"] = round(
                wmedian["first_result_s"] / python["ipykernel"]["median"]["first_result_s"], 2)
    # the targets are ratios to the floor of the same run; CPU ratios are the steadier on a busy machine
    def ratios(floor):
        out = {"first_result": round(summary["first_result_s"] / floor["first_result_s"], 2),
               "first_cpu": round(summary["first_cpu_s"] / floor["first_cpu_s"], 2),
               "round_trip": round(summary["round_trip_ms"] / floor["eval_ms"], 2)}
        if "eval_cpu_ms" in floor:
            out["round_trip_cpu"] = round(summary["round_trip_cpu_ms"] / floor["eval_cpu_ms"], 2)
        return out
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(json.dumps({"task": "kernel", "kernel": args.kernel, "median": summary, "runs": runs,
                      "jshell_floor": {"median": floor, "runs": floors},
                      "jshell_floor_with_imports": {"imports": len(imports), "median": ifloor, "runs": ifloors},
                      "ratios_to_floor": ratios(floor),
                      "ratios_to_floor_with_imports": ratios(ifloor),
                      **python,
                      **warm,
                      "env": {"cpus": os.cpu_count(), "java": java, "python": platform.python_version()}}))


if __name__ == "__main__":
    main()
