#!/usr/bin/env python3
"""Kernel benchmark: start -> first result, round trip of `1`, memory, exit time. Prints JSON.

    bench_kernel.py --kernel NAME [--kernels 5] [--round-trips 50]

Per fresh kernel: the time from launching the process to the execute_result of `1`; the
median round trip of `1` over N cells after 5 warm-up cells; the kernel process's resident set
(VmRSS) after those cells; and the time from shutdown_request to the process's exit. The summary
gives the median over kernels. Nothing else should run on the machine meanwhile.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import time

from jupyter_client.manager import KernelManager


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def one_kernel(name, round_trips):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    quiet = lambda msg: None
    reply = kc.execute_interactive("1", timeout=120, output_hook=quiet)
    first = time.perf_counter() - t0
    assert reply["content"]["status"] == "ok"
    for _ in range(5):
        kc.execute_interactive("1", timeout=60, output_hook=quiet)
    trips = []
    for _ in range(round_trips):
        t = time.perf_counter()
        kc.execute_interactive("1", timeout=60, output_hook=quiet)
        trips.append(time.perf_counter() - t)
    pid = km.provisioner.process.pid
    rss = rss_mib(pid)
    process = km.provisioner.process
    t = time.perf_counter()
    kc.shutdown()
    process.wait(timeout=120)
    exit_s = time.perf_counter() - t
    kc.stop_channels()
    km.cleanup_resources()
    return {"first_result_s": round(first, 3), "round_trip_ms": round(statistics.median(trips) * 1000, 2),
            "rss_mib": round(rss, 1), "exit_s": round(exit_s, 3)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kernel", default="mlcycle")
    ap.add_argument("--kernels", type=int, default=5)
    ap.add_argument("--round-trips", type=int, default=50)
    args = ap.parse_args()
    runs = [one_kernel(args.kernel, args.round_trips) for _ in range(args.kernels)]
    summary = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(json.dumps({"task": "kernel", "kernel": args.kernel, "median": summary, "runs": runs,
                      "env": {"cpus": os.cpu_count(), "java": java, "python": platform.python_version()}}))


if __name__ == "__main__":
    main()
